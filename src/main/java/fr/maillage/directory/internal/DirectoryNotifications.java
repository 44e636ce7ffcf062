package fr.maillage.directory.internal;

import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.ContactPoints;
import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the directory adds to notifications: its kind (link requests), and where a user is reached
 * besides their account's e-mail: the MSSanté address and mobile of the professional their
 * account is linked to.
 */
@Component
class DirectoryNotifications implements NotificationKind.Declarations, ContactPoints {

	private final JdbcClient jdbc;

	DirectoryNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(AccountLinks.KIND, "directory.claim.notice.kind", DeliveryMode.IMMEDIATE),
				new NotificationKind(ImportRecovery.KIND, "directory.import.notice.kind", DeliveryMode.IMMEDIATE));
	}

	@Override
	public java.util.Map<UUID, String> mssante(java.util.Collection<UUID> userIds) {
		java.util.Map<UUID, String> out = new java.util.HashMap<>();
		jdbc.sql("""
				select l.user_id, p.mssante from account_link_directory l join practitioner p on p.id = l.practitioner_id
				where l.user_id = any(:u) and l.status = 'ACTIVE' and p.mssante is not null""").param("u", userIds.toArray(UUID[]::new))
			.query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return out;
	}

	@Override
	public java.util.Set<String> mssanteAmong(java.util.Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return java.util.Set.of();
		}
		return java.util.Set.copyOf(jdbc.sql("select distinct lower(mssante) from practitioner where lower(mssante) = any(:a)")
			.param("a", addresses.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new)).query(String.class).list());
	}

	@Override
	public java.util.Map<UUID, String> mobiles(java.util.Collection<UUID> userIds) {
		java.util.Map<UUID, String> out = new java.util.HashMap<>();
		jdbc.sql("""
				select l.user_id, p.phone from account_link_directory l join practitioner p on p.id = l.practitioner_id
				where l.user_id = any(:u) and l.status = 'ACTIVE' and regexp_replace(coalesce(p.phone, ''), '[^0-9]', '', 'g') ~ '^(0[67]|33[67])'""")
			.param("u", userIds.toArray(UUID[]::new)).query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return out;
	}
}
