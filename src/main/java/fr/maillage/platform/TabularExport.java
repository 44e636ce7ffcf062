package fr.maillage.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;

/**
 * The one export mechanism of every list: CSV (semicolons, UTF-8 with BOM, as French
 * spreadsheets expect; formula-like text made inert) or XLSX (bold header; text is written as
 * text cells, never formulas), streamed row by row to the response.
 */
public final class TabularExport {

	public enum Format {
		CSV, XLSX
	}

	private TabularExport() {
	}

	/**
	 * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
	 * carriage return) is prefixed with an apostrophe, as OWASP advises; numbers stay numbers.
	 */
	static @org.jspecify.annotations.Nullable Object inert(@org.jspecify.annotations.Nullable Object value) {
		if (!(value instanceof CharSequence text) || text.isEmpty()) {
			return value;
		}
		char first = text.charAt(0);
		boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		if (!risky || PLAIN_NUMBER.matcher(text).matches()) {
			return value;
		}
		return "'" + text;
	}

	private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+([.,]\\d+)?");

	/** Writes the header, then the rows the producer hands to the sink, in the chosen format. */
	public static void write(HttpServletResponse response, Format format, String baseName, String sheetName, List<String> header,
			Consumer<Consumer<List<?>>> rows) throws IOException {
		String fileName = baseName + (format == Format.CSV ? ".csv" : ".xlsx");
		response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		if (format == Format.CSV) {
			response.setContentType("text/csv;charset=UTF-8");
			Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			out.write('\uFEFF');
			try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
				csv.printRecord(header);
				rows.accept(row -> {
					try {
						csv.printRecord(row.stream().map(TabularExport::inert).toList());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			return;
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		Workbook workbook = new Workbook(response.getOutputStream(), "Maillage", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
		for (int c = 0; c < header.size(); c++) {
			sheet.value(0, c, header.get(c));
			sheet.style(0, c).bold().set();
		}
		int[] r = { 1 };
		rows.accept(row -> {
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				switch (v) {
					case null -> { }
					case Number n -> sheet.value(r[0], c, n);
					case Boolean b -> sheet.value(r[0], c, b);
					case LocalDate d -> sheet.value(r[0], c, d);
					case Instant i -> sheet.value(r[0], c, i.toString());
					default -> sheet.value(r[0], c, String.valueOf(v));
				}
			}
			r[0]++;
		});
		workbook.finish();
	}
}
