package fr.maillage.pathways;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.Problems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decision trees (logigrammes) of a CPTS: questions and answers that end in recommended actions
 * and whom to call, built by its coordinators (versioned), run by its members in a few taps; a run
 * may be kept, attached to a patient's pathway (seen then by the care circle only).
 */
@Service
public class DecisionTrees {

	public static final int MAX_NODES = 60;

	public record TreeForm(@Nullable String title, @Nullable String description, @Nullable List<DecisionNode> nodes) {
	}

	public record Tree(UUID id, UUID cptsId, String title, @Nullable String description, int version, List<DecisionNode> nodes, boolean example) {

		public DecisionNode root() {
			return nodes.getFirst();
		}

		public @Nullable DecisionNode node(String key) {
			return nodes.stream().filter(n -> n.key().equals(key)).findFirst().orElse(null);
		}
	}

	/** Where a path of answers leads: the nodes passed (with the answer chosen) and the node reached. */
	public record Walk(List<Step> steps, DecisionNode at) {

		public record Step(DecisionNode node, DecisionNode.Answer answer) {
		}

		public boolean finished() {
			return at.kind() == DecisionNode.Kind.OUTCOME;
		}
	}

	public record Run(UUID id, UUID treeId, String title, int version, List<String> path, String outcome, @Nullable UUID enrolmentId, Instant at) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<DecisionNode>> NODES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final Enrolments enrolments;

