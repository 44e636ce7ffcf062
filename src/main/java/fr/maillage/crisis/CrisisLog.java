package fr.maillage.crisis;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.crisis.internal.LogStore;
import fr.maillage.platform.FileCheck;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.platform.Upload;
import fr.maillage.platform.UploadLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crisis log (main courante): the cell and the coordinators add timestamped entries while the
 * crisis runs — a decision, an information, a request, an action done — and correct one only by a
 * new entry pointing to it; nothing is ever changed or removed.
 */
@Service
public class CrisisLog {

	private final LogStore store;
	private final Crises crises;
	private final CrisisPlans access;
	private final AuditLog audit;

	/** At most this many files to an entry. */
	static final int FILES = 3;

	private final FileCheck files;

	private final Messages messages;

	CrisisLog(LogStore store, Crises crises, CrisisPlans access, AuditLog audit, FileCheck files, Messages messages) {
		this.files = files;
		this.messages = messages;
		this.store = store;
		this.crises = crises;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<LogEntry> entries(UUID crisisId) {
		crises.get(crisisId);
		return store.of(crisisId);
	}

	/** Adds an entry; answers its number. */
	@Transactional
	public int add(UUID crisisId, LogEntry.@Nullable Kind kind, @Nullable String text, @Nullable UUID corrects) {
		return add(crisisId, kind, text, corrects, List.of());
	}

	/** Adds an entry with its attachments (PDF, images, office documents; three at most); answers its number. */
	@Transactional
	public int add(UUID crisisId, LogEntry.@Nullable Kind kind, @Nullable String text, @Nullable UUID corrects, List<Upload> uploads) {
		Crisis c = crises.find(crisisId);
		CurrentUser user = access.requireReader(c.cptsId());
		c.requireActive();
		Problems problems = new Problems();
		String t = text == null ? "" : text.strip();
		if (kind == null) {
			problems.reject("kind", "crisis.log.kind.required");
		}
		if (t.isEmpty()) {
			problems.reject("text", "crisis.log.text.required");
		} else if (t.length() > 5000) {
			problems.reject("text", "crisis.tooLong");
		}
		if (corrects != null && !store.belongs(corrects, crisisId)) {
			problems.reject("corrects", "crisis.log.corrects");
		}
		List<FileCheck.Checked> checked = new ArrayList<>();
		if (uploads.size() > FILES) {
			problems.reject("files", "crisis.log.files.tooMany", FILES);
		}
		for (Upload u : uploads) {
			if (u.content().length > UploadLimits.ATTACHMENT_BYTES) {
				problems.reject("files", "crisis.log.files.tooLarge", u.name(), UploadLimits.megabytes(UploadLimits.ATTACHMENT_BYTES));
				checked.add(null);
				continue;
			}
			FileCheck.Checked k = files.check(u.name(), u.content());
			if (k == null) {
				problems.reject("files", "crisis.log.files.type", u.name());
			}
			checked.add(k);
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		int seq = store.append(id, crisisId, kind, t, corrects, user.id(), user.displayName());
		for (int i = 0; i < uploads.size(); i++) {
			store.attach(id, checked.get(i).name(), checked.get(i).contentType(), uploads.get(i).content());
		}
		audit.change("crisis.log.added", "crisis", crisisId.toString(), c.cptsId(),
				"entrée " + seq + (uploads.isEmpty() ? "" : ", " + uploads.size() + " pièce(s) jointe(s)"));
		return seq;
	}

	/**
	 * Closes the crisis with its written review and, when given, the review's documents, kept as a
	 * last entry of the log; all or nothing (a review too short keeps the crisis open and adds nothing).
	 */
	@Transactional
	public Crisis close(UUID crisisId, String review, List<Upload> uploads) {
		if (!uploads.isEmpty()) {
			add(crisisId, LogEntry.Kind.INFORMATION, messages.get("crisis.review.attached"), null, uploads);
		}
		return crises.close(crisisId, review);
	}

	/** An attachment of the log, for those who read the log; its read audited. */
	@Transactional
	public LogEntry.File attachment(UUID attachmentId) {
		var found = store.file(attachmentId).orElseThrow(NotFoundException::new);
		Crisis c = crises.find(found.getKey());
		access.requireReader(c.cptsId());
		audit.read("crisis.log.file.read", "crisis_log_attachment", attachmentId.toString(), c.cptsId(), found.getValue().name());
		return found.getValue();
	}
}
