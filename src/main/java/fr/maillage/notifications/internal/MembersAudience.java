package fr.maillage.notifications.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.notifications.Announcements;
import fr.maillage.notifications.Audience;
import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import fr.maillage.platform.Messages;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The audience every CPTS has: all its people (coordinators, members, partners); and the kind of announcements. */
@Component
class MembersAudience implements Audience, NotificationKind.Declarations {

	private final Accounts accounts;
	private final Messages messages;

	MembersAudience(Accounts accounts, Messages messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(Announcements.KIND, "announcement.kind", DeliveryMode.IMMEDIATE));
	}

	@Override
	public String code() {
		return "members";
	}

	@Override
	public String labelKey() {
		return "announcement.audience.members";
	}

	@Override
	public @Nullable String parameterKey() {
		return null;
	}

	@Override
	public String describe(UUID cptsId, @Nullable String parameter) {
		return messages.get("announcement.audience.members");
	}

	@Override
	public List<Recipient> resolve(UUID cptsId, @Nullable String parameter) {
		return accounts.usersOf(cptsId).stream().map(u -> new Recipient(u.id(), null, u.displayName())).toList();
	}
}
