package fr.maillage.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of every error the JSON API answers. */
public record ApiError(int status, String code, String message, @Nullable List<FieldError> errors) {

	public record FieldError(String field, String message) {
	}
}
