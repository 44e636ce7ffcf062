package fr.maillage.directory;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.platform.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "professionals by profession" table of a projet de santé (seed 003 « Professionnels
 * informés et sollicités », seed 002 section 2a): per profession, how many are identified in the
 * territory (active practice site in its communes, from the directory), solicited, took part in
 * writing the project, members, in governance (recorded per professional by the coordinator).
 */
@Service
public class ProfessionTable {

	/** The professions of the seeds' tables, in their order; everyone else is "other", one row per profession label. */
	public enum Group {
		GP, SPECIALIST, NURSE, PHARMACIST, PHYSIOTHERAPIST, MIDWIFE, DENTIST, SPEECH_THERAPIST, ORTHOPTIST, PODIATRIST, OTHER
	}

	public record Row(Group group, @Nullable String otherLabel, long identified, long solicited, long project, long members,
			long governance) {
	}

	public record Table(UUID cptsId, List<Row> rows, Row total) {
	}

	/** How one professional stands with one CPTS. */
	public record Engagement(@Nullable LocalDate solicitedOn, boolean project, boolean member, boolean governance) {
		public static final Engagement NONE = new Engagement(null, false, false, false);
	}

	/** The SQL that puts a professional (alias p) in a group: RPPS profession code first, then the label of hand entries. */
	static final String GROUP_SQL = """
			case
			  when p.profession_code = '10' and exists (select 1 from practitioner_activity g where g.practitioner_id = p.id
			    and g.skill_code in ('SM53', 'SM54')) then 'GP'
			  when p.profession_code is null and lower(unaccent(coalesce(p.profession_label, ''))) like 'medecin generaliste%' then 'GP'
			  when p.profession_code = '10' or lower(unaccent(coalesce(p.profession_label, ''))) like 'medecin%' then 'SPECIALIST'
			  when p.profession_code = '60' or lower(unaccent(coalesce(p.profession_label, ''))) like 'infirmi%' then 'NURSE'
			  when p.profession_code = '21' or lower(unaccent(coalesce(p.profession_label, ''))) like 'pharmacien%' then 'PHARMACIST'
			  when p.profession_code = '70' or lower(unaccent(coalesce(p.profession_label, ''))) similar to '(masseur|kine)%' then 'PHYSIOTHERAPIST'
			  when p.profession_code = '50' or lower(unaccent(coalesce(p.profession_label, ''))) like 'sage%femme%' then 'MIDWIFE'
			  when p.profession_code = '40' or lower(unaccent(coalesce(p.profession_label, ''))) similar to '(chirurgien.dentiste|dentiste)%' then 'DENTIST'
			  when p.profession_code = '91' or lower(unaccent(coalesce(p.profession_label, ''))) like 'orthophon%' then 'SPEECH_THERAPIST'
			  when p.profession_code = '92' or lower(unaccent(coalesce(p.profession_label, ''))) like 'orthopt%' then 'ORTHOPTIST'
			  when p.profession_code = '80' or lower(unaccent(coalesce(p.profession_label, ''))) similar to '(pedicure|podolog)%' then 'PODIATRIST'
			  else 'OTHER'
			end""";

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final CptsService cpts;
	private final AuditLog audit;
	private final DirectorySearch search;

	ProfessionTable(JdbcClient jdbc, CptsAccess access, CptsService cpts, AuditLog audit, DirectorySearch search) {
		this.jdbc = jdbc;
		this.access = access;
		this.cpts = cpts;
		this.audit = audit;
		this.search = search;
	}

	/** The table of a CPTS, for its members. */
	@Transactional(readOnly = true)
	public Table of(UUID cptsId) {
		access.requireMember(cptsId);
		String[] codes = cpts.territory(cptsId).communes().stream().map(Territory.TerritoryCommune::inseeCode).toArray(String[]::new);
		Map<String, Row> byKey = new LinkedHashMap<>();
		for (Group g : Group.values()) {
			if (g != Group.OTHER) {
				byKey.put(g.name(), new Row(g, null, 0, 0, 0, 0, 0));
			}
		}
		List<Row> others = new ArrayList<>();
		jdbc.sql("""
				with scope as (
				  select p.id, p.profession_label, %s as grp,
				    exists (select 1 from practitioner_activity a where a.practitioner_id = p.id and a.active and a.commune_code = any(:codes)) as inside
				  from practitioner p
				  where exists (select 1 from practitioner_activity a where a.practitioner_id = p.id and a.active and a.commune_code = any(:codes))
				     or exists (select 1 from cpts_engagement e where e.practitioner_id = p.id and e.cpts_id = :c)
				)
				select s.grp, case when s.grp = 'OTHER' then coalesce(nullif(s.profession_label, ''), '?') end as other,
				  count(*) filter (where s.inside),
				  count(*) filter (where e.solicited_on is not null or e.project or e.member or e.governance),
				  count(*) filter (where e.project), count(*) filter (where e.member), count(*) filter (where e.governance)
				from scope s left join cpts_engagement e on e.cpts_id = :c and e.practitioner_id = s.id
				group by 1, 2 order by 2""".formatted(GROUP_SQL))
			.param("codes", codes).param("c", cptsId)
			.query((rs, i) -> {
				Row row = new Row(Group.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
						rs.getLong(7));
				if (row.group() == Group.OTHER) {
					others.add(row);
				}
				else {
					byKey.put(row.group().name(), row);
				}
				return row;
			}).list();
		List<Row> rows = new ArrayList<>(byKey.values());
		rows.addAll(others);
		Row total = new Row(Group.OTHER, null, rows.stream().mapToLong(Row::identified).sum(), rows.stream().mapToLong(Row::solicited).sum(),
				rows.stream().mapToLong(Row::project).sum(), rows.stream().mapToLong(Row::members).sum(),
				rows.stream().mapToLong(Row::governance).sum());
		return new Table(cptsId, List.copyOf(rows), total);
	}

