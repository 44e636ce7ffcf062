package fr.maillage.association;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The colleges members belong to. A CPTS starts with one per profession that usually joins
 * (médecins, pharmaciens, infirmiers, kinésithérapeutes, chirurgiens-dentistes, sages-femmes),
 * "autres professionnels" and "structures"; the coordinator renames, adds or merges them as the
 * statutes say.
 */
@Service
public class Colleges {

	public record College(UUID id, UUID cptsId, String name, List<String> professions, boolean structures, int position) {
	}

	/** The default colleges: name and the RPPS profession codes they gather. */
	static final List<College> DEFAULTS = List.of(
			new College(new UUID(0, 0), new UUID(0, 0), "Médecins", List.of("10"), false, 1),
			new College(new UUID(0, 0), new UUID(0, 0), "Pharmaciens", List.of("21"), false, 2),
			new College(new UUID(0, 0), new UUID(0, 0), "Infirmiers", List.of("60"), false, 3),
			new College(new UUID(0, 0), new UUID(0, 0), "Masseurs-kinésithérapeutes", List.of("70"), false, 4),
			new College(new UUID(0, 0), new UUID(0, 0), "Chirurgiens-dentistes", List.of("40"), false, 5),
			new College(new UUID(0, 0), new UUID(0, 0), "Sages-femmes", List.of("50"), false, 6),
			new College(new UUID(0, 0), new UUID(0, 0), "Autres professionnels", List.of(), false, 7),
			new College(new UUID(0, 0), new UUID(0, 0), "Structures", List.of(), true, 8));

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Board board;
	private final AuditLog audit;

	Colleges(JdbcClient jdbc, CptsAccess access, Board board, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.board = board;
		this.audit = audit;
	}

	/** The colleges of a CPTS, the defaults written the first time they are asked for. */
	@Transactional
	public List<College> list(UUID cptsId) {
		access.requireMember(cptsId);
		return ensure(cptsId);
	}

	List<College> ensure(UUID cptsId) {
		List<College> found = read(cptsId);
		if (!found.isEmpty()) {
			return found;
		}
		// two first visits at once: one writes, the other finds the names taken and reads
		for (College c : DEFAULTS) {
			jdbc.sql("insert into college (id, cpts_id, name, professions, structures, position) values (:id, :c, :n, :p, :s, :pos) on conflict do nothing")
				.param("id", UUID.randomUUID()).param("c", cptsId).param("n", c.name()).param("p", c.professions().toArray(String[]::new))
				.param("s", c.structures()).param("pos", c.position()).update();
		}
		return read(cptsId);
	}

	private List<College> read(UUID cptsId) {
		return jdbc.sql("select id, cpts_id, name, professions, structures, position from college where cpts_id = :c order by position, name")
			.param("c", cptsId)
			.query((rs, n) -> new College(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray()), rs.getBoolean(5), rs.getInt(6)))
			.list();
	}

	public College get(UUID collegeId) {
		return jdbc.sql("select id, cpts_id, name, professions, structures, position from college where id = :id").param("id", collegeId)
			.query((rs, n) -> new College(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray()), rs.getBoolean(5), rs.getInt(6)))
			.optional().orElseThrow(NotFoundException::new);
	}

	/** Adds a college (a name not used yet in the CPTS). */
	@Transactional
	public College add(UUID cptsId, @Nullable String name) {
		board.require(cptsId);
		ensure(cptsId);
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			throw Problems.rejected("name", "association.college.name");
		}
		UUID id = UUID.randomUUID();
		int added = jdbc.sql("""
				insert into college (id, cpts_id, name, position) select :id, :c, :n, coalesce(max(position), 0) + 1 from college where cpts_id = :c
				on conflict do nothing""").param("id", id).param("c", cptsId).param("n", n).update();
		if (added == 0) {
			throw Problems.rejected("name", "association.college.taken", n);
		}
		audit.change("association.college.add", "college", id.toString(), cptsId, n);
		return get(id);
	}

	/** The college a professional of this profession, or a structure, joins by default. */
	UUID defaultFor(UUID cptsId, @Nullable String professionCode, boolean structure) {
		List<College> all = ensure(cptsId);
		return all.stream().filter(c -> structure ? c.structures() : professionCode != null && c.professions().contains(professionCode)).findFirst()
			.or(() -> all.stream().filter(c -> !c.structures() && c.professions().isEmpty()).findFirst())
			.orElse(all.getLast()).id();
	}
}
