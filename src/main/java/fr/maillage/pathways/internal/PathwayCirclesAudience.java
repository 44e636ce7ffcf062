package fr.maillage.pathways.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.Audience;
import fr.maillage.platform.Messages;
import fr.maillage.shared.FrenchText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Announcements to the members of the care circles of a pathway (the template's name, or part of it): who follows its patients. */
@Component
class PathwayCirclesAudience implements Audience {

	private final JdbcClient jdbc;
	private final AccountLinks links;
	private final Accounts accounts;
	private final Messages messages;

	PathwayCirclesAudience(JdbcClient jdbc, AccountLinks links, Accounts accounts, Messages messages) {
		this.jdbc = jdbc;
		this.links = links;
		this.accounts = accounts;
		this.messages = messages;
	}

	@Override
	public String code() {
		return "pathway";
	}

	@Override
	public String labelKey() {
		return "announcement.audience.pathway";
	}

	@Override
	public String parameterKey() {
		return "announcement.audience.pathway.param";
	}

	@Override
	public String describe(UUID cptsId, @Nullable String parameter) {
		return messages.get("announcement.audience.pathway.described", parameter == null ? "" : parameter);
	}

	@Override
	public List<Recipient> resolve(UUID cptsId, @Nullable String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return List.of();
		}
		List<UUID> entries = jdbc.sql("""
				select distinct coalesce(m.practitioner_id, m.organization_id) from pathway_circle_member m
				join pathway_enrolment e on e.id = m.enrolment_id and e.status = 'ACTIVE' join pathway_template t on t.id = e.template_id
				where e.cpts_id = :c and m.removed_at is null and lower(unaccent(t.name)) like :name""")
			.param("c", cptsId).param("name", "%" + FrenchText.normalize(parameter).toLowerCase(Locale.ROOT) + "%").query(UUID.class).list();
		Set<UUID> users = new LinkedHashSet<>();
		links.accountsOf(entries).values().forEach(users::addAll);
		var names = accounts.displayNames(users);
		return users.stream().map(u -> new Recipient(u, null, names.getOrDefault(u, ""))).toList();
	}
}
