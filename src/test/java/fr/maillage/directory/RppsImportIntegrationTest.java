package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.RppsFiles;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The RPPS extraction import against the real database, with files built in the real format. */
@IntegrationTest
class RppsImportIntegrationTest {

	@LocalServerPort
	int port;

	Api admin;
	String cpts;
	/** Appended to every last name, and searched with it, so other tests' people never answer. */
	final String run = RppsFiles.runWord();
	static int seed = (int) (System.nanoTime() % 100_000);

	@BeforeEach
	void setUp() {
		admin = new Api(port, TestData.ADMIN_TOKEN);
		cpts = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112", "04088")).status()).isEqualTo(200);
	}

	static String nextRpps() {
		return RppsFiles.rpps(++seed);
	}

	JsonNode importFile(String path, String name, byte[] content) {
		Api.Response started = admin.postFile(path, "file", name, content);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String id = started.json().get("id").asString();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode status = admin.get("/api/v1/imports/" + id).json();
			String s = status.get("status").asString();
			if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
				return status;
			}
			assertThat(System.nanoTime()).as("import still running").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	JsonNode importForCpts(String name, byte[] content) {
		return importFile("/api/v1/cpts/" + cpts + "/imports/rpps", name, content);
	}

	JsonNode search(String query) {
		return admin.get("/api/v1/practitioners?" + query).json();
	}

	@Test
	void importsTheProfessionalsOfTheTerritoryReimportChangesNothingAndMissingOnesAreInactivated() {
		String a = nextRpps(), b = nextRpps(), c = nextRpps(), paris = nextRpps();
		RppsFiles file = new RppsFiles()
			.add(RppsFiles.gp(a, "MARTIN " + run, "Hélène", "04112", "Manosque", "04100"))
			.add(RppsFiles.gp(b, "DURAND " + run, "Jérôme", "04088", "Forcalquier", "04300"))
			.add(RppsFiles.gp(c, "PETIT " + run, "Anne", "04112", "Manosque", "04100"))
			.add(RppsFiles.gp(paris, "LEROY " + run, "Paul", "75056", "Paris", "75011"));
		// a truncated last line is what a cut download looks like: more rejected lines than tolerated, refused whole
		String truncated = file.text() + "8" + nextRpps() + "|DUPONT|tronquée\r\n";
		JsonNode cut = importForCpts("PS_LibreAcces_Personne_activite_202611240900.txt", truncated.getBytes(StandardCharsets.UTF_8));
		assertThat(cut.get("status").asString()).isEqualTo("REFUSED");
		assertThat(cut.get("problem").asString()).contains("1 lignes rejetées sur 5").contains("1 %").contains("Rien n'a été importé");
		assertThat(cut.get("remarks").get(0).get("message").asString()).contains("ligne incomplète");
		assertThat(search("q=helene%20martin%20" + run).get("total").asLong()).isZero();

		String text = file.text();
		JsonNode first = importForCpts("PS_LibreAcces_Personne_activite_202611240900.txt", text.getBytes(StandardCharsets.UTF_8));
		assertThat(first.get("status").asString()).isEqualTo("DONE");
		assertThat(first.get("created").asInt()).isEqualTo(3);
		assertThat(first.get("outOfScope").asLong()).isEqualTo(1);
		assertThat(first.get("rejected").asInt()).isZero();
		assertThat(first.get("progressPercent").asInt()).isEqualTo(100);
		JsonNode found = search("q=helene%20martin%20" + run);
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("nationalId").asString()).isEqualTo("8" + a);
		assertThat(found.get("items").get(0).get("activities").get(0).get("communeCode").asString()).isEqualTo("04112");
		assertThat(search("q=leroy%20paul%20" + run + "&commune=75056").get("total").asLong()).isZero();

		JsonNode again = importForCpts("PS_LibreAcces_Personne_activite_202611240900.txt", text.getBytes(StandardCharsets.UTF_8));
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(3);
		assertThat(again.get("inactivated").asInt()).isZero();

