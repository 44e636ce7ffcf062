package fr.maillage.crisis.internal;

import fr.maillage.crisis.LogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the crisis log: inserts only (the database refuses the rest). */
@Repository
public class LogStore {

	private final JdbcClient jdbc;

	LogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Appends an entry under the crisis's row lock, so numbers follow the order of writing; answers its number. */
	public int append(UUID id, UUID crisisId, LogEntry.Kind kind, String text, @Nullable UUID corrects, UUID authorId, String author) {
		jdbc.sql("select id from crisis where id = :c for update").param("c", crisisId).query(UUID.class).single();
		return jdbc.sql("""
				insert into crisis_log_entry (id, crisis_id, seq, kind, text, corrects, author_id, author_label)
				values (:id, :c, (select coalesce(max(seq), 0) + 1 from crisis_log_entry where crisis_id = :c), :k, :t, :corr, :a, :al)
				returning seq""")
			.param("id", id).param("c", crisisId).param("k", kind.name()).param("t", text).param("corr", corrects).param("a", authorId).param("al", author)
			.query(Integer.class).single();
	}

	public void attach(UUID entryId, String name, String contentType, byte[] content) {
		jdbc.sql("insert into crisis_log_attachment (id, entry_id, name, content_type, size, content) values (:id, :e, :n, :t, :s, :c)")
			.param("id", UUID.randomUUID()).param("e", entryId).param("n", name).param("t", contentType).param("s", content.length).param("c", content)
			.update();
	}

	/** An attachment with the crisis it belongs to, or empty. */
	public Optional<Map.Entry<UUID, LogEntry.File>> file(UUID attachmentId) {
		return jdbc.sql("""
				select e.crisis_id, a.name, a.content_type, a.content from crisis_log_attachment a join crisis_log_entry e on e.id = a.entry_id
				where a.id = :a""")
			.param("a", attachmentId)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new LogEntry.File(rs.getString(2), rs.getString(3), rs.getBytes(4))))
			.optional();
	}

	public List<LogEntry> of(UUID crisisId) {
		Map<UUID, List<LogEntry.Attachment>> files = new HashMap<>();
		jdbc.sql("""
				select a.entry_id, a.id, a.name, a.content_type, a.size from crisis_log_attachment a join crisis_log_entry e on e.id = a.entry_id
				where e.crisis_id = :c order by a.at, a.name""")
			.param("c", crisisId)
			.query(rs -> {
				files.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new LogEntry.Attachment(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5)));
			});
		return jdbc.sql("""
				select e.id, e.crisis_id, e.seq, e.kind, e.text, e.corrects, c.seq, e.author_label, e.at
				from crisis_log_entry e left join crisis_log_entry c on c.id = e.corrects where e.crisis_id = :c order by e.seq""")
			.param("c", crisisId)
			.query((rs, n) -> new LogEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), LogEntry.Kind.valueOf(rs.getString(4)),
					rs.getString(5), rs.getObject(6, UUID.class), (Integer) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
					files.getOrDefault(rs.getObject(1, UUID.class), List.of())))
			.list();
	}

	public boolean belongs(UUID entryId, UUID crisisId) {
		return jdbc.sql("select exists (select 1 from crisis_log_entry where id = :e and crisis_id = :c)").param("e", entryId).param("c", crisisId)
			.query(Boolean.class).single();
	}
}