	/** How a professional stands with a CPTS, for its coordinators. */
	@Transactional(readOnly = true)
	public Engagement engagement(UUID cptsId, UUID practitionerId) {
		access.requireCoordinator(cptsId);
		return jdbc.sql("select solicited_on, project, member, governance from cpts_engagement where cpts_id = :c and practitioner_id = :p")
			.param("c", cptsId).param("p", practitionerId)
			.query((rs, i) -> new Engagement(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
			.optional().orElse(Engagement.NONE);
	}

	@Transactional
	public void record(UUID cptsId, UUID practitionerId, Engagement engagement) {
		var user = access.requireCoordinator(cptsId);
		search.byId(practitionerId).orElseThrow(NotFoundException::new);
		jdbc.sql("""
				insert into cpts_engagement (cpts_id, practitioner_id, solicited_on, project, member, governance, updated_by)
				values (:c, :p, :s, :pr, :m, :g, :by)
				on conflict (cpts_id, practitioner_id) do update set solicited_on = excluded.solicited_on, project = excluded.project,
				  member = excluded.member, governance = excluded.governance, updated_by = excluded.updated_by, updated_at = now()""")
			.param("c", cptsId).param("p", practitionerId).param("s", engagement.solicitedOn()).param("pr", engagement.project())
			.param("m", engagement.member()).param("g", engagement.governance()).param("by", user.id()).update();
		audit.change("directory.engagement.updated", "practitioner", practitionerId.toString(), cptsId,
				"sollicité=" + engagement.solicitedOn() + " projet=" + engagement.project() + " adhérent=" + engagement.member()
						+ " gouvernance=" + engagement.governance());
	}

	/**
	 * "Member" and "in governance" as the association module knows them (an active membership, a
	 * current mandate), written when they change; what was solicited or written with the project stays.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void recordMembership(UUID cptsId, UUID practitionerId, boolean member, boolean governance) {
		jdbc.sql("""
				insert into cpts_engagement (cpts_id, practitioner_id, member, governance, updated_by)
				values (:c, :p, :m, :g, :by)
				on conflict (cpts_id, practitioner_id) do update set member = excluded.member, governance = excluded.governance,
				  updated_by = excluded.updated_by, updated_at = now()""")
			.param("c", cptsId).param("p", practitionerId).param("m", member).param("g", governance)
			.param("by", access.current().map(u -> u.id()).orElse(null)).update();
	}

	/** The most professionals a coordinator marks as solicited at once (a mailing to a whole profession of a territory). */
	public static final int MAX_BULK = 5000;

	/**
	 * Marks every professional matching a directory search as solicited on a date (those already
	 * solicited keep their first date). Answers how many were newly marked.
	 */
	@Transactional
	public int markSolicited(UUID cptsId, DirectorySearch.Query query, LocalDate on) {
		var user = access.requireCoordinator(cptsId);
		List<UUID> ids = new ArrayList<>();
		search.forEach(query, p -> {
			if (ids.size() < MAX_BULK) {
				ids.add(p.id());
			}
		});
		if (ids.isEmpty()) {
			return 0;
		}
		int marked = jdbc.sql("""
				insert into cpts_engagement (cpts_id, practitioner_id, solicited_on, updated_by)
				select :c, id, :on, :by from unnest(:ids) as id
				on conflict (cpts_id, practitioner_id) do update set solicited_on = excluded.solicited_on, updated_by = excluded.updated_by,
				  updated_at = now()
				where cpts_engagement.solicited_on is null""")
			.param("c", cptsId).param("on", on).param("by", user.id()).param("ids", ids.toArray(UUID[]::new)).update();
		audit.change("directory.engagement.solicited", "cpts", cptsId.toString(), cptsId, marked + " professionnels, le " + on);
		return marked;
	}
}
