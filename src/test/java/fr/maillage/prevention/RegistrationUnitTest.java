package fr.maillage.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.platform.Problems;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A registration's rules on their own: what each status allows. */
class RegistrationUnitTest {

	static Registration of(Registration.Status status) {
		return new Registration(UUID.randomUUID(), UUID.randomUUID(), 1, "Anne", "anne@exemple.fr", null, null, status, Instant.now(), null, null, null);
	}

	@Test
	void aCancelledRegistrationCannotBeCancelledAgain() {
		Registration cancelled = of(Registration.Status.REGISTERED).cancel(Instant.now());
		assertThat(cancelled.status()).isEqualTo(Registration.Status.CANCELLED);
		assertThatThrownBy(() -> cancelled.cancel(Instant.now())).isInstanceOf(Problems.RejectedException.class)
			.satisfies(ex -> assertThat(((Problems.RejectedException) ex).problems().all().getFirst().key()).isEqualTo("prevention.registration.alreadyCancelled"));
	}

	@Test
	void onlySomeoneWaitingIsPromotedAndOnlySomeoneRegisteredAttends() {
		Registration waiting = of(Registration.Status.WAITING);
		assertThatThrownBy(() -> waiting.attend(Instant.now())).isInstanceOf(Problems.RejectedException.class);
		Registration promoted = waiting.promote(Instant.now());
		assertThat(promoted.status()).isEqualTo(Registration.Status.REGISTERED);
		assertThat(promoted.promotedAt()).isNotNull();
		assertThatThrownBy(() -> promoted.promote(Instant.now())).isInstanceOf(Problems.RejectedException.class);
		assertThat(promoted.attend(Instant.now()).attended()).isTrue();
		assertThat(promoted.attend(Instant.now()).attend(null).attended()).isFalse();
	}

	@Test
	void anEventTakesRegistrationsWhileOpenAndNotOver() {
		Instant now = Instant.now();
		PreventionEvent e = new PreventionEvent(UUID.randomUUID(), UUID.randomUUID(), "Soirée", null, PreventionEvent.Audience.PUBLIC, now.plusSeconds(3600),
				now.plusSeconds(7200), "Salle", null, null, 30, PreventionEvent.Status.OPEN, 0);
		assertThat(e.takesRegistrations(now)).isTrue();
		assertThat(e.takesRegistrations(now.plusSeconds(8000))).isFalse();
		assertThat(e.close().takesRegistrations(now)).isFalse();
		assertThatThrownBy(() -> e.close().close()).isInstanceOf(Problems.RejectedException.class);
		assertThat(e.close().reopen().status()).isEqualTo(PreventionEvent.Status.OPEN);
		assertThatThrownBy(() -> e.cancel().cancel()).isInstanceOf(Problems.RejectedException.class);
	}
}
