package fr.maillage.pathways.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.cpts.CptsService;
import fr.maillage.pathways.DecisionNode;
import fr.maillage.pathways.DecisionTrees;
import fr.maillage.pathways.Enrolments;
import fr.maillage.platform.Messages;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Decision trees in the browser: the list, the builder (one row a node), a run on a phone in a few taps, the printable tree. */
@Controller
class DecisionTreePagesController {

	static final int BLANK_ROWS = 3;

	private final DecisionTrees trees;
	private final Enrolments enrolments;
	private final CptsService cpts;
	private final CptsAccess access;
	private final PdfDocuments pdf;
	private final Messages messages;

	DecisionTreePagesController(DecisionTrees trees, Enrolments enrolments, CptsService cpts, CptsAccess access, PdfDocuments pdf, Messages messages) {
		this.trees = trees;
		this.enrolments = enrolments;
		this.cpts = cpts;
		this.access = access;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/logigrammes")
	String list(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireMember(id);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("trees", trees.list(id));
		model.addAttribute("coordinator", user.coordinates(id));
		return "pathways/trees";
	}

	@PostMapping("/cpts/{id}/logigrammes/exemple")
	String example(@PathVariable UUID id, RedirectAttributes redirect) {
		DecisionTrees.Tree t = trees.installExample(id);
		redirect.addFlashAttribute("success", messages.get("pathways.tree.exampleAdded"));
		return "redirect:/cpts/" + id + "/logigrammes/" + t.id();
	}

	@GetMapping("/cpts/{id}/logigrammes/nouveau")
	String newTree(@PathVariable UUID id, Model model) {
		access.requireCoordinator(id);
		return builder(id, null, new HashMap<>(), 0, model);
	}

	@PostMapping("/cpts/{id}/logigrammes/nouveau")
	String create(@PathVariable UUID id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		try {
			DecisionTrees.Tree t = trees.create(id, form(p), false);
			redirect.addFlashAttribute("success", messages.get("pathways.tree.saved", t.version()));
			return "redirect:/cpts/" + id + "/logigrammes/" + t.id();
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return builder(id, null, p, rows(p), model);
		}
	}

	@GetMapping("/cpts/{id}/logigrammes/{treeId}")
	String edit(@PathVariable UUID id, @PathVariable UUID treeId, Model model) {
		DecisionTrees.Tree t = tree(id, treeId);
		Map<String, String> form = new HashMap<>();
		form.put("title", t.title());
		form.put("description", t.description() == null ? "" : t.description());
		for (int i = 0; i < t.nodes().size(); i++) {
			DecisionNode n = t.nodes().get(i);
			form.put("key_" + i, n.key());
			form.put("kind_" + i, n.kind().name());
			form.put("text_" + i, n.text());
			form.put("answers_" + i, String.join("\n", n.answers().stream().map(a -> a.label() + " -> " + a.next()).toList()));
			form.put("actions_" + i, String.join("\n", n.actions()));
			form.put("contacts_" + i, String.join("\n", n.contacts().stream().map(c -> c.label() + (c.phone() == null ? "" : " : " + c.phone())).toList()));
		}
		model.addAttribute("tree", t);
		return builder(id, t, form, t.nodes().size(), model);
	}

	@PostMapping("/cpts/{id}/logigrammes/{treeId}")
	String update(@PathVariable UUID id, @PathVariable UUID treeId, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		DecisionTrees.Tree t = tree(id, treeId);
		try {
			DecisionTrees.Tree saved = trees.update(treeId, form(p));
			redirect.addFlashAttribute("success", messages.get("pathways.tree.saved", saved.version()));
			return "redirect:/cpts/" + id + "/logigrammes/" + treeId;
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("tree", t);
			return builder(id, t, p, rows(p), model);
		}
	}

	private DecisionTrees.Tree tree(UUID cptsId, UUID treeId) {
		DecisionTrees.Tree t = trees.get(treeId);
		if (!t.cptsId().equals(cptsId)) {
			throw new CptsAccess.NotVisibleException();
		}
		return t;
	}

	private String builder(UUID id, DecisionTrees.@Nullable Tree t, Map<String, String> form, int filled, Model model) {
		CurrentUser user = access.requireMember(id);
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < filled + BLANK_ROWS; i++) {
			rows.add(i);
		}
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("form", form);
		model.addAttribute("rows", rows);
		model.addAttribute("editable", user.coordinates(id));
		return "pathways/tree";
	}

