package fr.maillage.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.reference.ListResolution.Line;
import fr.maillage.reference.ListResolution.Method;
import fr.maillage.reference.ListResolution.Status;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.TestData;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The resolver against the real reference data and the real messy lists of the seeds. */
@IntegrationTest
class CommuneListResolverIntegrationTest {

	@Autowired
	CommuneListResolver resolver;

	@Autowired
	CommuneDirectory directory;

	private static Optional<Line> line(ListResolution r, String startsWith) {
		return r.lines().stream().filter(l -> l.text().startsWith(startsWith)).findFirst();
	}

	private static String code(ListResolution r, String startsWith) {
		Line l = line(r, startsWith).orElseThrow();
		assertThat(l.status()).as(startsWith).isEqualTo(Status.RESOLVED);
		return l.match().commune().inseeCode();
	}

	@Test
	void resolvesTheSud04TableOfSeed002() {
		ListResolution r = resolver.resolve(TestData.sud04Table());

		assertThat(r.withStatus(Status.AMBIGUOUS)).isEmpty();
		assertThat(r.withStatus(Status.UNRESOLVED)).isEmpty();
		assertThat(r.withStatus(Status.IGNORED)).singleElement().satisfies(l -> assertThat(l.text()).startsWith("COMMUNES"));
		assertThat(r.withStatus(Status.RESOLVED)).hasSize(48);
		assertThat(r.contextDepartements()).containsExactly("04");
		// older or shortened names
		assertThat(code(r, "CORBIERES")).isEqualTo("04063");
		assertThat(line(r, "CORBIERES").orElseThrow().match().method()).isEqualTo(Method.SHORTENED_NAME);
		assertThat(code(r, "CERESTE")).isEqualTo("04045");
		// abbreviations: ST for Sainte too, a word cut short
		assertThat(code(r, "ST TULLE")).isEqualTo("04197");
		assertThat(code(r, "ST MICHEL L'OBS")).isEqualTo("04192");
		assertThat(line(r, "ST MICHEL L'OBS").orElseThrow().match().method()).isEqualTo(Method.ABBREVIATION);
		// typos
		assertThat(code(r, "LA BRILLANE")).isEqualTo("04034");
		assertThat(code(r, "MONJUSTIN")).isEqualTo("04129");
		assertThat(line(r, "MONJUSTIN").orElseThrow().match().method()).isEqualTo(Method.CLOSE_SPELLING);
		// the homonym in the context wins and the line's postcode confirms it
		assertThat(code(r, "VILLENEUVE")).isEqualTo("04242");
		// INSEE codes in the postcode column are reported, not trusted
		for (String name : new String[] { "BRUNET", "LE CASTELLET", "ENTREVENNES", "PUIMICHEL" }) {
			assertThat(line(r, name).orElseThrow().notes()).as(name)
				.anySatisfy(n -> assertThat(n.key()).isEqualTo("territory.note.inseeCodeInPostcodeColumn"));
		}
		// zone flags from the third column
		assertThat(line(r, "MANOSQUE").orElseThrow().zones().qpv()).isTrue();
		assertThat(line(r, "LA BRILLANE").orElseThrow().zones().zac()).isTrue();
		assertThat(line(r, "BANON").orElseThrow().zones().zip()).isTrue();
		assertThat(line(r, "CERESTE").orElseThrow().zones()).isEqualTo(ListResolution.Zones.NONE);
	}

	@Test
	void anExactNameOutsideTheListContextIsNeverTakenSilently() {
		// CORBIERES among communes of the Alpes-de-Haute-Provence, without postcodes
		ListResolution r = resolver.resolve("Manosque\nForcalquier\nOraison\nCORBIERES\nVolx");
		assertThat(code(r, "CORBIERES")).isEqualTo("04063");
		assertThat(line(r, "CORBIERES").orElseThrow().candidates()).extracting(c -> c.commune().inseeCode()).contains("11100");

		// PARIS in that same list exists only outside the context: ambiguous, not resolved
		ListResolution paris = resolver.resolve("Manosque\nForcalquier\nOraison\nParis");
		assertThat(line(paris, "Paris").orElseThrow().status()).isEqualTo(Status.AMBIGUOUS);
	}

	@Test
	void aPostcodeOrDepartementOnTheLineRanksCandidatesInsideIt() {
		assertThat(code(resolver.resolve("Villeneuve 04180"), "Villeneuve")).isEqualTo("04242");
		assertThat(code(resolver.resolve("Villeneuve (12)"), "Villeneuve")).isEqualTo("12301");
		assertThat(code(resolver.resolve("Le Castellet\t83330"), "Le Castellet")).isEqualTo("83035");
		Line alone = resolver.resolve("Villeneuve").lines().getFirst();
		assertThat(alone.status()).isEqualTo(Status.AMBIGUOUS);
		assertThat(alone.candidates()).hasSizeGreaterThan(3);
	}

	@Test
	void codesAccentsAndCaseDoNotMatter() {
		ListResolution r = resolver.resolve("04112\nsaint-étienne-les-orgues\nSTE CROIX A LAUZE\n2A004\n");
		assertThat(r.withStatus(Status.RESOLVED)).extracting(l -> l.match().commune().inseeCode())
			.containsExactly("04112", "04178", "04175", "2A004");
		assertThat(r.lines().getFirst().match().method()).isEqualTo(Method.CODE);
	}

	@Test
	void formerCodesAndFormerCommunesLeadToTheCurrentCommune() {
		Commune withFormer = directory.search("Arboys", 1).getFirst();
		assertThat(withFormer.formerCodes()).isNotEmpty();
		Line byFormerCode = resolver.resolve(withFormer.formerCodes().getFirst()).lines().getFirst();
		assertThat(byFormerCode.status()).isEqualTo(Status.RESOLVED);
		assertThat(byFormerCode.match().method()).isEqualTo(Method.FORMER_CODE);
		assertThat(byFormerCode.match().commune().inseeCode()).isEqualTo(withFormer.inseeCode());
		Line byFormerName = resolver.resolve("Arbignieu").lines().getFirst();
		assertThat(byFormerName.match().commune().inseeCode()).isEqualTo("01015");
		assertThat(byFormerName.match().method()).isEqualTo(Method.FORMER_NAME);
	}

	@Test
	void garbageIsReportedLineByLineAndNothingIsGuessed() {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			for (int j = 0; j < 12; j++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
			text.append(random.nextInt(1000)).append('\n');
		}
		ListResolution r = resolver.resolve(text.toString());
		assertThat(r.lines()).hasSize(10_000);
		assertThat(r.withStatus(Status.RESOLVED)).isEmpty();
	}

	@Test
	void aListWhereEveryLineIsAmbiguousHasNoResolvedLine() {
		ListResolution r = resolver.resolve("Villeneuve\nSaint-Martin\nSainte-Marie\nLe Castellet\nBeaumont");
		assertThat(r.withStatus(Status.RESOLVED)).isEmpty();
		assertThat(r.withStatus(Status.AMBIGUOUS)).hasSize(5);
	}

	@Test
	void autocompleteFindsByNamePrefixAbbreviationCodeAndPostcode() {
		assertThat(directory.search("manos", 5)).extracting(Commune::inseeCode).first().isEqualTo("04112");
		assertThat(directory.search("st tulle", 5)).extracting(Commune::inseeCode).contains("04197");
		assertThat(directory.search("04100", 5)).extracting(Commune::inseeCode).contains("04112");
		assertThat(directory.search("81060", 5)).extracting(Commune::inseeCode).containsExactly("81060");
		assertThat(directory.search("", 5)).isEmpty();
	}
}
