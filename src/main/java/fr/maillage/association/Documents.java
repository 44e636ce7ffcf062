package fr.maillage.association;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.FileCheck;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.platform.Upload;
import fr.maillage.platform.UploadLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The association's library (the shared drive of seed 002, replaced): statutes, conventions,
 * minutes, projet de santé, fiches-actions, in folders; each document keeps its versions and says
 * who reads it — every member of the CPTS, its board, or the members of one body. The board files
 * them; files are checked by their content (PDF, office documents, images, text).
 */
@Service
public class Documents {

	public enum Audience {
		MEMBERS, BOARD, BODY;

		public String labelKey() {
			return "association.document.audience." + name();
		}
	}

	public record DocumentForm(@Nullable String folder, @Nullable String title, @Nullable Audience audience, @Nullable UUID bodyId, @Nullable String note) {
	}

	public record Version(int version, String name, String contentType, long size, @Nullable String note, Instant uploadedAt) {
	}

	public record Document(UUID id, UUID cptsId, String folder, String title, Audience audience, @Nullable UUID bodyId, @Nullable String bodyName,
			List<Version> versions) {

		public Version latest() {
			return versions.getFirst();
		}
	}

	public record File(String name, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final Board board;
	private final CptsAccess access;
	private final Members members;
	private final Governance governance;
	private final FileCheck check;
	private final AuditLog audit;

	Documents(JdbcClient jdbc, Board board, CptsAccess access, Members members, Governance governance, FileCheck check, AuditLog audit) {
		this.jdbc = jdbc;
		this.board = board;
		this.access = access;
		this.members = members;
		this.governance = governance;
		this.check = check;
		this.audit = audit;
	}

	/** Files a new document (its first version); the same title in the same folder is refused: add a version instead. */
	@Transactional
	public Document add(UUID cptsId, DocumentForm f, @Nullable Upload file) {
		CurrentUser user = board.require(cptsId);
		Problems problems = new Problems();
		String folder = f.folder() == null ? "" : f.folder().strip();
		String title = f.title() == null ? "" : f.title().strip();
		if (folder.isEmpty() || folder.length() > 100) {
			problems.reject("folder", "association.document.folder");
		}
		if (title.isEmpty() || title.length() > 200) {
			problems.reject("title", "association.document.title");
		}
		if (f.audience() == null) {
			problems.reject("audience", "association.document.audience");
		} else if (f.audience() == Audience.BODY && (f.bodyId() == null || !governance.body(f.bodyId()).cptsId().equals(cptsId))) {
			problems.reject("bodyId", "association.document.body");
		}
		FileCheck.Checked checked = checkFile(file, problems);
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		int added = jdbc.sql("""
				insert into document (id, cpts_id, folder, title, audience, body_id, created_by) values (:id, :c, :f, :t, :a, :b, :u)
				on conflict (cpts_id, folder, title) do nothing""")
			.param("id", id).param("c", cptsId).param("f", folder).param("t", title).param("a", f.audience().name())
			.param("b", f.audience() == Audience.BODY ? f.bodyId() : null).param("u", user.id()).update();
		if (added == 0) {
			throw Problems.rejected("title", "association.document.taken", title, folder);
		}
		insertVersion(id, 1, checked, file, f.note(), user);
		audit.change("association.document.add", "document", id.toString(), cptsId, folder + " / " + title);
		return get(id);
	}

	/** A new version of a document (the earlier ones stay readable). */
	@Transactional
	public Document addVersion(UUID documentId, @Nullable Upload file, @Nullable String note) {
		Document d = get(documentId);
		CurrentUser user = board.require(d.cptsId());
		Problems problems = new Problems();
		FileCheck.Checked checked = checkFile(file, problems);
		problems.throwIfAny();
		int next = jdbc.sql("select coalesce(max(version), 0) + 1 from document_version where document_id = :d").param("d", documentId)
			.query(Integer.class).single();
		insertVersion(documentId, next, checked, file, note, user);
		audit.change("association.document.version", "document", documentId.toString(), d.cptsId(), "version " + next);
		return get(documentId);
	}

	private FileCheck.@Nullable Checked checkFile(@Nullable Upload file, Problems problems) {
		if (file == null || file.content().length == 0) {
			problems.reject("file", "association.document.file");
			return null;
		}
		if (file.content().length > UploadLimits.DOCUMENT_BYTES) {
			problems.reject("file", "association.document.tooLarge", UploadLimits.DOCUMENT_BYTES / 1024 / 1024);
			return null;
		}
		FileCheck.Checked checked = check.check(file.name(), file.content());
		if (checked == null) {
			problems.reject("file", "association.document.type", file.name());
		}
		return checked;
	}

	private void insertVersion(UUID documentId, int version, FileCheck.@Nullable Checked checked, @Nullable Upload file, @Nullable String note,
			CurrentUser user) {
		jdbc.sql("""
				insert into document_version (document_id, version, name, content_type, size, content, note, uploaded_by)
				values (:d, :v, :n, :t, :s, :c, :note, :u)""")
			.param("d", documentId).param("v", version).param("n", checked.name()).param("t", checked.contentType()).param("s", file.content().length)
			.param("c", file.content()).param("note", note == null || note.isBlank() ? null : note.strip()).param("u", user.id()).update();
	}

	/** The documents the signed-in user may read in a CPTS, by folder then title. */
	public List<Document> visible(UUID cptsId) {
		access.requireMember(cptsId);
		List<UUID> ids = jdbc.sql("select id from document where cpts_id = :c order by folder, title").param("c", cptsId).query(UUID.class).list();
		List<Document> out = new ArrayList<>();
		for (UUID id : ids) {
			Document d = get(id);
			if (mayRead(d)) {
				out.add(d);
			}
		}
		return out;
	}

	/** A document's file (the latest version, or one named), for whoever may read it. */
	public File download(UUID documentId, @Nullable Integer version) {
		Document d = get(documentId);
		if (!mayRead(d)) {
			throw new NotFoundException();
		}
		int v = version == null ? d.latest().version() : version;
		File f = jdbc.sql("select name, content_type, content from document_version where document_id = :d and version = :v").param("d", documentId)
			.param("v", v).query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional().orElseThrow(NotFoundException::new);
		audit.read("association.document.read", "document", documentId.toString(), d.cptsId(), "version " + v);
		return f;
	}

	boolean mayRead(Document d) {
		if (board.may(d.cptsId())) {
			return true;
		}
		if (access.current().filter(u -> u.belongsTo(d.cptsId())).isEmpty()) {
			return false;
		}
		List<UUID> mine = members.myMemberIds(d.cptsId());
		boolean attachedToMyMeeting = !mine.isEmpty() && jdbc.sql("""
				select exists (select 1 from meeting_document md join meeting_invitee i on i.meeting_id = md.meeting_id
				  join meeting m on m.id = md.meeting_id where md.document_id = :d and m.status <> 'DRAFT' and i.member_id = any(:mine))""")
			.param("d", d.id()).param("mine", mine.toArray(UUID[]::new)).query(Boolean.class).single();
		return attachedToMyMeeting || switch (d.audience()) {
			case MEMBERS -> true;
			case BOARD -> false;
			case BODY -> governance.current(d.bodyId()).stream().anyMatch(m -> mine.contains(m.memberId()));
		};
	}

	/** Attaches a document of the library to a meeting: its invitees read it. */
	@Transactional
	public void attach(UUID meetingId, UUID cptsId, @Nullable UUID documentId) {
		board.require(cptsId);
		if (documentId == null) {
			throw Problems.rejected("documentId", "association.document.choose");
		}
		Document d = get(documentId);
		if (!d.cptsId().equals(cptsId)) {
			throw Problems.rejected("documentId", "association.document.choose");
		}
		jdbc.sql("insert into meeting_document (meeting_id, document_id) values (:m, :d) on conflict do nothing").param("m", meetingId)
			.param("d", documentId).update();
		audit.change("association.document.attach", "meeting", meetingId.toString(), cptsId, d.title());
	}

	/** The documents attached to a meeting (whoever sees the meeting sees their titles). */
	public List<Document> ofMeeting(UUID meetingId) {
		return jdbc.sql("select document_id from meeting_document where meeting_id = :m order by attached_at").param("m", meetingId).query(UUID.class)
			.list().stream().map(this::get).toList();
	}

	public Document get(UUID id) {
		record Row(UUID id, UUID cpts, String folder, String title, String audience, @Nullable UUID body, @Nullable String bodyName) {
		}
		Row r = jdbc.sql("select d.id, d.cpts_id, d.folder, d.title, d.audience, d.body_id, b.name from document d left join body b on b.id = d.body_id"
				+ " where d.id = :id").param("id", id)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, UUID.class), rs.getString(7)))
			.optional().orElseThrow(NotFoundException::new);
		List<Version> versions = jdbc.sql("""
				select version, name, content_type, size, note, uploaded_at from document_version where document_id = :d order by version desc""")
			.param("d", id)
			.query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.list();
		return new Document(r.id(), r.cpts(), r.folder(), r.title(), Audience.valueOf(r.audience()), r.body(), r.bodyName(), versions);
	}
}
