package fr.maillage.cpts.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsIdentity;
import fr.maillage.platform.PdfDocuments;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The CPTS's logo (as a data URI: a PDF is rendered without a network) and colour on its documents. */
@Component
class CptsLetterheads implements PdfDocuments.Letterheads {

	private final CptsIdentity identity;

	CptsLetterheads(CptsIdentity identity) {
		this.identity = identity;
	}

	@Override
	public Map<String, Object> of(Object cpts) {
		if (!(cpts instanceof Cpts c)) {
			return Map.of();
		}
		Map<String, Object> out = new HashMap<>();
		CptsIdentity.Look look = identity.look(c.id());
		if (look.colour() != null) {
			out.put("colour", look.colour());
		}
		identity.logo(c.id()).ifPresent(logo -> out.put("logo", logo.dataUri()));
		return out;
	}
}
