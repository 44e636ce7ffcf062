package fr.maillage.missions;

import fr.maillage.cpts.Territory;
import fr.maillage.directory.Partnership;
import fr.maillage.directory.ProfessionTable;
import fr.maillage.platform.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The projet de santé as an editable Word document (Apache POI XWPF, decision 0017): real heading
 * styles (the navigation pane and the table of contents work), tables for the communes, the
 * professions and the partners, one section per mission with its action sheets.
 */
final class HealthProjectDocx {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final XWPFDocument doc = new XWPFDocument();
	private final Messages messages;

	private HealthProjectDocx(Messages messages) {
		this.messages = messages;
		XWPFStyles styles = doc.createStyles();
		heading(styles, "Titre1", "heading 1", 1, 32, "0D3C78");
		heading(styles, "Titre2", "heading 2", 2, 26, "1565C0");
		heading(styles, "Titre3", "heading 3", 3, 22, "333333");
	}

	static byte[] write(HealthProjectContent c, Messages messages) {
		return new HealthProjectDocx(messages).document(c);
	}

	private byte[] document(HealthProjectContent c) {
		XWPFParagraph title = doc.createParagraph();
		XWPFRun t = title.createRun();
		t.setBold(true);
		t.setFontSize(20);
		t.setText(messages.get("missions.project.title", c.cpts().name(), c.year()));
		text(messages.get("missions.project.generated", DAY.format(c.generatedAt().atZone(IndicatorSource.PARIS))));

		h(1, messages.get("missions.project.s1"));
		Territory tr = c.territory();
		text(messages.get("missions.project.population", tr.communeCount(), String.format(java.util.Locale.FRANCE, "%,d", tr.population()),
				tr.sizeClass().number()));
		XWPFTable communes = table(messages.get("missions.project.commune"), messages.get("missions.project.insee"),
				messages.get("missions.project.departement"), messages.get("missions.project.populationCol"), messages.get("missions.project.zones"));
		for (Territory.TerritoryCommune tc : tr.communes()) {
			row(communes, tc.name(), tc.inseeCode(), tc.departementCode(), Integer.toString(tc.population()),
					java.util.stream.Stream.of(tc.qpv() ? "QPV" : null, tc.zip() ? "ZIP" : null, tc.zac() ? "ZAC" : null).filter(java.util.Objects::nonNull)
						.collect(Collectors.joining(", ")));
		}
		row(communes, messages.get("missions.project.total"), "", "", Long.toString(tr.population()), "");

		h(1, messages.get("missions.project.s2"));
		h(2, messages.get("missions.project.s2a"));
		XWPFTable professions = table(messages.get("missions.project.profession"), messages.get("missions.project.identified"),
				messages.get("missions.project.solicited"), messages.get("missions.project.project"), messages.get("missions.project.members"),
				messages.get("missions.project.governance"));
		for (ProfessionTable.Row r : c.professions().rows()) {
			row(professions, professionLabel(r), Long.toString(r.identified()), Long.toString(r.solicited()), Long.toString(r.project()),
					Long.toString(r.members()), Long.toString(r.governance()));
		}
		ProfessionTable.Row total = c.professions().total();
		row(professions, messages.get("missions.project.total"), Long.toString(total.identified()), Long.toString(total.solicited()),
				Long.toString(total.project()), Long.toString(total.members()), Long.toString(total.governance()));
		if (!c.association().colleges().isEmpty()) {
			text(messages.get("missions.project.colleges") + " " + c.association().colleges().stream()
				.map(col -> col.name() + " : " + col.members()).collect(Collectors.joining(" ; ")));
		}

		h(2, messages.get("missions.project.s2b"));
		if (c.association().bodies().isEmpty()) {
			text(messages.get("missions.project.noBody"));
		}
		for (AssociationSummary.Body b : c.association().bodies()) {
			h(3, b.name() + " (" + b.kind() + ")");
			for (AssociationSummary.Seat s : b.seats()) {
				text("• " + s.name() + " : " + s.position());
			}
		}
		h(2, messages.get("missions.project.s2c"));
		text(messages.get("missions.project.information"));

		h(2, messages.get("missions.project.s2d"));
		XWPFTable partners = table(messages.get("missions.project.structure"), messages.get("missions.project.kind"),
				messages.get("missions.project.formal"), messages.get("missions.project.status"));
		for (Partnership p : c.partners()) {
			row(partners, p.organization().name(), messages.get("directory.kind." + p.organization().kind().name()),
					messages.get(p.status() == Partnership.Status.SIGNE ? "missions.project.yes" : "missions.project.no"),
					messages.get("directory.partnership.status." + p.status().name()));
		}

		h(2, messages.get("missions.project.s2e"));
		if (c.association().meetings().isEmpty()) {
			text(messages.get("missions.project.noMeeting", c.year()));
		}
		else {
			XWPFTable meetings = table(messages.get("missions.project.date"), messages.get("missions.project.meeting"),
					messages.get("missions.project.kind"), messages.get("missions.project.attendance"));
			for (AssociationSummary.HeldMeeting m : c.association().meetings()) {
				row(meetings, DAY.format(m.on()), m.title(), m.kind(), m.attended() + " / " + m.invited());
			}
		}

		h(1, messages.get("missions.project.s3"));
		for (HealthProjectContent.Section s : c.missions()) {
			h(2, s.label());
			if (s.sheets().isEmpty()) {
				text(messages.get("missions.project.noSheet"));
			}
			for (ActionSheet a : s.sheets()) {
				sheet(a);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (doc) {
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private void sheet(ActionSheet a) {
		h(3, messages.get("missions.project.sheet", a.title()) + " (" + messages.get(a.status().labelKey()) + ")");
		labelled(messages.get("missions.sheet.context"), a.context());
		labelled(messages.get("missions.sheet.objectives"), a.objectives());
		labelled(messages.get("missions.sheet.population"), a.targetPopulation());
		labelled(messages.get("missions.sheet.actions"), a.actions());
		labelled(messages.get("missions.sheet.pilot"), a.pilot() == null ? null : a.pilot().name());
		labelled(messages.get("missions.sheet.team"), a.team().isEmpty() ? null : a.team().stream().map(ActionSheet.Person::name).collect(Collectors.joining(", ")));
		labelled(messages.get("missions.sheet.partners"),
				a.partners().isEmpty() ? null : a.partners().stream().map(ActionSheet.Partner::name).collect(Collectors.joining(", ")));
		labelled(messages.get("missions.sheet.milestones"), a.milestones().isEmpty() ? null
				: a.milestones().stream().map(m -> DAY.format(m.due()) + " " + m.label() + (m.done() ? " ✓" : "")).collect(Collectors.joining(" ; ")));
	}

	private String professionLabel(ProfessionTable.Row r) {
		return r.group() == ProfessionTable.Group.OTHER && r.otherLabel() != null ? r.otherLabel()
				: messages.get("directory.professions.group." + r.group().name());
	}

	private void labelled(String label, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		XWPFParagraph p = doc.createParagraph();
		XWPFRun l = p.createRun();
		l.setBold(true);
		l.setText(label + " : ");
		String[] lines = value.split("\\R");
		XWPFRun v = p.createRun();
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				v.addBreak();
			}
			v.setText(lines[i], i);
		}
	}

	private void h(int level, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setStyle("Titre" + level);
		p.createRun().setText(text);
	}

	private void text(String text) {
		doc.createParagraph().createRun().setText(text);
	}

	private XWPFTable table(String... header) {
		XWPFTable table = doc.createTable(1, header.length);
		table.setWidth("100%");
		XWPFTableRow head = table.getRow(0);
		head.setRepeatHeader(true);
		for (int i = 0; i < header.length; i++) {
			XWPFParagraph p = head.getCell(i).getParagraphs().getFirst();
			XWPFRun r = p.createRun();
			r.setBold(true);
			r.setText(header[i]);
		}
		return table;
	}

	private static void row(XWPFTable table, String... cells) {
		XWPFTableRow r = table.createRow();
		for (int i = 0; i < cells.length; i++) {
			r.getCell(i).getParagraphs().getFirst().createRun().setText(cells[i]);
		}
	}

	private static void heading(XWPFStyles styles, String id, String name, int level, int halfPoints, String color) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId(id);
		style.setType(STStyleType.PARAGRAPH);
		style.addNewName().setVal(name);
		style.addNewUiPriority().setVal(BigInteger.valueOf(9));
		style.addNewQFormat();
		style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
		style.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(240));
		var rpr = style.addNewRPr();
		rpr.addNewB();
		rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		rpr.addNewColor().setVal(color);
		styles.addStyle(new org.apache.poi.xwpf.usermodel.XWPFStyle(style));
	}

}
