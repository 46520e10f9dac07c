package org.fupin.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.GoodFaithIntrospection;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every error a code in {@code extensions.code}, also those raised before any
 * resolver ran (syntax and validation errors, wrong variable types, unknown fields) and
 * those Spring answers for unexpected failures, so clients branch on one field; counts
 * them by code ({@link ErrorCounter}), and tells a client refused as {@code BUSY} when to
 * ask again ({@code Retry-After}). Runs outside {@link Admission}, so a request refused
 * there is coded, counted and answered like any other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	private final ErrorCounter counter;

	private final String retryAfter;

	ErrorCodeInterceptor(ErrorCounter counter, LoadProperties load) {
		this.counter = counter;
		this.retryAfter = load.retryAfterSeconds();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			WebGraphQlResponse coded = response;
			if (!errors.stream().allMatch(ErrorCodeInterceptor::hasCode)) {
				List<GraphQLError> withCodes = errors.stream().map((e) -> hasCode(e) ? e : withCode(e)).toList();
				coded = response.transform((builder) -> builder.errors(withCodes));
			}
			List<GraphQLError> answered = coded.getExecutionResult().getErrors();
			answered.forEach((error) -> this.counter.count(String.valueOf(error.getExtensions().get("code"))));
			if (answered.stream()
				.anyMatch((error) -> ErrorCode.BUSY.name().equals(error.getExtensions().get("code")))) {
				// When to ask again (RFC 9110), for the fields that were refused as busy.
				coded.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, this.retryAfter);
			}
			return coded;
		});
	}

	private static boolean hasCode(GraphQLError error) {
		return error.getExtensions() != null && error.getExtensions().containsKey("code");
	}

	private static GraphQLError withCode(GraphQLError error) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		String message = error.getMessage();
		if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
			// graphql-java's own bound on operations that read only the schema.
			extensions.put("code", ErrorCode.QUERY_TOO_COMPLEX.name());
			message = "内省查询过大, 请每次只查询一个 __schema 或 __type. " + message;
		}
		else {
			extensions.put("code", code(error.getErrorType()).name());
		}
		return GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	static ErrorCode code(ErrorClassification classification) {
		if (classification instanceof graphql.ErrorType type) {
			return switch (type) {
				case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted -> ErrorCode.INVALID_QUERY;
				case DataFetchingException, NullValueInNonNullableField -> ErrorCode.INTERNAL_ERROR;
			};
		}
		if (classification == ErrorType.BAD_REQUEST) {
			return ErrorCode.INVALID_ARGUMENT;
		}
		if (classification == ErrorType.NOT_FOUND) {
			return ErrorCode.NOT_FOUND;
		}
		return ErrorCode.INTERNAL_ERROR;
	}

}