	DecisionTrees(JdbcClient jdbc, CptsAccess access, AuditLog audit, Enrolments enrolments) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.enrolments = enrolments;
	}

	/** Refuses trees that cannot be run to an end: unknown next nodes, loops, questions without answers, outcomes with answers. */
	public static Problems check(List<DecisionNode> nodes) {
		Problems problems = new Problems();
		if (nodes.isEmpty()) {
			problems.reject("nodes", "pathways.tree.empty");
			return problems;
		}
		Map<String, DecisionNode> byKey = new HashMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			DecisionNode n = nodes.get(i);
			if (n.key() == null || n.key().isBlank() || byKey.putIfAbsent(n.key(), n) != null) {
				problems.reject("nodes[" + i + "].key", "pathways.tree.key", i + 1);
			}
			if (n.text() == null || n.text().isBlank()) {
				problems.reject("nodes[" + i + "].text", "pathways.tree.text", i + 1);
			}
			if (n.kind() == null) {
				problems.reject("nodes[" + i + "].kind", "pathways.tree.kind", i + 1);
			} else if (n.kind() == DecisionNode.Kind.QUESTION && n.answers().isEmpty()) {
				problems.reject("nodes[" + i + "].answers", "pathways.tree.noAnswer", i + 1);
			} else if (n.kind() == DecisionNode.Kind.OUTCOME && !n.answers().isEmpty()) {
				problems.reject("nodes[" + i + "].answers", "pathways.tree.outcomeAnswers", i + 1);
			}
		}
		if (problems.any()) {
			return problems;
		}
		for (int i = 0; i < nodes.size(); i++) {
			for (DecisionNode.Answer a : nodes.get(i).answers()) {
				if (a.label() == null || a.label().isBlank() || a.next() == null || !byKey.containsKey(a.next())) {
					problems.reject("nodes[" + i + "].answers", "pathways.tree.next", i + 1, a.next() == null ? "" : a.next());
				}
			}
		}
		if (!problems.any()) {
			List<String> loop = loop(nodes.getFirst(), byKey, new ArrayList<>(), new HashSet<>());
			if (!loop.isEmpty()) {
				problems.reject("nodes", "pathways.tree.loop", String.join(" → ", loop));
			}
		}
		return problems;
	}

	private static List<String> loop(DecisionNode at, Map<String, DecisionNode> byKey, List<String> path, Set<String> done) {
		if (path.contains(at.key())) {
			List<String> loop = new ArrayList<>(path.subList(path.indexOf(at.key()), path.size()));
			loop.add(at.key());
			return loop;
		}
		if (done.contains(at.key())) {
			return List.of();
		}
		path.add(at.key());
		for (DecisionNode.Answer a : at.answers()) {
			List<String> found = loop(byKey.get(a.next()), byKey, path, done);
			if (!found.isEmpty()) {
				return found;
			}
		}
		path.removeLast();
		done.add(at.key());
		return List.of();
	}

	/** Follows answers (their indices) from the root; an index that does not exist stops the walk where it is. */
	public static Walk walk(Tree tree, List<Integer> answers) {
		List<Walk.Step> steps = new ArrayList<>();
		DecisionNode at = tree.root();
		for (int i : answers) {
			if (i < 0 || i >= at.answers().size()) {
				break;
			}
			DecisionNode.Answer a = at.answers().get(i);
			steps.add(new Walk.Step(at, a));
			at = tree.node(a.next());
		}
		return new Walk(steps, at);
	}

	@Transactional
	public Tree create(UUID cptsId, TreeForm form, boolean example) {
		CurrentUser user = access.requireCoordinator(cptsId);
		checkForm(form);
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into decision_tree (id, cpts_id, title, description, example, created_by) values (:id, :c, :t, :d, :e, :by)").param("id", id)
			.param("c", cptsId).param("t", form.title().strip()).param("d", blank(form.description())).param("e", example).param("by", user.id()).update();
		writeVersion(id, 1, form.nodes(), user);
		audit.change("decision_tree.create", "decision_tree", id.toString(), cptsId, form.title().strip());
		return get(id);
	}

	@Transactional
	public Tree update(UUID treeId, TreeForm form) {
		Tree t = get(treeId);
		CurrentUser user = access.requireCoordinator(t.cptsId());
		checkForm(form);
		writeVersion(treeId, t.version() + 1, form.nodes(), user);
		jdbc.sql("update decision_tree set title = :t, description = :d, current_version = :v where id = :id").param("t", form.title().strip())
			.param("d", blank(form.description())).param("v", t.version() + 1).param("id", treeId).update();
		audit.change("decision_tree.version", "decision_tree", treeId.toString(), t.cptsId(), "version " + (t.version() + 1));
		return get(treeId);
	}

	private static void checkForm(TreeForm form) {
		Problems problems = new Problems();
		if (form.title() == null || form.title().isBlank()) {
			problems.reject("title", "pathways.tree.title");
		} else if (form.title().strip().length() > 200) {
			problems.reject("title", "pathways.template.name.tooLong");
		}
		List<DecisionNode> nodes = form.nodes() == null ? List.of() : form.nodes();
		if (nodes.size() > MAX_NODES) {
			problems.reject("nodes", "pathways.tree.tooMany", MAX_NODES);
		} else {
			check(nodes).all().forEach(p -> problems.reject(p.field(), p.key(), p.args().toArray()));
		}
		problems.throwIfAny();
	}

	private void writeVersion(UUID treeId, int version, List<DecisionNode> nodes, CurrentUser user) {
		jdbc.sql("insert into decision_tree_version (tree_id, version, nodes, created_by) values (:t, :v, cast(:n as jsonb), :by)").param("t", treeId)
			.param("v", version).param("n", JSON.writeValueAsString(nodes)).param("by", user.id()).update();
	}

	/** The example the issue names: a suspected child in danger (to be validated by the CPTS before use). */
	@Transactional
	public Tree installExample(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return jdbc.sql("select id from decision_tree where cpts_id = :c and example").param("c", cptsId).query(UUID.class).optional().map(this::get)
			.orElseGet(() -> create(cptsId, ExampleTrees.childInDanger(), true));
	}

	@Transactional(readOnly = true)
	public List<Tree> list(UUID cptsId) {
		access.requireMember(cptsId);
		return jdbc.sql("""
				select t.*, v.nodes::text as nodes from decision_tree t join decision_tree_version v on v.tree_id = t.id and v.version = t.current_version
				where t.cpts_id = :c and t.active order by t.title""").param("c", cptsId).query(DecisionTrees::tree).list();
	}

	@Transactional(readOnly = true)
	public Tree get(UUID treeId) {
		Tree t = jdbc.sql("""
				select t.*, v.nodes::text as nodes from decision_tree t join decision_tree_version v on v.tree_id = t.id and v.version = t.current_version
				where t.id = :id""").param("id", treeId).query(DecisionTrees::tree).optional().orElseThrow(CptsAccess.NotVisibleException::new);
		access.requireMember(t.cptsId());
		return t;
	}

	/** Keeps a run that reached an outcome, attached to a patient's pathway when the runner is in its circle. */
	@Transactional
	public UUID record(UUID treeId, List<Integer> answers, @Nullable UUID enrolmentId) {
		Tree t = get(treeId);
		CurrentUser user = access.requireMember(t.cptsId());
		Walk w = walk(t, answers);
		if (!w.finished()) {
			throw Problems.rejected("path", "pathways.tree.unfinished");
		}
		if (enrolmentId != null && !enrolments.mayRead(enrolmentId)) {
			throw new CptsAccess.NotVisibleException();
		}
		UUID id = UUID.randomUUID();
		List<String> path = w.steps().stream().map(s -> s.node().key() + " : " + s.answer().label()).toList();
		jdbc.sql("""
				insert into decision_tree_run (id, tree_id, version, cpts_id, path, outcome, enrolment_id, run_by)
				values (:id, :t, :v, :c, cast(:p as jsonb), :o, :e, :by)""")
			.param("id", id).param("t", treeId).param("v", t.version()).param("c", t.cptsId()).param("p", JSON.writeValueAsString(path))
			.param("o", w.at().key()).param("e", enrolmentId).param("by", user.id()).update();
		audit.change("decision_tree.run", "decision_tree", treeId.toString(), t.cptsId(), enrolmentId == null ? null : "inclusion " + enrolmentId);
		return id;
	}

	/** The runs kept on a patient's pathway, for its circle (the enrolment's access rule applies). */
	@Transactional(readOnly = true)
	public List<Run> runsOf(UUID enrolmentId) {
		if (!enrolments.mayRead(enrolmentId)) {
			throw new CptsAccess.NotVisibleException();
		}
		return jdbc.sql("""
				select r.*, t.title from decision_tree_run r join decision_tree t on t.id = r.tree_id where r.enrolment_id = :e order by r.created_at desc""")
			.param("e", enrolmentId)
			.query((rs, n) -> new Run(rs.getObject("id", UUID.class), rs.getObject("tree_id", UUID.class), rs.getString("title"), rs.getInt("version"),
					JSON.readValue(rs.getString("path"), new TypeReference<List<String>>() {
					}), rs.getString("outcome"), rs.getObject("enrolment_id", UUID.class), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private static Tree tree(ResultSet rs, int n) throws SQLException {
		return new Tree(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("title"), rs.getString("description"),
				rs.getInt("current_version"), JSON.readValue(rs.getString("nodes"), NODES), rs.getBoolean("example"));
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
