package fr.maillage.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PDF documents from Thymeleaf templates (openhtmltopdf). Templates meant for print are written
 * as well-formed XHTML and use the PDF's standard fonts. A document about a CPTS (a {@code cpts}
 * in its model) gets that CPTS's letterhead as {@code letterhead} (its logo and colour, from the
 * module that owns them), drawn by {@code fragments/letterhead}.
 */
@Component
public class PdfDocuments {

	/** The letterhead of the subject of a document ({@code cpts} of the model), or an empty map. */
	public interface Letterheads {
		Map<String, Object> of(Object cpts);
	}

	private final ITemplateEngine templates;
	private final java.util.List<Letterheads> letterheads;

	PdfDocuments(ITemplateEngine templates, java.util.List<Letterheads> letterheads) {
		this.templates = templates;
		this.letterheads = letterheads;
	}

	public void render(String template, Map<String, Object> model, OutputStream out) throws IOException {
		Map<String, Object> variables = new java.util.HashMap<>(model);
		Object subject = model.get("cpts");
		if (subject != null && !model.containsKey("letterhead")) {
			Map<String, Object> letterhead = new java.util.HashMap<>();
			letterheads.forEach(l -> letterhead.putAll(l.of(subject)));
			variables.put("letterhead", letterhead);
		}
		Context context = new Context(LocaleContextHolder.getLocale(), variables);
		String html = templates.process(template, context);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
	}
}
