package org.fupin.register;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;

/**
 * One broken rule of the asset register: the code a program branches on, the field at
 * fault (the mutation input's path, e.g. {@code owners[1].ownerId}) and what to do, in
 * Chinese for a clerk reading an import's report and in English as the API has always
 * answered.
 *
 * @param code the error code ({@code extensions.code} of a mutation's error)
 * @param field the input path at fault ({@code extensions.field}), or {@code null}
 * @param messageZh what is wrong and what to do, in Chinese
 * @param messageEn the same in English
 */
public record Violation(ErrorCode code, String field, String messageZh, String messageEn) {

	/** The error a mutation answers with: the English message, code and field. */
	public ApiException exception() {
		return new ApiException(this.code, this.field, this.messageEn);
	}

	/** Chinese then English, as an import's report shows it. */
	public String message() {
		return this.messageZh + " " + this.messageEn;
	}

	static Violation invalid(String field, String zh, String en) {
		return new Violation(ErrorCode.INVALID_ARGUMENT, field, zh, en);
	}

	static Violation notFound(String field, String zh, String en) {
		return new Violation(ErrorCode.NOT_FOUND, field, zh, en);
	}

	static Violation conflict(String field, String zh, String en) {
		return new Violation(ErrorCode.CONFLICT, field, zh, en);
	}

}
