package org.fupin.graphql;

import graphql.ErrorClassification;

import org.springframework.graphql.execution.ErrorType;

/**
 * The codes a client finds in {@code extensions.code} of a GraphQL error. They are part
 * of the API: dashboards and scripts branch on them, so they are never renamed.
 */
public enum ErrorCode {

	/** Nothing exists with the given key. */
	NOT_FOUND(ErrorType.NOT_FOUND),

	/** A place or organisation code that is not well-formed. */
	INVALID_CODE(ErrorType.BAD_REQUEST),

	/** A cursor that this API did not hand out, or one made for another sort order. */
	INVALID_CURSOR(ErrorType.BAD_REQUEST),

	/** {@code first} below zero or above the configured maximum page size. */
	PAGE_SIZE_OUT_OF_RANGE(ErrorType.BAD_REQUEST),

	/** Any other argument that breaks a rule; the message names the field. */
	INVALID_ARGUMENT(ErrorType.BAD_REQUEST),

	/**
	 * The current state forbids the change: a disposed asset, a transfer dated before the
	 * last one, a register or contract number or income year already recorded, a
	 * duplicate active pairing, a second eastern partner without an exception, ending a
	 * pairing that has already ended, or a concurrent change that won the race. Read
	 * again, then retry or change the request.
	 */
	CONFLICT(ErrorType.BAD_REQUEST),

	/** The operation nests fields deeper than {@code app.graphql.max-depth}. */
	QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),

	/** The operation would cost more than {@code app.graphql.max-complexity}. */
	QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),

	/** The operation selects more fields than {@code app.graphql.max-fields}. */
	TOO_MANY_FIELDS(ErrorType.BAD_REQUEST),

	/** The operation uses more aliases than {@code app.graphql.max-aliases}. */
	TOO_MANY_ALIASES(ErrorType.BAD_REQUEST),

	/** The HTTP request is not a GraphQL request: malformed JSON, or no query. */
	MALFORMED_REQUEST(ErrorType.BAD_REQUEST),

	/** The request body is larger than {@code app.graphql.max-request-bytes}. */
	REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST),

	/** A mutation sent with GET; only POST may change anything. */
	METHOD_NOT_ALLOWED(ErrorType.BAD_REQUEST),

	/** A request body that is neither JSON nor GraphQL. */
	UNSUPPORTED_MEDIA_TYPE(ErrorType.BAD_REQUEST),

	/** The query is not valid GraphQL, or not valid against the schema. */
	INVALID_QUERY(ErrorType.BAD_REQUEST),

	/** Something failed on the server; the message has an id to quote. */
	INTERNAL_ERROR(ErrorType.INTERNAL_ERROR),

	/** The database cannot be reached; retry later. */
	UNAVAILABLE(ErrorType.INTERNAL_ERROR),

	/**
	 * The service is too busy to answer now: every database connection or write slot in
	 * use, a lock not granted in time, or a deadlock that outlasted the retries. Nothing
	 * was changed; send the same request again after {@code Retry-After} seconds.
	 */
	BUSY(ErrorType.INTERNAL_ERROR),

	/**
	 * The field needs a signed-in caller and the request carries no token. (A token that
	 * is present but invalid is answered HTTP 401 before GraphQL runs.)
	 */
	UNAUTHENTICATED(ErrorType.UNAUTHORIZED),

	/**
	 * The caller's roles or scope (place, program, personal-data grant) do not allow this
	 * field, filter or change; the message says which.
	 */
	FORBIDDEN(ErrorType.FORBIDDEN),

	/**
	 * The request ran longer than {@code app.graphql.request-timeout}; its database work
	 * was stopped. Ask for less (smaller pages, fewer nested lists).
	 */
	TIMEOUT(ErrorType.INTERNAL_ERROR);

	private final ErrorClassification classification;

	ErrorCode(ErrorClassification classification) {
		this.classification = classification;
	}

	public ErrorClassification classification() {
		return this.classification;
	}

	/**
	 * The code of a database failure outside GraphQL (an HTTP endpoint that reads the
	 * graph), decided as the GraphQL error mapping decides it.
	 */
	public static ErrorCode ofDatabaseFailure(Throwable ex) {
		return switch (DatabaseFailures.of(ex)) {
			case RETRYABLE, BUSY -> BUSY;
			case TIMED_OUT -> TIMEOUT;
			case UNAVAILABLE -> UNAVAILABLE;
			case OTHER -> INTERNAL_ERROR;
		};
	}

}
