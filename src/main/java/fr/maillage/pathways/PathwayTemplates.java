package fr.maillage.pathways;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.Problems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pathway templates of a CPTS, built by its coordinators from steps. Templates are versioned:
 * saving writes a new version, and patients already enrolled keep the schedule of theirs until a
 * coordinator migrates them. Every member of the CPTS reads them (to enrol a patient).
 */
@Service
public class PathwayTemplates {

	public static final int MAX_STEPS = 40;

	public record TemplateForm(@Nullable String name, @Nullable String description, @Nullable Integer durationMonths,
			@Nullable List<StepDefinition> steps) {
	}

	public record Template(UUID id, UUID cptsId, String name, @Nullable String description, int version, int durationMonths,
			List<StepDefinition> steps, boolean example, Instant createdAt, boolean circleOnly) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<StepDefinition>> STEPS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;

	PathwayTemplates(JdbcClient jdbc, CptsAccess access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	@Transactional
	public Template create(UUID cptsId, TemplateForm form) {
		return create(cptsId, form, false);
	}

	/**
	 * A template whose enrolments only their care circle sees: the CPTS's coordinators do not, unless
	 * they are in the circle (a therapeutic education programme's patients are its team's). Patients
	 * are enrolled in it by the module that owns it, not from the pathways' enrolment form.
	 */
	@Transactional
	public Template createCircleOnly(UUID cptsId, TemplateForm form) {
		return create(cptsId, form, true);
	}

	private Template create(UUID cptsId, TemplateForm form, boolean circleOnly) {
		CurrentUser user = access.requireCoordinator(cptsId);
		check(form);
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into pathway_template (id, cpts_id, name, description, circle_only, created_by) values (:id, :c, :n, :d, :co, :by)")
			.param("id", id).param("c", cptsId).param("n", form.name().strip()).param("d", blank(form.description())).param("co", circleOnly)
			.param("by", user.id()).update();
		writeVersion(id, 1, form, user);
		audit.change("pathway.template.create", "pathway_template", id.toString(), cptsId, form.name().strip());
		return get(id);
	}

	/** Saves a new version; enrolled patients stay on theirs. */
	@Transactional
	public Template update(UUID templateId, TemplateForm form) {
		Template t = get(templateId);
		CurrentUser user = access.requireCoordinator(t.cptsId());
		check(form);
		int version = t.version() + 1;
		writeVersion(templateId, version, form, user);
		jdbc.sql("update pathway_template set name = :n, description = :d, current_version = :v where id = :id").param("n", form.name().strip())
			.param("d", blank(form.description())).param("v", version).param("id", templateId).update();
		audit.change("pathway.template.version", "pathway_template", templateId.toString(), t.cptsId(), "version " + version);
		return get(templateId);
	}

	private void writeVersion(UUID templateId, int version, TemplateForm form, CurrentUser user) {
		jdbc.sql("""
				insert into pathway_template_version (template_id, version, duration_months, steps, created_by)
				values (:t, :v, :m, cast(:s as jsonb), :by)""")
			.param("t", templateId).param("v", version).param("m", form.durationMonths()).param("s", JSON.writeValueAsString(form.steps()))
			.param("by", user.id()).update();
	}

	private static void check(TemplateForm form) {
		Problems problems = new Problems();
		if (form.name() == null || form.name().isBlank()) {
			problems.reject("name", "pathways.template.name.required");
		} else if (form.name().strip().length() > 200) {
			problems.reject("name", "pathways.template.name.tooLong");
		}
		if (form.description() != null && form.description().length() > 4000) {
			problems.reject("description", "pathways.template.description.tooLong");
		}
		if (form.durationMonths() == null || form.durationMonths() < 1 || form.durationMonths() > 120) {
			problems.reject("durationMonths", "pathways.template.duration");
		}
		List<StepDefinition> steps = form.steps() == null ? List.of() : form.steps();
		if (steps.size() > MAX_STEPS) {
			problems.reject("steps", "pathways.template.tooManySteps", MAX_STEPS);
		} else {
			ScheduleEngine.check(steps).all().forEach(p -> problems.reject(p.field(), p.key(), p.args().toArray()));
		}
		problems.throwIfAny();
	}

	/** The editable examples (seed 000's mental-health pathway, an elderly person's hospital discharge), added to the CPTS once. */
	@Transactional
	public List<Template> installExamples(UUID cptsId) {
		CurrentUser user = access.requireCoordinator(cptsId);
		for (ExampleTemplates.Example e : ExampleTemplates.all()) {
			boolean present = jdbc.sql("select exists (select 1 from pathway_template where cpts_id = :c and name = :n and example)").param("c", cptsId)
				.param("n", e.name()).query(Boolean.class).single();
			if (!present) {
				UUID id = UUID.randomUUID();
				jdbc.sql("insert into pathway_template (id, cpts_id, name, description, example, created_by) values (:id, :c, :n, :d, true, :by)")
					.param("id", id).param("c", cptsId).param("n", e.name()).param("d", e.description()).param("by", user.id()).update();
				writeVersion(id, 1, new TemplateForm(e.name(), e.description(), e.durationMonths(), e.steps()), user);
				audit.change("pathway.template.example", "pathway_template", id.toString(), cptsId, e.name());
			}
		}
		return list(cptsId);
	}

	@Transactional(readOnly = true)
	public List<Template> list(UUID cptsId) {
		access.requireMember(cptsId);
		return jdbc.sql("""
				select t.*, v.duration_months, v.steps::text as steps from pathway_template t
				join pathway_template_version v on v.template_id = t.id and v.version = t.current_version
				where t.cpts_id = :c and t.active order by t.name""").param("c", cptsId).query(PathwayTemplates::template).list();
	}

	@Transactional(readOnly = true)
	public Template get(UUID templateId) {
		Template t = version(templateId, null);
		access.requireMember(t.cptsId());
		return t;
	}

	/** A template as it was at a version (its current one when null); no access check (enrolments read their own version). */
	Template version(UUID templateId, @Nullable Integer version) {
		return jdbc.sql("""
				select t.id, t.cpts_id, t.name, t.description, t.example, t.created_at, t.circle_only, v.version as current_version, v.duration_months, v.steps::text as steps
				from pathway_template t join pathway_template_version v on v.template_id = t.id and v.version = coalesce(:v, t.current_version)
				where t.id = :id""").param("id", templateId).param("v", version).query(PathwayTemplates::template).optional()
			.orElseThrow(CptsAccess.NotVisibleException::new);
	}

	private static Template template(ResultSet rs, int n) throws SQLException {
		return new Template(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getInt("current_version"), rs.getInt("duration_months"), JSON.readValue(rs.getString("steps"), STEPS), rs.getBoolean("example"),
				rs.getTimestamp("created_at").toInstant(), rs.getBoolean("circle_only"));
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
