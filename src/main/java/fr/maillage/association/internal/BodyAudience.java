package fr.maillage.association.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.association.Members;
import fr.maillage.notifications.Audience;
import fr.maillage.platform.Messages;
import fr.maillage.shared.FrenchText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Announcements to the members of a body of the association (its name, or part of it: "bureau", "conseil"), who hold a mandate in it today. */
@Component
class BodyAudience implements Audience {

	private final JdbcClient jdbc;
	private final Members members;
	private final Accounts accounts;
	private final Messages messages;

	BodyAudience(JdbcClient jdbc, Members members, Accounts accounts, Messages messages) {
		this.jdbc = jdbc;
		this.members = members;
		this.accounts = accounts;
		this.messages = messages;
	}

	@Override
	public String code() {
		return "body";
	}

	@Override
	public String labelKey() {
		return "announcement.audience.body";
	}

	@Override
	public String parameterKey() {
		return "announcement.audience.body.param";
	}

	@Override
	public String describe(UUID cptsId, @Nullable String parameter) {
		return messages.get("announcement.audience.body.described", parameter == null ? "" : parameter);
	}

	@Override
	public List<Recipient> resolve(UUID cptsId, @Nullable String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return List.of();
		}
		List<UUID> sitting = jdbc.sql("""
				select distinct m.member_id from mandate m join body b on b.id = m.body_id join member x on x.id = m.member_id
				where b.cpts_id = :c and lower(unaccent(b.name)) like :name and m.starts_on <= :today and (m.ends_on is null or m.ends_on >= :today)
				  and x.status = 'ACTIVE'""")
			.param("c", cptsId).param("name", "%" + FrenchText.normalize(parameter).toLowerCase(Locale.ROOT) + "%")
			.param("today", LocalDate.now(fr.maillage.association.Board.PARIS)).query(UUID.class).list();
		List<Members.Member> people = List.copyOf(members.byIds(sitting).values());
		Set<UUID> users = new LinkedHashSet<>();
		List<Recipient> out = new ArrayList<>();
		var accountsOf = members.accountsOf(people);
		accountsOf.values().forEach(users::addAll);
		var names = accounts.displayNames(users);
		users.forEach(u -> out.add(new Recipient(u, null, names.getOrDefault(u, ""))));
		// members without an account still hear of it, at the directory's address
		people.stream().filter(p -> accountsOf.get(p.id()).isEmpty() && p.email() != null)
			.forEach(p -> out.add(new Recipient(null, p.email(), p.name())));
		return out;
	}
}