		RppsFiles without = new RppsFiles().add(RppsFiles.gp(a, "MARTIN " + run, "Hélène", "04112", "Manosque", "04100"))
			.add(RppsFiles.gp(b, "DURAND " + run, "Jérôme", "04088", "Forcalquier", "04300"));
		JsonNode third = importForCpts("activite.txt", without.bytes(StandardCharsets.UTF_8));
		assertThat(third.get("inactivated").asInt()).isEqualTo(1);
		assertThat(search("q=petit%20anne%20" + run + "&commune=04112").get("total").asLong()).isZero();
		// nothing is deleted: Anne Petit is still in the directory, without an active site
		assertThat(search("q=petit%20anne%20" + run).get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aFileWithNoLineOrWithOneBadLineOfTwoIsRefusedWholeAndTheTerritoryKeepsItsProfessionals() {
		String kept = nextRpps(), good = nextRpps();
		assertThat(importForCpts("avant.txt", new RppsFiles().add(RppsFiles.gp(kept, "RESTE " + run, "Iris", "04112", "Manosque", "04100"))
			.bytes(StandardCharsets.UTF_8)).get("status").asString()).isEqualTo("DONE");

		JsonNode headerOnly = importForCpts("vide.txt", new RppsFiles().bytes(StandardCharsets.UTF_8));
		assertThat(headerOnly.get("status").asString()).isEqualTo("REFUSED");
		assertThat(headerOnly.get("problem").asString()).contains("aucune ligne").contains("Rien n'a été importé");
		assertThat(headerOnly.get("inactivated").asInt()).isZero();

		String oneGoodOneBad = new RppsFiles().add(RppsFiles.gp(good, "BON " + run, "Max", "04112", "Manosque", "04100")).text()
				+ "8" + nextRpps() + "|MAUVAIS|\r\n";
		JsonNode half = importForCpts("moitie.txt", oneGoodOneBad.getBytes(StandardCharsets.UTF_8));
		assertThat(half.get("status").asString()).isEqualTo("REFUSED");
		assertThat(half.get("problem").asString()).contains("1 lignes rejetées sur 2");
		assertThat(search("q=bon%20max%20" + run).get("total").asLong()).as("nothing applied").isZero();

		JsonNode elsewhere = importForCpts("ailleurs.txt", new RppsFiles().add(RppsFiles.gp(nextRpps(), "LOIN " + run, "Tom", "75056", "Paris",
				"75011")).bytes(StandardCharsets.UTF_8));
		assertThat(elsewhere.get("status").asString()).isEqualTo("REFUSED");
		assertThat(elsewhere.get("problem").asString()).contains("Aucune des 1 lignes").contains("territoire");

		assertThat(search("q=reste%20iris%20" + run + "&commune=04112").get("total").asLong()).as("still active in the territory").isEqualTo(1);
	}

	@Test
	void anImportForOneCptsNeverTouchesWhatLiesOutsideItsTerritory() {
		String marseille = nextRpps();
		JsonNode national = importFile("/api/v1/imports/rpps", "national.txt",
				new RppsFiles().add(RppsFiles.gp(marseille, "ROUX " + run, "Claire", "13055", "Marseille", "13001")).bytes(StandardCharsets.UTF_8));
		assertThat(national.get("created").asInt()).isEqualTo(1);
		JsonNode local = importForCpts("local.txt",
				new RppsFiles().add(RppsFiles.gp(nextRpps(), "BLANC " + run, "Luc", "04112", "Manosque", "04100")).bytes(StandardCharsets.UTF_8));
		assertThat(local.get("created").asInt()).isEqualTo(1);
		assertThat(search("q=roux%20claire%20" + run + "&commune=13055").get("total").asLong()).isEqualTo(1);
	}

	@Test
	void latin1FilesAndRenamedHeadersOfOtherReleasesAreRead() {
		String a = nextRpps();
		byte[] latin1 = new RppsFiles().add(RppsFiles.gp(a, "LEFÈVRE " + run, "Zoé", "04088", "Forcalquier", "04300"))
			.rename("Libellé civilité exercice", "Libellé civilité d'exercice")
			.rename("Code postal (coord. structure)", "Code Postal (coord. Structure)")
			.rename("Libellé fonction", "Libellé rôle")
			.bytes(StandardCharsets.ISO_8859_1);
		JsonNode done = importForCpts("ancien.txt", latin1);
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("encoding").asString()).isEqualTo("ISO-8859-1");
		JsonNode found = search("q=lefevre%20zoe%20" + run).get("items").get(0);
		assertThat(found.get("lastName").asString()).isEqualTo("LEFÈVRE " + run);
		assertThat(found.get("civility").asString()).isEqualTo("Docteur");
		assertThat(found.get("activities").get(0).get("postcode").asString()).isEqualTo("04300");
		assertThat(found.get("activities").get(0).get("roleLabel").asString()).isEqualTo("Titulaire de cabinet");
	}

