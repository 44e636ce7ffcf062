package fr.maillage.platform.web;

import fr.maillage.platform.Access;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' page of background jobs: when each runs next, its last success and failure. */
@Controller
class JobsController {

	static final String PATH = "/administration/taches";

	private final JobsHomeCards.Jobs jobs;

	JobsController(JobsHomeCards.Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping(PATH)
	String jobs(Model model) {
		model.addAttribute("jobs", jobs.list());
		return "platform/jobs";
	}
}
