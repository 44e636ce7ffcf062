package fr.maillage.missions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.FecFiles;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The FEC reader on its own: separators, dates, amounts, balance, encodings. */
class FecFileTest {

	@Test
	void readsATabFileAndAPipeFileAlike() {
		FecFile.Read tab = FecFile.read(FecFiles.good().getBytes(StandardCharsets.UTF_8));
		FecFile.Read pipe = FecFile.read(FecFiles.good().replace('\t', '|').getBytes(StandardCharsets.UTF_8));
		assertThat(tab.problems()).isEmpty();
		assertThat(pipe.problems()).isEmpty();
		assertThat(pipe.lines()).isEqualTo(tab.lines());
		FecFile.Line salaries = tab.lines().get(1);
		assertThat(salaries.lineNo()).isEqualTo(3);
		assertThat(salaries.account()).isEqualTo("641100");
		assertThat(salaries.date()).isEqualTo(LocalDate.of(2025, 1, 15));
		assertThat(salaries.debitCents()).isEqualTo(120_000);
	}

	@Test
	void amountsAreExactCentsAndDatesStrict() {
		assertThat(FecFile.cents("1234,56")).isEqualTo(123_456);
		assertThat(FecFile.cents("1234,5")).isEqualTo(123_450);
		assertThat(FecFile.cents("0,10")).isEqualTo(10);
		assertThat(FecFile.cents("12.30")).isEqualTo(1_230);
		assertThat(FecFile.cents("")).isZero();
		assertThat(FecFile.cents("1 234,56")).isEqualTo(-1);
		assertThat(FecFile.cents("-5,00")).isEqualTo(-1);
		assertThat(FecFile.cents("1,234")).isEqualTo(-1);
		assertThat(FecFile.date("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(FecFile.date("20250229")).isNull();
		assertThat(FecFile.date("2025-01-31")).isNull();
		assertThat(FecFile.date("20251301")).isNull();
	}

	@Test
	void aSemicolonFileIsRefusedAtItsHeader() {
		FecFile.Read read = FecFile.read(FecFiles.good().replace('\t', ';').getBytes(StandardCharsets.UTF_8));
		assertThat(read.lines()).isEmpty();
		assertThat(read.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.key()).isEqualTo("missions.fec.separator");
		});
	}

	@Test
	void anUnbalancedEntryIsReportedAtItsFirstLine() {
		String file = FecFiles.good().replace("0,00\t150,50", "0,00\t150,00");
		FecFile.Read read = FecFile.read(file.getBytes(StandardCharsets.UTF_8));
		assertThat(read.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(6);
			assertThat(p.key()).isEqualTo("missions.fec.unbalanced");
			assertThat(p.args()).startsWith("OD", "3");
		});
	}

	@Test
	void anIsoLatinFileIsReadAsSuch() {
		FecFile.Read read = FecFile.read(FecFiles.good().getBytes(Charset.forName("ISO-8859-15")));
		assertThat(read.problems()).isEmpty();
		assertThat(read.lines().get(4).accountLabel()).isEqualTo("Déplacements");
	}
}
