package org.fupin.graphql;

/**
 * A request the caller can fix: answered as a GraphQL error with {@link #code()} in
 * {@code extensions.code} and, when one argument is at fault, its path in
 * {@code extensions.field}.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final String field;

	public ApiException(ErrorCode code, String field, String message) {
		super(message);
		this.code = code;
		this.field = field;
	}

	public static ApiException notFound(String field, String message) {
		return new ApiException(ErrorCode.NOT_FOUND, field, message);
	}

	public static ApiException invalid(String field, String message) {
		return new ApiException(ErrorCode.INVALID_ARGUMENT, field, message);
	}

	public ErrorCode code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

}