	static int rows(Map<String, String> p) {
		int last = -1;
		for (int i = 0; i < DecisionTrees.MAX_NODES + BLANK_ROWS; i++) {
			if (p.get("text_" + i) != null && !p.get("text_" + i).isBlank()) {
				last = i;
			}
		}
		return last + 1;
	}

	/** One node a row: answers as "label -> key" lines, actions one a line, contacts as "label : number" lines. */
	static DecisionTrees.TreeForm form(Map<String, String> p) {
		List<DecisionNode> nodes = new ArrayList<>();
		for (int i = 0; i < rows(p); i++) {
			String text = p.get("text_" + i);
			if (text == null || text.isBlank()) {
				continue;
			}
			String key = p.get("key_" + i) == null || p.get("key_" + i).isBlank() ? "n" + (i + 1) : p.get("key_" + i).strip();
			List<DecisionNode.Answer> answers = lines(p.get("answers_" + i)).stream().map(l -> {
				int arrow = l.lastIndexOf("->");
				return arrow < 0 ? new DecisionNode.Answer(l, "") : new DecisionNode.Answer(l.substring(0, arrow).strip(), l.substring(arrow + 2).strip());
			}).toList();
			List<DecisionNode.Contact> contacts = lines(p.get("contacts_" + i)).stream().map(l -> {
				int colon = l.lastIndexOf(':');
				return colon < 0 ? new DecisionNode.Contact(l, null) : new DecisionNode.Contact(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
			}).toList();
			nodes.add(new DecisionNode(key, fr.maillage.platform.TypedValues.enumOf(DecisionNode.Kind.class, p.get("kind_" + i)), text.strip(), answers,
					lines(p.get("actions_" + i)), contacts));
		}
		return new DecisionTrees.TreeForm(p.get("title"), p.get("description"), nodes);
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	static List<Integer> path(@Nullable String chemin) {
		List<Integer> out = new ArrayList<>();
		if (chemin != null) {
			for (String part : chemin.split(",")) {
				try {
					out.add(Integer.parseInt(part.strip()));
				} catch (NumberFormatException ex) {
					break;
				}
			}
		}
		return out;
	}

	/** One question at a time; each answer is a plain link carrying the path so far (the back button works). */
	@GetMapping("/logigrammes/{treeId}/parcourir")
	String run(@PathVariable UUID treeId, @RequestParam(required = false) @Nullable String chemin, Model model) {
		DecisionTrees.Tree t = trees.get(treeId);
		List<Integer> path = path(chemin);
		DecisionTrees.Walk walk = DecisionTrees.walk(t, path);
		model.addAttribute("tree", t);
		model.addAttribute("walk", walk);
		model.addAttribute("chemin", String.join(",", path.subList(0, walk.steps().size()).stream().map(String::valueOf).toList()));
		model.addAttribute("enrolments", walk.finished() ? enrolments.visible(t.cptsId()) : List.of());
		return "pathways/tree-run";
	}

	@PostMapping("/logigrammes/{treeId}/parcourir")
	String record(@PathVariable UUID treeId, @RequestParam(required = false) @Nullable String chemin,
			@RequestParam(required = false) @Nullable UUID enrolmentId, RedirectAttributes redirect) {
		try {
			trees.record(treeId, path(chemin), enrolmentId);
			redirect.addFlashAttribute("success", messages.get(enrolmentId == null ? "pathways.tree.recorded" : "pathways.tree.attached"));
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
		}
		return enrolmentId == null ? "redirect:/logigrammes/" + treeId + "/parcourir?chemin=" + (chemin == null ? "" : chemin)
				: "redirect:/parcours/inclusions/" + enrolmentId;
	}

	@GetMapping("/logigrammes/{treeId}/imprimer")
	void print(@PathVariable UUID treeId, HttpServletResponse response) throws IOException {
		DecisionTrees.Tree t = trees.get(treeId);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", ContentDisposition.inline().filename("logigramme.pdf").build().toString());
		pdf.render("pathways/tree-pdf", Map.of("tree", t, "cpts", cpts.get(t.cptsId())), response.getOutputStream());
	}
}
