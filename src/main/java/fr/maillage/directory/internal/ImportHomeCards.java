package fr.maillage.directory.internal;

import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Line;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import fr.maillage.platform.Messages;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The administrators' card of directory imports: those running, those refused or failed this month, the last ones. */
@Component
class ImportHomeCards implements HomeCard.Provider {

	static final int LINES = 3;

	private final JdbcClient jdbc;
	private final Messages messages;

	ImportHomeCards(JdbcClient jdbc, Messages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		if (!viewer.admin()) {
			return List.of();
		}
		record Counts(long running, long failed) {
		}
		Counts c = jdbc.sql("""
				select count(*) filter (where status in ('QUEUED', 'RUNNING')), count(*) filter (where status in ('REFUSED', 'FAILED'))
				from directory_import where started_at > now() - interval '30 days'""")
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
		List<Line> last = jdbc.sql("select id, file_name, status, started_at from directory_import order by started_at desc limit " + LINES)
			.query((rs, n) -> new Line(rs.getString(2) + " · " + messages.get("directory.import.status." + rs.getString(3)), rs.getTimestamp(4).toInstant(),
					"/annuaire/imports/" + rs.getObject(1, UUID.class)))
			.list();
		String href = last.isEmpty() ? "/" : last.getFirst().href();
		return List.of(HomeCard.of(Audience.ADMINISTRATION, 40, "home.imports.title", href == null ? "/" : href, c.running(),
				c.failed() > 0 ? Tone.ATTENTION : Tone.CALM, "home.imports.text", c.running(), c.failed()).withLines(last));
	}
}
