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
	 * The current state forbids the change: a duplicate active pairing, a second eastern
	 * partner without an exception, ending a pairing that has already ended ...
	 */
	CONFLICT(ErrorType.BAD_REQUEST),

	/** The database cannot be reached; retry later. */
	UNAVAILABLE(ErrorType.INTERNAL_ERROR);

	private final ErrorClassification classification;

	ErrorCode(ErrorClassification classification) {
		this.classification = classification;
	}

	public ErrorClassification classification() {
		return this.classification;
	}

}
