package fr.maillage.missions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Fichier des Écritures Comptables (article A47 A-1 of the Livre des procédures fiscales):
 * a header then one line per entry line, 18 columns separated by a tab or a pipe, dates as
 * AAAAMMJJ, amounts with a decimal comma. Extra columns after the 18 are kept (some software adds
 * an analytic code). What cannot be read is reported by line, as message keys and arguments.
 */
public final class FecFile {

	public static final int COLUMNS = 18;
	static final int JOURNAL = 0;
	static final int NUMBER = 2;
	static final int DATE = 3;
	static final int ACCOUNT = 4;
	static final int ACCOUNT_LABEL = 5;
	static final int LABEL = 10;
	static final int DEBIT = 11;
	static final int CREDIT = 12;

	/** A problem on a line of the file (0: the file as a whole), as a message key and its arguments. */
	public record Problem(int line, String key, List<Object> args) {
	}

	/** A line of an entry: its line number in the file, the entry it belongs to, its account and amounts in cents. */
	public record Line(int lineNo, String journal, String entryNumber, LocalDate date, String account, String accountLabel, String label,
			long debitCents, long creditCents, @Nullable String analytic) {
	}

	public record Read(List<Line> lines, List<Problem> problems, char separator) {
	}

	private FecFile() {
	}

	public static Read read(byte[] content) {
		String text = decode(content);
		List<Problem> problems = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		int end = text.indexOf('\n');
		String header = strip(end < 0 ? text : text.substring(0, end));
		if (header.startsWith("\uFEFF")) {
			header = header.substring(1);
		}
		char sep = header.indexOf('\t') >= 0 ? '\t' : header.indexOf('|') >= 0 ? '|' : 0;
		if (sep == 0 || split(header, sep).size() < COLUMNS) {
			problems.add(new Problem(1, "missions.fec.separator", List.of(COLUMNS)));
			return new Read(lines, problems, sep);
		}
		List<String> names = split(header, sep);
		if (!names.getFirst().strip().equalsIgnoreCase("JournalCode")) {
			problems.add(new Problem(1, "missions.fec.header", List.of(names.getFirst())));
			return new Read(lines, problems, sep);
		}
		int analytic = -1;
		for (int i = COLUMNS; i < names.size(); i++) {
			if (names.get(i).toLowerCase(java.util.Locale.ROOT).contains("analyti")) {
				analytic = i;
			}
		}
		int lineNo = 1;
		int start = end < 0 ? text.length() : end + 1;
		while (start < text.length()) {
			int e = text.indexOf('\n', start);
			String raw = strip(e < 0 ? text.substring(start) : text.substring(start, e));
			start = e < 0 ? text.length() : e + 1;
			lineNo++;
			if (raw.isBlank()) {
				continue;
			}
			List<String> c = split(raw, sep);
			if (c.size() < COLUMNS) {
				char other = sep == '\t' ? '|' : '\t';
				problems.add(new Problem(lineNo, raw.indexOf(other) >= 0 ? "missions.fec.lineSeparator" : "missions.fec.columns",
						List.of(c.size(), COLUMNS)));
				continue;
			}
			LocalDate date = date(c.get(DATE));
			if (date == null) {
				problems.add(new Problem(lineNo, "missions.fec.date", List.of(c.get(DATE))));
				continue;
			}
			long debit = cents(c.get(DEBIT));
			long credit = cents(c.get(CREDIT));
			if (debit < 0 || credit < 0) {
				problems.add(new Problem(lineNo, "missions.fec.amount", List.of(debit < 0 ? c.get(DEBIT) : c.get(CREDIT))));
				continue;
			}
			String account = c.get(ACCOUNT).strip();
			if (account.isEmpty()) {
				problems.add(new Problem(lineNo, "missions.fec.noAccount", List.of()));
				continue;
			}
			String code = analytic >= 0 && analytic < c.size() ? c.get(analytic).strip() : "";
			lines.add(new Line(lineNo, c.get(JOURNAL).strip(), c.get(NUMBER).strip(), date, account, c.get(ACCOUNT_LABEL).strip(),
					c.get(LABEL).strip(), debit, credit, code.isEmpty() ? null : code));
		}
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(0, "missions.fec.empty", List.of()));
		}
		problems.addAll(unbalanced(lines));
		return new Read(lines, problems, sep);
	}

	/** Entries (journal and number) whose debits and credits differ, reported at their first line. */
	static List<Problem> unbalanced(List<Line> lines) {
		Map<String, long[]> sums = new HashMap<>();
		Map<String, Line> first = new HashMap<>();
		for (Line l : lines) {
			String key = l.journal() + '\u0000' + l.entryNumber();
			long[] s = sums.computeIfAbsent(key, k -> new long[2]);
			s[0] += l.debitCents();
			s[1] += l.creditCents();
			first.putIfAbsent(key, l);
		}
		List<Problem> out = new ArrayList<>();
		first.forEach((key, l) -> {
			long[] s = sums.get(key);
			if (s[0] != s[1]) {
				out.add(new Problem(l.lineNo(), "missions.fec.unbalanced", List.of(l.journal(), l.entryNumber(),
						fr.maillage.shared.Euros.format(s[0]), fr.maillage.shared.Euros.format(s[1]))));
			}
		});
		out.sort(java.util.Comparator.comparingInt(Problem::line));
		return out;
	}

	/** AAAAMMJJ (the format the text prescribes), or null. */
	static @Nullable LocalDate date(String s) {
		String t = s.strip();
		if (t.length() != 8) {
			return null;
		}
		for (int i = 0; i < 8; i++) {
			if (!Character.isDigit(t.charAt(i))) {
				return null;
			}
		}
		int y = Integer.parseInt(t, 0, 4, 10);
		int m = Integer.parseInt(t, 4, 6, 10);
		int d = Integer.parseInt(t, 6, 8, 10);
		if (m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(y, m, d);
	}

	/** "1234,56", "1234.5", "0", "" (zero) in cents; -1 when unreadable or negative. */
	static long cents(String s) {
		String t = s.strip();
		if (t.isEmpty()) {
			return 0;
		}
		long units = 0;
		long fraction = 0;
		int decimals = -1;
		for (int i = 0; i < t.length(); i++) {
			char ch = t.charAt(i);
			if (ch >= '0' && ch <= '9') {
				if (decimals < 0) {
					units = units * 10 + (ch - '0');
					if (units > 100_000_000_000L) {
						return -1;
					}
				}
				else if (++decimals <= 2) {
					fraction = fraction * 10 + (ch - '0');
				}
				else if (ch != '0') {
					return -1;
				}
			}
			else if ((ch == ',' || ch == '.') && decimals < 0) {
				decimals = 0;
			}
			else {
				return -1;
			}
		}
		if (decimals == 1) {
			fraction *= 10;
		}
		return units * 100 + fraction;
	}

	private static List<String> split(String line, char sep) {
		List<String> out = new ArrayList<>(COLUMNS + 2);
		int from = 0;
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == sep) {
				out.add(line.substring(from, i));
				from = i + 1;
			}
		}
		out.add(line.substring(from));
		return out;
	}

	private static String strip(String s) {
		return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
	}

	/** UTF-8 when the bytes are UTF-8, otherwise ISO-8859-15 (what older accounting software writes). */
	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, java.nio.charset.Charset.forName("ISO-8859-15"));
		}
	}
}
