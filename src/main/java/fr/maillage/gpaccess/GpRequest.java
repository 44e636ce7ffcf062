package fr.maillage.gpaccess;

import fr.maillage.patients.Patient;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request for a médecin traitant with its patient, as its coordinators (or the GP it was proposed to) see it. */
public record GpRequest(UUID id, long number, UUID cptsId, Patient patient, String source, Instant filedAt, RequestStatus status,
		boolean ald, @Nullable Integer aldNumber, boolean c2s, @Nullable Situation situation, boolean homeVisit, double maxKm,
		@Nullable String notes, boolean possibleDuplicate, @Nullable UUID practitionerId, @Nullable String practitionerName,
		@Nullable Instant proposedAt, @Nullable String proposalReason, @Nullable Instant answeredAt, @Nullable Instant declaredAt,
		@Nullable Instant withdrawnAt, @Nullable String withdrawReason) {

	/** Days waited: until the médecin traitant was declared, or until now. */
	public long waitingDays(Instant now) {
		Instant end = declaredAt != null ? declaredAt : withdrawnAt != null ? withdrawnAt : now;
		return java.time.Duration.between(filedAt, end).toDays();
	}
}
