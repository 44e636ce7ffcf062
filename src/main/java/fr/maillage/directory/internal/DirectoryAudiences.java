package fr.maillage.directory.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.notifications.Audience;
import fr.maillage.platform.Messages;
import fr.maillage.shared.FrenchText;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audiences the directory adds to announcements: the CPTS's people who are professionals of
 * one profession, and — for outreach like the mailing of seed 002 — the territory's professionals
 * who are not its members, by e-mail where the directory knows one (MSSanté first).
 */
class DirectoryAudiences {

	private static String professionCondition() {
		return "(p.profession_code = :prof or lower(unaccent(coalesce(p.profession_label, ''))) like :profLike)";
	}

	private static String like(@Nullable String parameter) {
		return "%" + FrenchText.normalize(parameter == null ? "" : parameter).toLowerCase(Locale.ROOT) + "%";
	}

	@Component
	static class Profession implements Audience {

		private final JdbcClient jdbc;
		private final Accounts accounts;
		private final Messages messages;

		Profession(JdbcClient jdbc, Accounts accounts, Messages messages) {
			this.jdbc = jdbc;
			this.accounts = accounts;
			this.messages = messages;
		}

		@Override
		public String code() {
			return "profession";
		}

		@Override
		public String labelKey() {
			return "announcement.audience.profession";
		}

		@Override
		public String parameterKey() {
			return "announcement.audience.profession.param";
		}

		@Override
		public String describe(UUID cptsId, @Nullable String parameter) {
			return messages.get("announcement.audience.profession.described", parameter == null ? "" : parameter);
		}

		@Override
		public List<Recipient> resolve(UUID cptsId, @Nullable String parameter) {
			if (parameter == null || parameter.isBlank()) {
				return List.of();
			}
			var people = accounts.usersOf(cptsId);
			UUID[] ids = people.stream().map(Accounts.UserView::id).toArray(UUID[]::new);
			List<UUID> matching = jdbc.sql("""
					select l.user_id from account_link_directory l join practitioner p on p.id = l.practitioner_id
					where l.status = 'ACTIVE' and l.user_id = any(:ids) and """ + professionCondition())
				.param("ids", ids).param("prof", parameter.strip()).param("profLike", like(parameter)).query(UUID.class).list();
			return people.stream().filter(u -> matching.contains(u.id())).map(u -> new Recipient(u.id(), null, u.displayName())).toList();
		}
	}

	/** The CPTS's people who are professionals practising in some communes (INSEE codes or names, separated by commas). */
	@Component
	static class Communes implements Audience {

		private final JdbcClient jdbc;
		private final Accounts accounts;
		private final Messages messages;
		private final fr.maillage.reference.CommuneListResolver resolver;

		Communes(JdbcClient jdbc, Accounts accounts, Messages messages,
				fr.maillage.reference.CommuneListResolver resolver) {
			this.jdbc = jdbc;
			this.accounts = accounts;
			this.messages = messages;
			this.resolver = resolver;
		}

		@Override
		public String code() {
			return "communes";
		}

		@Override
		public String labelKey() {
			return "announcement.audience.communes";
		}

		@Override
		public String parameterKey() {
			return "announcement.audience.communes.param";
		}

		private List<fr.maillage.reference.Commune> resolve(@Nullable String parameter) {
			if (parameter == null) {
				return List.of();
			}
			return java.util.Arrays.stream(parameter.split("[,;\\n]+")).map(String::strip).filter(t -> !t.isEmpty())
				.map(resolver::resolveOne).flatMap(java.util.Optional::stream).distinct().toList();
		}

		@Override
		public String describe(UUID cptsId, @Nullable String parameter) {
			return messages.get("announcement.audience.communes.described",
					String.join(", ", resolve(parameter).stream().map(fr.maillage.reference.Commune::name).toList()));
		}

		@Override
		public List<Recipient> resolve(UUID cptsId, @Nullable String parameter) {
			String[] codes = resolve(parameter).stream().map(fr.maillage.reference.Commune::inseeCode).toArray(String[]::new);
			if (codes.length == 0) {
				return List.of();
			}
			var people = accounts.usersOf(cptsId);
			List<UUID> matching = jdbc.sql("""
					select l.user_id from account_link_directory l
					where l.status = 'ACTIVE' and l.user_id = any(:ids) and l.practitioner_id is not null
					  and exists (select 1 from practitioner_activity a where a.practitioner_id = l.practitioner_id and a.active and a.commune_code = any(:codes))""")
				.param("ids", people.stream().map(Accounts.UserView::id).toArray(UUID[]::new)).param("codes", codes).query(UUID.class).list();
			return people.stream().filter(u -> matching.contains(u.id())).map(u -> new Recipient(u.id(), null, u.displayName())).toList();
		}
	}

	@Component
	static class Outreach implements Audience {

		private final JdbcClient jdbc;
		private final Accounts accounts;
		private final CptsService cpts;
		private final Messages messages;

		Outreach(JdbcClient jdbc, Accounts accounts, CptsService cpts, Messages messages) {
			this.jdbc = jdbc;
			this.accounts = accounts;
			this.cpts = cpts;
			this.messages = messages;
		}

		@Override
		public String code() {
			return "outreach";
		}

		@Override
		public String labelKey() {
			return "announcement.audience.outreach";
		}

		@Override
		public String parameterKey() {
			return "announcement.audience.outreach.param";
		}

		@Override
		public String describe(UUID cptsId, @Nullable String parameter) {
			return parameter == null ? messages.get("announcement.audience.outreach")
					: messages.get("announcement.audience.outreach.described", parameter);
		}

		@Override
		public List<Recipient> resolve(UUID cptsId, @Nullable String parameter) {
			String[] codes = cpts.territory(cptsId).communes().stream().map(Territory.TerritoryCommune::inseeCode).toArray(String[]::new);
			UUID[] members = accounts.usersOf(cptsId).stream().map(Accounts.UserView::id).toArray(UUID[]::new);
			return jdbc.sql("""
					select distinct on (email) email, label from (
					  select lower(coalesce(p.mssante, (select a2.email from practitioner_activity a2 where a2.practitioner_id = p.id and a2.active
					    and a2.email is not null order by a2.created_at limit 1))) as email,
					    concat_ws(' ', p.last_name, p.first_name, '–', p.profession_label) as label
					  from practitioner p
					  where exists (select 1 from practitioner_activity a where a.practitioner_id = p.id and a.active and a.commune_code = any(:codes))
					    and not exists (select 1 from account_link_directory l where l.practitioner_id = p.id and l.status = 'ACTIVE' and l.user_id = any(:members))
					    and not exists (select 1 from cpts_engagement e where e.practitioner_id = p.id and e.cpts_id = :c and e.member)
					    and (cast(:prof as text) is null or """ + professionCondition() + """
					)) x where email is not null order by email""")
				.param("codes", codes).param("members", members).param("c", cptsId)
				.param("prof", parameter == null || parameter.isBlank() ? null : parameter.strip()).param("profLike", like(parameter))
				.query((rs, i) -> new Recipient(null, rs.getString(1), rs.getString(2))).list();
		}
	}
}
