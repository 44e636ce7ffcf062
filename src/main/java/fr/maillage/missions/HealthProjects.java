package fr.maillage.missions;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.Partnerships;
import fr.maillage.directory.ProfessionTable;
import fr.maillage.missions.internal.ActionSheetStore;
import fr.maillage.platform.Messages;
import fr.maillage.platform.PdfDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the projet de santé from the platform's data, as an editable DOCX and a PDF, so that a
 * CPTS stops rewriting it by hand each year. For the coordination and the board; each generation audited.
 */
@Service
public class HealthProjects {

	private final SteeringAccess steering;
	private final CptsService cpts;
	private final ProfessionTable professions;
	private final Partnerships partnerships;
	private final List<AssociationFacts> association;
	private final Contracts contracts;
	private final ActionSheetStore sheets;
	private final PdfDocuments pdf;
	private final Messages messages;
	private final AuditLog audit;

	HealthProjects(SteeringAccess steering, CptsService cpts, ProfessionTable professions, Partnerships partnerships, List<AssociationFacts> association,
			Contracts contracts, ActionSheetStore sheets, PdfDocuments pdf, Messages messages, AuditLog audit) {
		this.steering = steering;
		this.cpts = cpts;
		this.professions = professions;
		this.partnerships = partnerships;
		this.association = association;
		this.contracts = contracts;
		this.sheets = sheets;
		this.pdf = pdf;
		this.messages = messages;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public HealthProjectContent content(UUID cptsId, int year) {
		steering.require(cptsId);
		Contract contract = contracts.contractOf(cptsId).orElse(null);
		List<ActionSheet> all = sheets.list(cptsId, year);
		List<HealthProjectContent.Section> sections = new ArrayList<>();
		for (Mission m : Mission.values()) {
			boolean signed = contract != null && contract.signs(m);
			List<ActionSheet> of = all.stream().filter(s -> s.mission().equals(m.name())).toList();
			if (signed || !of.isEmpty() || m.socle()) {
				sections.add(new HealthProjectContent.Section(m.name(), messages.get(m.labelKey()), signed, of));
			}
		}
		for (OwnMission o : sheets.ownMissions(cptsId)) {
			sections.add(new HealthProjectContent.Section(o.id().toString(), o.title(), false,
					all.stream().filter(s -> s.mission().equals(o.id().toString())).toList()));
		}
		AssociationSummary summary = association.stream().findFirst().map(a -> a.summary(cptsId, year)).orElse(AssociationSummary.NONE);
		return new HealthProjectContent(cpts.get(cptsId), year, cpts.territory(cptsId), professions.of(cptsId), summary, partnerships.of(cptsId),
				contract, sections, Instant.now());
	}

	@Transactional
	public byte[] docx(UUID cptsId, int year) {
		CurrentUser user = steering.require(cptsId);
		byte[] out = HealthProjectDocx.write(content(cptsId, year), messages);
		audit.read("missions.project.generated", "cpts", cptsId.toString(), cptsId, year + ", DOCX par " + user.email());
		return out;
	}

	@Transactional
	public byte[] pdf(UUID cptsId, int year) {
		CurrentUser user = steering.require(cptsId);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			pdf.render("missions/project-pdf", Map.of("p", content(cptsId, year), "cpts", cpts.get(cptsId)), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		audit.read("missions.project.generated", "cpts", cptsId.toString(), cptsId, year + ", PDF par " + user.email());
		return out.toByteArray();
	}
}
