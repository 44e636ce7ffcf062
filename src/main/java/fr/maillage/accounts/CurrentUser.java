package fr.maillage.accounts;

import fr.maillage.audit.AuditedActor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated user, with their roles per CPTS, as loaded for the current request (FreshUserFilter reloads a session's). */
public final class CurrentUser implements UserDetails, CredentialsContainer, AuditedActor {

	private final UUID id;
	private final String email;
	private final String displayName;
	private @Nullable String passwordHash;
	private final boolean admin;
	private final boolean enabled;
	private final boolean totpEnabled;
	private final Map<UUID, Set<Role>> roles;
	private final java.time.Instant credentialsChangedAt;

	public CurrentUser(UUID id, String email, String displayName, @Nullable String passwordHash, boolean admin, boolean enabled,
			boolean totpEnabled, Map<UUID, Set<Role>> roles) {
		this(id, email, displayName, passwordHash, admin, enabled, totpEnabled, roles, java.time.Instant.EPOCH);
	}

	/** {@code credentialsChangedAt}: the last password change; a session opened before it is over. */
	public CurrentUser(UUID id, String email, String displayName, @Nullable String passwordHash, boolean admin, boolean enabled,
			boolean totpEnabled, Map<UUID, Set<Role>> roles, java.time.Instant credentialsChangedAt) {
		this.credentialsChangedAt = credentialsChangedAt;
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.admin = admin;
		this.enabled = enabled;
		this.totpEnabled = totpEnabled;
		this.roles = Map.copyOf(roles);
	}

	public UUID id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public boolean isAdmin() {
		return admin;
	}

	public boolean totpEnabled() {
		return totpEnabled;
	}

	public Map<UUID, Set<Role>> roles() {
		return roles;
	}

	public java.time.Instant credentialsChangedAt() {
		return credentialsChangedAt;
	}

	public boolean has(UUID cptsId, Role role) {
		return roles.getOrDefault(cptsId, Set.of()).contains(role);
	}

	public boolean belongsTo(UUID cptsId) {
		return admin || roles.containsKey(cptsId);
	}

	public boolean coordinates(UUID cptsId) {
		return admin || has(cptsId, Role.COORDINATOR);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (admin) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		roles.values().stream().flatMap(Set::stream).distinct()
			.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public UUID actorId() {
		return id;
	}

	@Override
	public String actorLabel() {
		return email;
	}

	@Override
	public boolean readsWholeAuditLog() {
		return admin;
	}

	@Override
	public Set<UUID> auditableCpts() {
		return roles.entrySet().stream().filter(e -> e.getValue().contains(Role.COORDINATOR)).map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}
}
