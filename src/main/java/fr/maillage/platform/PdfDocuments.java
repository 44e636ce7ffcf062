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
 * as well-formed XHTML and use the PDF's standard fonts.
 */
@Component
public class PdfDocuments {

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	public void render(String template, Map<String, Object> model, OutputStream out) throws IOException {
		Context context = new Context(LocaleContextHolder.getLocale(), model);
		String html = templates.process(template, context);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
	}
}
