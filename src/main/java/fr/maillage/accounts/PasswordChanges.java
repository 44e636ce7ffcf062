package fr.maillage.accounts;

import fr.maillage.accounts.internal.AccountStore;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.Problems;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person changes their password in the application: the current one first. The new one ends
 * their other sessions (opened before the change) and revokes their API tokens, as a reset does.
 */
@Service
public class PasswordChanges {

	private final CptsAccess access;
	private final AccountStore store;
	private final PasswordEncoder passwords;
	private final AuditLog audit;

	PasswordChanges(CptsAccess access, AccountStore store, PasswordEncoder passwords, AuditLog audit) {
		this.access = access;
		this.store = store;
		this.passwords = passwords;
		this.audit = audit;
	}

	@Transactional
	public void change(String current, String password, String confirmation) {
		CurrentUser user = access.requireUser();
		String hash = store.passwordHashOf(user.id()).orElse(null);
		Problems problems = new Problems();
		if (hash == null || !passwords.matches(current, hash)) {
			problems.reject("current", "account.password.wrongCurrent");
		}
		if (!Accounts.isAcceptablePassword(password)) {
			problems.reject("password", "account.password.tooShort", Accounts.MIN_PASSWORD_LENGTH);
		}
		else if (!password.equals(confirmation)) {
			problems.reject("confirmation", "account.password.mismatch");
		}
		problems.throwIfAny();
		store.setPassword(user.id(), passwords.encode(password));
		audit.change("account.password.changed", "user", user.id().toString(), null, null);
	}
}
