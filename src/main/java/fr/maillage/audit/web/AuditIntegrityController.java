package fr.maillage.audit.web;

import fr.maillage.audit.AuditChain;
import fr.maillage.audit.AuditVerify;
import fr.maillage.platform.LocaleFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The administrator checks the audit log's chain: a page, and the same answer as JSON. */
@Controller
class AuditIntegrityController {

	private static final String VIEW = "audit/verification";
	private final AuditChain chain;

	AuditIntegrityController(AuditChain chain) {
		this.chain = chain;
	}

	@GetMapping("/administration/audit")
	String page(HttpServletRequest request, Model model) {
		chain.sealPending();
		AuditChain.Verification v = chain.verify();
		model.addAttribute("verification", v);
		model.addAttribute("summary", AuditVerify.describe(v, AuditVerify.messages(LocaleFilter.localeOf(request))));
		return VIEW;
	}

	@GetMapping("/api/v1/audit/verification")
	@ResponseBody
	Map<String, Object> api(HttpServletRequest request) {
		chain.sealPending();
		AuditChain.Verification v = chain.verify();
		return Map.of("intact", v.intact(), "verification", v, "summary",
				AuditVerify.describe(v, AuditVerify.messages(LocaleFilter.localeOf(request))));
	}
}
