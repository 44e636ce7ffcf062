package fr.maillage.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.support.AnnuaireStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Annuaire Santé client against the local stand-in of the API: a refused key, an unknown page, a 429 waited out or given up. */
class AnnuaireClientTest {

	@Test
	void aRefusedKeyAndAnUnknownPageAreSaidAndA429IsWaitedOutWithinTheAllowedWait() throws Exception {
		AnnuaireClient wrongKey = new AnnuaireClient(AnnuaireStub.base("a"), "not-the-key", 100, Duration.ofSeconds(5));
		assertThatThrownBy(() -> wrongKey.get(wrongKey.firstPage())).isInstanceOfSatisfying(AnnuaireClient.Failure.class,
				f -> assertThat(f.problem).isEqualTo("directory.import.annuaire.key"));

		AnnuaireClient client = new AnnuaireClient(AnnuaireStub.base("a"), AnnuaireStub.KEY, 100, Duration.ofSeconds(5));
		assertThatThrownBy(() -> client.get(AnnuaireStub.base("a") + "?_getpages=annuaire-test&_pageId=9"))
			.isInstanceOfSatisfying(AnnuaireClient.Failure.class, f -> assertThat(f.gone).isTrue());

		long start = System.nanoTime();
		int before = AnnuaireStub.requests().size();
		var third = client.get(AnnuaireStub.base("a") + "?_getpages=annuaire-test&_pageId=3");
		assertThat(AnnuaireStub.requests().subList(before, AnnuaireStub.requests().size())).containsExactly("a 3 429", "a 3 200");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(990));
		AnnuairePage page = AnnuairePage.read(third, 8);
		assertThat(page.situations()).isEqualTo(3);
		assertThat(page.next()).isNull();
		assertThat(page.rows()).extracting(RppsRow::line).containsExactly(9L, 10L, 11L);
		assertThat(page.rows().getFirst().mssante()).isEqualTo("rose.imbert@infirmier.mssante.fr");
		assertThat(page.rows().getFirst().professionLabel()).isEqualTo("Infirmier");
		assertThat(page.rows().getFirst().communeCode()).isEqualTo("04112");

		AnnuaireClient impatient = new AnnuaireClient(AnnuaireStub.base("a"), AnnuaireStub.KEY, 100, Duration.ZERO);
		// page 3 answers 429 again (its last answer was the page), and this client may not wait
		assertThatThrownBy(() -> impatient.get(AnnuaireStub.base("a") + "?_getpages=annuaire-test&_pageId=3")).isInstanceOfSatisfying(AnnuaireClient.Failure.class, f -> assertThat(f.problem).isEqualTo("directory.import.annuaire.tooManyRequests"));
	}
}
