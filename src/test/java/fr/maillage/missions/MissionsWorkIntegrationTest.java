package fr.maillage.missions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.directory.ProfessionTable;
import fr.maillage.support.Api;
import fr.maillage.support.FecFiles;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Action sheets, budgets with the FEC, the annual report and the projet de santé through the API:
 * a sheet validated only when complete, each validation kept, copied to the next year; budget
 * lines against a closed year; a FEC with four faults refused whole and reported line by line, the
 * right one applied and the same one again changing nothing; a report asked for without contract,
 * then produced, read back (PDF text, workbook cells), frozen when sent; the projet de santé's
 * tables checked against the data; a plain member gets none of it.
 */
@IntegrationTest
class MissionsWorkIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ProfessionTable professionTable;


	@Test
	void sheetsBudgetsFecReportAndProject() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		UUID cptsId = UUID.fromString(cpts);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person coordinatorPerson = People.invite(admin, cpts, "COORDINATOR");
		Api coordinator = new Api(port, People.token(port, coordinatorPerson));
		Api member = new Api(port, People.token(port, People.invite(admin, cpts, "MEMBER")));
		String base = "/api/v1/cpts/" + cpts;
		String word = TestData.unique("").substring(1, 7).toUpperCase();

		// a member of the association to pilot, a structure to partner with
		UUID gp = Gps.practitioner(jdbc, "PILOTE" + word, "10", "Médecin", "SM54", "04070", "Digne-les-Bains");
		JsonNode registered = coordinator.post(base + "/members", Map.of("practitionerId", gp.toString())).json();
		UUID memberId = UUID.fromString(registered.get("id").asString());
		UUID ehpad = Gps.structure(jdbc, "EHPAD", "EHPAD Les Tilleuls " + word, "04070", "Digne-les-Bains", null);
		UUID hospital = Gps.structure(jdbc, "HOPITAL", "Centre hospitalier " + word, "04070", "Digne-les-Bains", null);
		jdbc.sql("insert into partnership (id, cpts_id, organization_id, status) values (:id, :c, :o, 'SIGNE'), (:id2, :c, :o2, 'RENCONTRE')")
			.param("id", UUID.randomUUID()).param("c", cptsId).param("o", ehpad).param("id2", UUID.randomUUID()).param("o2", hospital).update();

		// the report needs a contract
		Api.Response noContract = coordinator.post(base + "/aci-report?year=1", Map.of());
		assertThat(noContract.status()).isEqualTo(400);
		assertThat(noContract.body()).contains("Aucun contrat n'est enregistré");
		assertThat(coordinator.put(base + "/contract", Map.of("signedOn", "2024-09-01", "missions",
				List.of(Map.of("mission", "ACCESS"), Map.of("mission", "PATHWAYS"), Map.of("mission", "CRISIS")))).status()).isEqualTo(200);
		JsonNode indicator = coordinator.post(base + "/indicators", Map.of("sourceCode", "snp.opened", "weightPercent", 100,
				"targets", Map.of("1", Map.of("value", 500)))).json();

		// an action sheet: a draft without objectives cannot be validated
		Map<String, Object> sheet = new HashMap<>(Map.of("year", 2025, "mission", "ACCESS", "title", "Ouvrir des créneaux de SNP",
				"pilotId", memberId.toString(), "partnerIds", List.of(ehpad.toString()), "milestones",
				List.of(Map.of("due", "2025-06-30", "label", "Réunion de lancement", "done", true), Map.of("due", "2025-12-15", "label", "Bilan", "done", false)),
				"indicatorIds", List.of(indicator.get("id").asString())));
		Api.Response created = coordinator.post(base + "/action-sheets", sheet);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String sheetId = created.json().get("id").asString();
		assertThat(created.json().get("pilot").get("name").asString()).contains("PILOTE" + word);
		assertThat(created.json().get("partners").get(0).get("name").asString()).isEqualTo("EHPAD Les Tilleuls " + word);
		Api.Response incomplete = coordinator.post(base + "/action-sheets/" + sheetId + "/transitions", Map.of("transition", "VALIDATE"));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.field("objectives")).contains("écrivez ses objectifs");
		Api.Response badPartner = coordinator.put(base + "/action-sheets/" + sheetId, Map.of("year", 2025, "mission", "ACCESS", "title", "x",
				"partnerIds", List.of(UUID.randomUUID().toString())));
		assertThat(badPartner.field("partnerIds")).contains("structures partenaires");
		sheet.put("objectives", "Une réponse dans la journée pour chaque demande");
		sheet.put("actions", "Planning partagé des créneaux");
		assertThat(coordinator.put(base + "/action-sheets/" + sheetId, sheet).status()).isEqualTo(200);
		assertThat(coordinator.post(base + "/action-sheets/" + sheetId + "/transitions", Map.of("transition", "VALIDATE")).json().get("status").asString())
			.isEqualTo("VALIDATED");
		// a validated sheet is not changed in place; back to draft, changed, validated again: two versions kept
		assertThat(coordinator.put(base + "/action-sheets/" + sheetId, sheet).field("status")).contains("Seul un brouillon");
		assertThat(coordinator.post(base + "/action-sheets/" + sheetId + "/transitions", Map.of("transition", "START")).status()).isEqualTo(200);
		coordinator.post(base + "/action-sheets/" + sheetId + "/transitions", Map.of("transition", "REVISE"));
		sheet.put("title", "Ouvrir des créneaux de SNP le samedi");
		coordinator.put(base + "/action-sheets/" + sheetId, sheet);
		coordinator.post(base + "/action-sheets/" + sheetId + "/transitions", Map.of("transition", "VALIDATE"));
		JsonNode versions = coordinator.get(base + "/action-sheets/" + sheetId + "/versions").json();
		assertThat(versions.valueStream().map(v -> v.get("sheet").get("title").asString()))
			.containsExactly("Ouvrir des créneaux de SNP le samedi", "Ouvrir des créneaux de SNP");
		JsonNode copy = coordinator.post(base + "/action-sheets/" + sheetId + "/copy", Map.of()).json();
		assertThat(copy.get("year").asInt()).isEqualTo(2026);
		assertThat(copy.get("status").asString()).isEqualTo("DRAFT");
		assertThat(copy.get("milestones").get(0).get("due").asString()).isEqualTo("2026-06-30");
		assertThat(copy.get("milestones").get(0).get("done").asBoolean()).isFalse();

		// budget lines; a closed year takes none
		Api.Response line = coordinator.post(base + "/budget/lines", Map.of("year", 2025, "mission", "FUNCTIONING", "category", "SALARIES",
				"label", "Salaire de la coordinatrice", "plannedCents", 100_000));
		assertThat(line.status()).as(line.body()).isEqualTo(201);
		coordinator.post(base + "/budget/lines", Map.of("year", 2025, "mission", "ACCESS", "sheetId", sheetId, "category", "EVENTS",
				"label", "Soirée de lancement", "plannedCents", 80_000, "actualCents", 12_345));
		coordinator.post(base + "/budget/close?year=2024", Map.of());
		Api.Response closed = coordinator.post(base + "/budget/lines", Map.of("year", 2024, "mission", "FUNCTIONING", "category", "RENT",
				"label", "Loyer", "plannedCents", 100));
		assertThat(closed.status()).isEqualTo(400);
		assertThat(closed.field("year")).contains("L'exercice 2024 est clos");

		// the FEC: a wrong separator, a wrong date, an unbalanced entry and an account without mapping, all told, nothing applied
		coordinator.put(base + "/budget/mapping", Map.of("kind", "ACCOUNT", "code", "641", "mission", "FUNCTIONING", "category", "SALARIES"));
		coordinator.put(base + "/budget/mapping", Map.of("kind", "ACCOUNT", "code", "74", "mission", "FUNCTIONING", "category", "ACI_FUNCTIONING"));
		coordinator.put(base + "/budget/mapping", Map.of("kind", "ACCOUNT", "code", "6251", "mission", "ACCESS", "category", "EVENTS"));
		String bad = String.join("\n", FecFiles.HEADER,
				FecFiles.line("BQ", "1", "20250115", "512000", "Banque", "0,00", "1200,00").replace('\t', '|'),
				FecFiles.line("BQ", "2", "2025-03-20", "641100", "Salaires", "10,00", "0,00"),
				FecFiles.line("OD", "3", "20250410", "625100", "Déplacements", "150,50", "0,00"),
				FecFiles.line("OD", "3", "20250410", "401000", "Fournisseur", "0,00", "150,00"),
				FecFiles.line("OD", "4", "20250411", "622600", "Honoraires", "90,00", "0,00"),
				FecFiles.line("OD", "4", "20250411", "401000", "Fournisseur", "0,00", "90,00"));
		Api.Response refused = coordinator.postFile(base + "/budget/fec", "file", "fec-faux.txt", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(422);
		List<String> report = refused.json().get("problems").valueStream().map(p -> p.get("line").asInt() + " " + p.get("message").asString()).toList();
		assertThat(report).hasSize(4);
		assertThat(report.get(0)).startsWith("2 ").contains("pas le même séparateur");
		assertThat(report.get(1)).startsWith("3 ").contains("date d'écriture « 2025-03-20 » illisible");
		assertThat(report.get(2)).startsWith("4 ").contains("écriture OD 3 déséquilibrée");
		assertThat(report.get(3)).startsWith("6 ").contains("compte 622600 « Honoraires » sans correspondance");
		assertThat(jdbc.sql("select count(*) from fec_import where cpts_id = :c").param("c", cptsId).query(Integer.class).single()).isZero();

		// the right file: a dry run applies nothing, then it is applied; the same again changes nothing
		byte[] good = FecFiles.good().getBytes(StandardCharsets.UTF_8);
		JsonNode dry = coordinator.postFile(base + "/budget/fec?dryRun=true", "file", "fec-2025.txt", good).json();
		assertThat(dry.get("applied").asBoolean()).isFalse();
		assertThat(dry.get("totals").get("ACCESS").get("EVENTS").asLong()).isEqualTo(15_050);
		assertThat(jdbc.sql("select count(*) from fec_import where cpts_id = :c").param("c", cptsId).query(Integer.class).single()).isZero();
		JsonNode applied = coordinator.postFile(base + "/budget/fec", "file", "fec-2025.txt", good).json();
		assertThat(applied.get("applied").asBoolean()).isTrue();
		assertThat(applied.get("year").asInt()).isEqualTo(2025);
		JsonNode again = coordinator.postFile(base + "/budget/fec", "file", "fec-2025.txt", good).json();
		assertThat(again.get("unchanged").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from fec_entry e join fec_import i on i.id = e.import_id where i.cpts_id = :c").param("c", cptsId)
			.query(Integer.class).single()).as("the lines of classes 6 and 7 only, once").isEqualTo(3);

		// the budget: planned against entered + imported, the overspent salaries told
		JsonNode budget = coordinator.get(base + "/budget?year=2025").json();
		JsonNode functioning = budget.get("missions").valueStream().filter(m -> m.get("mission").asString().equals("FUNCTIONING")).findFirst().orElseThrow();
		JsonNode salaries = functioning.get("rows").valueStream().filter(r -> r.get("category").asString().equals("SALARIES")).findFirst().orElseThrow();
		assertThat(salaries.get("plannedCents").asLong()).isEqualTo(100_000);
		assertThat(salaries.get("fecCents").asLong()).isEqualTo(120_000);
		assertThat(salaries.get("overspent").asBoolean()).isTrue();
		JsonNode access = budget.get("missions").valueStream().filter(m -> m.get("mission").asString().equals("ACCESS")).findFirst().orElseThrow();
		assertThat(access.get("totals").get("actualExpenseCents").asLong()).as("12,345 € entered + 150,50 € imported").isEqualTo(27_395);
		assertThat(budget.get("totals").get("actualIncomeCents").asLong()).isEqualTo(500_000);
		String csv = new String(coordinator.bytes("GET", base + "/budget/export.csv?year=2025"), StandardCharsets.UTF_8);
		assertThat(csv).contains("Salaires de la coordination").contains("1200,00").contains("Soirée de lancement");

		// the annual report: produced, read back, sent (frozen), produced again as version 2
		JsonNode produced = coordinator.post(base + "/aci-report?year=1", Map.of()).json();
		assertThat(produced.get("version").get("number").asInt()).isEqualTo(1);
		String text;
		try (PDDocument pdf = Loader.loadPDF(coordinator.bytes("GET", produced.get("pdf").asString()))) {
			text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
		}
		assertThat(text).contains("Rapport annuel de l'année 1 du contrat ACI").contains("Ouvrir des créneaux de SNP le samedi")
			.contains("Créneaux de soins non programmés ouverts").contains("Salaires de la coordination").contains("EHPAD Les Tilleuls " + word);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(coordinator.bytes("GET", produced.get("xlsx").asString())))) {
			DataFormatter f = new DataFormatter();
			assertThat(f.formatCellValue(wb.getSheet("Synthèse").getRow(1).getCell(1))).isEqualTo("1");
			var ind = wb.getSheet("Indicateurs").getRow(1);
			assertThat(ind.getCell(1).getStringCellValue()).isEqualTo("Créneaux de soins non programmés ouverts");
			assertThat(ind.getCell(7).getNumericCellValue()).isEqualTo(500.0);
			assertThat(wb.getSheet("Fiches-actions").getRow(1).getCell(2).getStringCellValue()).isEqualTo("Ouvrir des créneaux de SNP le samedi");
			var budgetSheet = wb.getSheet("Budget 2025");
			List<String> budgetRows = new ArrayList<>();
			budgetSheet.forEach(r -> budgetRows.add(f.formatCellValue(r.getCell(1)) + "=" + f.formatCellValue(r.getCell(4))));
			assertThat(budgetRows).contains("Salaires de la coordination=1200");
		}
		String v1 = produced.get("version").get("id").asString();
		byte[] sentPdf = coordinator.bytes("GET", produced.get("pdf").asString());
		assertThat(coordinator.post(base + "/aci-report/" + v1 + "/sent", Map.of()).json().get("sentAt").isNull()).isFalse();
		coordinator.post(base + "/budget/lines", Map.of("year", 2025, "mission", "CRISIS", "category", "TOOLS", "label", "Talkies", "plannedCents", 500));
		JsonNode second = coordinator.post(base + "/aci-report?year=1", Map.of()).json();
		assertThat(second.get("version").get("number").asInt()).isEqualTo(2);
		assertThat(coordinator.bytes("GET", produced.get("pdf").asString())).as("the sent version stays as it was").isEqualTo(sentPdf);
		assertThat(coordinator.get(base + "/aci-report").json().size()).isEqualTo(2);

		// the projet de santé: its communes, professions and partners tables are the platform's data
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(coordinator.bytes("GET", base + "/projet-de-sante.docx?year=2025")))) {
			List<XWPFTable> tables = docx.getTables();
			XWPFTable communes = tables.get(0);
			assertThat(communes.getRow(0).getCell(0).getText()).isEqualTo("Commune");
			JsonNode territory = coordinator.get(base + "/territory").json();
			List<String> expected = new ArrayList<>();
			territory.get("communes").forEach(c -> expected.add(c.get("name").asString() + "|" + c.get("inseeCode").asString() + "|" + c.get("population").asInt()));
			List<String> actual = new ArrayList<>();
			for (int i = 1; i < communes.getNumberOfRows() - 1; i++) {
				var r = communes.getRow(i);
				actual.add(r.getCell(0).getText() + "|" + r.getCell(1).getText() + "|" + r.getCell(3).getText());
			}
			assertThat(actual).containsExactlyInAnyOrderElementsOf(expected).hasSize(2);
			assertThat(communes.getRow(communes.getNumberOfRows() - 1).getCell(3).getText()).isEqualTo(territory.get("population").asText());

			XWPFTable professions = tables.get(1);
			ProfessionTable.Table[] table = new ProfessionTable.Table[1];
			accounts.runAs(accounts.userIdByEmail(coordinatorPerson.email()).orElseThrow(), () -> table[0] = professionTable.of(cptsId));
			assertThat(professions.getNumberOfRows()).isEqualTo(table[0].rows().size() + 2);
			var total = professions.getRow(professions.getNumberOfRows() - 1);
			assertThat(total.getCell(1).getText()).isEqualTo(Long.toString(table[0].total().identified()));
			assertThat(total.getCell(4).getText()).isEqualTo(Long.toString(table[0].total().members())).isEqualTo("1");
			var gpRow = professions.getRows().stream().filter(r -> r.getCell(0).getText().equals("Médecins généralistes")).findFirst().orElseThrow();
			assertThat(Long.parseLong(gpRow.getCell(1).getText())).isPositive();

			XWPFTable partners = tables.get(2);
			List<String> partnerRows = partners.getRows().stream().skip(1).map(r -> r.getCell(0).getText() + "|" + r.getCell(2).getText()).toList();
			assertThat(partnerRows).containsExactlyInAnyOrder("EHPAD Les Tilleuls " + word + "|Oui", "Centre hospitalier " + word + "|Non");
			String all = docx.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
			assertThat(all).contains("1. Caractéristiques du territoire").contains("Fiche-action : Ouvrir des créneaux de SNP le samedi");
			assertThat(docx.getParagraphs().stream().filter(p -> "Titre1".equals(p.getStyle())).count()).isEqualTo(3);
		}

		// a plain member of the CPTS gets none of it
		for (String path : List.of(base + "/action-sheets", base + "/budget?year=2025", base + "/aci-report", base + "/projet-de-sante.docx")) {
			assertThat(member.get(path).status()).as(path).isEqualTo(403);
		}
		assertThat(member.post(base + "/aci-report?year=1", Map.of()).status()).isEqualTo(403);
		assertThat(member.postFile(base + "/budget/fec", "file", "fec.txt", good).status()).isEqualTo(403);
		// and every change is in the audit log
		org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(jdbc.sql("select distinct action from audit_event where cpts_id = :c")
			.param("c", cptsId).query(String.class).list())
			.contains("missions.sheet.moved", "missions.fec.imported", "missions.budget.lineAdded", "missions.report.sent", "missions.project.generated"));
	}
}
