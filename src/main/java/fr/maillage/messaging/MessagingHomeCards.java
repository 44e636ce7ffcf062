package fr.maillage.messaging;

import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The home's card of messaging: the messages one has not read, the urgent ones first. */
@Component
class MessagingHomeCards implements HomeCard.Provider {

	private final JdbcClient jdbc;
	private final Conversations conversations;

	MessagingHomeCards(JdbcClient jdbc, Conversations conversations) {
		this.jdbc = jdbc;
		this.conversations = conversations;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		List<UUID> ids = conversations.conversationsOf(viewer.userId());
		record Unread(long all, long urgent) {
		}
		Unread unread = ids.isEmpty() ? new Unread(0, 0) : jdbc.sql("""
				select count(*), count(*) filter (where m.urgent) from message m
				left join conversation_participant p on p.conversation_id = m.conversation_id and p.user_id = :u
				where m.conversation_id = any(:ids) and m.author_id <> :u and m.created_at > coalesce(p.last_read_at, '-infinity')""")
			.param("u", viewer.userId()).param("ids", ids.toArray(UUID[]::new)).query((rs, n) -> new Unread(rs.getLong(1), rs.getLong(2))).single();
		Audience audience = viewer.coordinates() ? Audience.COORDINATION : Audience.PERSONAL;
		return List.of(HomeCard.of(audience, 50, "home.messages.title", "/messages", unread.all(),
				unread.urgent() > 0 ? Tone.ALERT : Tone.attentionIf(unread.all()),
				unread.all() == 0 ? "home.messages.none" : "home.messages.text", unread.all(), unread.urgent()));
	}
}