	@Test
	void thePublishedZipWithItsSavoirFaireFileIsJoined() {
		String a = nextRpps();
		Map<String, String> line = RppsFiles.gp(a, "GARNIER " + run, "Inès", "04112", "Manosque", "04100");
		line.remove("Code savoir-faire");
		line.remove("Libellé savoir-faire");
		String skills = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|\r\n"
				+ "8|" + a + "|8" + a + "|S|Spécialité ordinale|SM54|Médecine Générale|\r\n";
		RppsFiles file = new RppsFiles();
		file.add(line);
		JsonNode done = importForCpts("PS_LibreAcces_202611240900.zip", file.zipWithoutSkillColumns(skills));
		assertThat(done.get("created").asInt()).isEqualTo(1);
		JsonNode found = search("q=garnier%20" + run + "&skill=SM54");
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("activities").get(0).get("skillLabel").asString()).isEqualTo("Médecine Générale");
	}

	@Test
	void aWrongSeparatorOrMissingColumnsRefuseTheFileAndNothingChanges() {
		String semicolons = new RppsFiles().add(RppsFiles.gp(nextRpps(), "NOIR " + run, "Eve", "04112", "Manosque", "04100")).text().replace('|', ';');
		JsonNode refused = importForCpts("mauvais.csv", semicolons.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
		assertThat(refused.get("problem").asString()).contains("barres verticales").contains("« ; »");
		assertThat(search("q=noir%20eve%20" + run).get("total").asLong()).isZero();

		String noCommune = "Identification nationale PP|Nom d'exercice|Code profession|\r\n8" + nextRpps() + "|NOIR|10|\r\n";
		JsonNode missing = importForCpts("incomplet.txt", noCommune.getBytes(StandardCharsets.UTF_8));
		assertThat(missing.get("status").asString()).isEqualTo("REFUSED");
		assertThat(missing.get("problem").asString()).contains("CODE COMMUNE");
	}

	@Test
	void theSameFileSentTwiceAtOnceIsImportedOnceAndThenFoundUnchanged() throws Exception {
		// several batches long, so that the two imports overlap
		RppsFiles lines = new RppsFiles();
		for (int i = 0; i < 6000; i++) {
			lines.add(RppsFiles.gp(nextRpps(), "DOUBLE " + run, "N" + i, i % 2 == 0 ? "04112" : "04088", "Commune", "04100"));
		}
		byte[] file = lines.bytes(StandardCharsets.UTF_8);
		try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			var first = pool.submit(() -> importForCpts("double.txt", file));
			var second = pool.submit(() -> importForCpts("double.txt", file));
			JsonNode a = first.get();
			JsonNode b = second.get();
			assertThat(a.get("status").asString()).isEqualTo("DONE");
			assertThat(b.get("status").asString()).isEqualTo("DONE");
			assertThat(a.get("created").asInt() + b.get("created").asInt()).isEqualTo(6000);
			assertThat(a.get("unchanged").asInt() + b.get("unchanged").asInt()).isEqualTo(6000);
		}
		assertThat(search("q=double%20" + run + "&size=1").get("total").asLong()).isEqualTo(6000);
	}

	@Test
	void aLargeFileOfNoiseIsRefusedWholeAndNothingChanges() {
		// 20 MB here; bench-size files (200 MB) take the same path, only for longer
		java.util.Random random = new java.util.Random(9);
		byte[] noise = new byte[20 * 1024 * 1024];
		random.nextBytes(noise);
		long before = search("size=1").get("total").asLong();
		JsonNode refused = importForCpts("bruit.bin", noise);
		assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
		assertThat(refused.get("problem").asString()).contains("Rien n'a été importé");
		assertThat(search("size=1").get("total").asLong()).isEqualTo(before);
		// a right header followed by noise: every line rejected with its reason, nothing half-applied
		String header = new RppsFiles().text();
		StringBuilder text = new StringBuilder(header);
		for (int i = 0; i < 1000; i++) {
			text.append("bruit ").append(random.nextInt()).append("|").append(random.nextInt()).append("\r\n");
		}
		String kept = nextRpps();
		importForCpts("avant.txt", new RppsFiles().add(RppsFiles.gp(kept, "GARDE " + run, "Léo", "04112", "Manosque", "04100"))
			.bytes(StandardCharsets.UTF_8));
		JsonNode rejected = importForCpts("bruit.txt", text.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(rejected.get("status").asString()).isEqualTo("REFUSED");
		assertThat(rejected.get("problem").asString()).contains("1000 lignes rejetées sur 1000").contains("Rien n'a été importé");
		assertThat(rejected.get("remarks").size()).isPositive();
		// the territory's directory was not emptied by the unusable file
		assertThat(search("q=garde%20" + run + "&commune=04112").get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aWrongRppsKeyIsAWarningNotARejection() {
		String good = nextRpps();
		String wrong = good.substring(0, 10) + ((good.charAt(10) - '0' + 1) % 10);
		JsonNode done = importForCpts("cle.txt",
				new RppsFiles().add(RppsFiles.gp(wrong, "VERT " + run, "Noé", "04112", "Manosque", "04100")).bytes(StandardCharsets.UTF_8));
		assertThat(done.get("created").asInt()).isEqualTo(1);
		assertThat(done.get("rejected").asInt()).isZero();
		assertThat(done.get("remarks").get(0).get("message").asString()).contains("avertissement").contains(wrong);
	}

	@Test
	void searchByDistanceFromACommuneWhenCoordinatesAreKnown() {
		Api.Response coordinates = admin.postBytes("/api/v1/reference/coordinates",
				"code_insee,nom,latitude,longitude\n04088,Forcalquier,43.96033,5.7882\n04112,Manosque,43.83523,5.79098\n04245,Volx,43.87096,5.831\n13055,Marseille,43.29164,5.4205\n"
					.getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(coordinates.status()).as(coordinates.body()).isEqualTo(200);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112", "04088", "04245"));
		// an installation-wide import stands for the national file: it comes first, the CPTS's own import then only touches its territory
		importFile("/api/v1/imports/rpps", "marseille.txt",
				new RppsFiles().add(RppsFiles.gp(nextRpps(), "PRES " + run, "Quatre", "13055", "Marseille", "13001")).bytes(StandardCharsets.UTF_8));
		importForCpts("distance.txt", new RppsFiles()
			.add(RppsFiles.gp(nextRpps(), "PRES " + run, "Un", "04112", "Manosque", "04100"))
			.add(RppsFiles.gp(nextRpps(), "PRES " + run, "Deux", "04245", "Volx", "04130"))
			.add(RppsFiles.gp(nextRpps(), "PRES " + run, "Trois", "04088", "Forcalquier", "04300"))
			.bytes(StandardCharsets.UTF_8));
		// Volx is 5 km from Manosque, Forcalquier 14 km, Marseille 72 km
		assertThat(search("q=pres%20" + run + "&near=04112&radiusKm=1").get("total").asLong()).isEqualTo(1);
		assertThat(search("q=pres%20" + run + "&near=04112&radiusKm=8").get("total").asLong()).isEqualTo(2);
		assertThat(search("q=pres%20" + run + "&near=04112&radiusKm=20").get("total").asLong()).isEqualTo(3);
		assertThat(search("q=pres%20" + run + "&near=04112&radiusKm=100").get("total").asLong()).isEqualTo(4);
		Api.Response unknown = admin.get("/api/v1/practitioners?near=99999");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("message").asString()).contains("Commune inconnue : « 99999 »");
	}

	@Test
	void thePrintableDirectoryGroupsTheTerritorysProfessionalsByProfessionAndCommune() throws Exception {
		Map<String, String> nurse = RppsFiles.gp(nextRpps(), "INFIRMIERE " + run, "Élodie", "04088", "Forcalquier", "04300");
		nurse.put("Code profession", "60");
		nurse.put("Libellé profession", "Infirmier");
		importForCpts("imprime.txt", new RppsFiles().add(RppsFiles.gp(nextRpps(), "MEDECIN " + run, "Hélène", "04112", "Manosque", "04100"))
			.add(nurse).bytes(StandardCharsets.UTF_8));
		var http = java.net.http.HttpClient.newHttpClient();
		var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/cpts/" + cpts + "/annuaire.pdf"))
			.header("Authorization", "Bearer " + TestData.ADMIN_TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (var document = org.apache.pdfbox.Loader.loadPDF(response.body())) {
			// table cells wrap where they like: compare with every run of white space as one space
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Annuaire des professionnels de santé").contains("MEDECIN " + run + " Hélène")
				.contains("INFIRMIERE " + run + " Élodie").contains("Infirmier").contains("Forcalquier").contains("Médecine Générale");
			assertThat(text.indexOf("INFIRMIERE " + run)).as("Infirmier comes before Médecin").isLessThan(text.indexOf("MEDECIN " + run));
		}
	}

	@Test
	void aTerritoryIsNeededAndOnlyItsCoordinatorsImport() {
		String other = People.newCpts(admin);
		JsonNode refused = importFile("/api/v1/cpts/" + other + "/imports/rpps", "a.txt",
				new RppsFiles().add(RppsFiles.gp(nextRpps(), "GRIS " + run, "Ana", "04112", "Manosque", "04100")).bytes(StandardCharsets.UTF_8));
		assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
		assertThat(refused.get("problem").asString()).contains("territoire");
		assertThat(new Api(port, null).postFile("/api/v1/cpts/" + cpts + "/imports/rpps", "file", "a.txt", new byte[] { 1 }).status())
			.isEqualTo(401);
	}
}
