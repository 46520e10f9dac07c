package org.fupin.graphql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

/**
 * The one place where exceptions become GraphQL errors, for reads and writes alike: a
 * database that is there but too busy (no pooled connection free in time, a lock not
 * granted in time, a transient error) answers {@code BUSY}, one that cannot be reached
 * {@code UNAVAILABLE}, a stopped transaction {@code TIMEOUT}. Anything not mapped here is
 * left to Spring for GraphQL, which answers {@code INTERNAL_ERROR} with an id and no
 * details, so no stack trace or class name ever reaches a client.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

	private final Duration timeout;

	private final String retryAfter;

	GraphQlErrorResolver(GraphQlProperties properties, LoadProperties load) {
		this.timeout = properties.requestTimeout();
		this.retryAfter = load.retryAfterSeconds();
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			return error(env, api.code(), api.field(), api.getMessage());
		}
		if (ex instanceof DataIntegrityViolationException) {
			// Another transaction took the same natural key between our check and our
			// write.
			return error(env, ErrorCode.CONFLICT, null,
					"A concurrent change recorded the same key first; read the data again and retry.");
		}
		if (ex instanceof BindException bind && bind.getFieldError() != null
				&& bind.getFieldError().getRejectedValue() instanceof ExactScalars.RefusedValue refused) {
			String field = pathOf(refused, env.getArguments(), null);
			if (field == null) {
				field = bind.getFieldError().getField().replaceFirst("^\\$\\.", "");
			}
			return error(env, ErrorCode.INVALID_ARGUMENT, field, field + " " + refused.reason());
		}
		switch (DatabaseFailures.of(ex)) {
			case TIMED_OUT:
				return error(env, ErrorCode.TIMEOUT, null, RequestTimeout.timedOut(this.timeout).getMessage());
			case BUSY, RETRYABLE:
				log.debug("Busy while resolving {}: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
				return error(env, ErrorCode.BUSY, null,
						"服务繁忙，请稍后重试。The service is busy at the moment (every "
								+ "database connection or lock is taken); send the same request again in "
								+ this.retryAfter + " s.");
			case UNAVAILABLE:
				log.warn("Database unavailable while resolving {}: {}", env.getExecutionStepInfo().getPath(),
						ex.getMessage());
				return error(env, ErrorCode.UNAVAILABLE, null,
						"The database is unavailable at the moment; please retry in a few seconds.");
			default:
				return null;
		}
	}

	/**
	 * Where {@code value} sits in the field's arguments, as a client names it
	 * ({@code input.owners[0].share}), or {@code path} itself when it is not below it.
	 */
	private static String pathOf(Object value, Object arguments, String path) {
		if (arguments == value) {
			return path;
		}
		if (arguments instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String found = pathOf(value, entry.getValue(),
						(path != null) ? path + "." + entry.getKey() : String.valueOf(entry.getKey()));
				if (found != null) {
					return found;
				}
			}
		}
		if (arguments instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				String found = pathOf(value, list.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String field, String message) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		if (field != null) {
			extensions.put("field", field);
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.classification())
			.message(message)
			.extensions(extensions)
			.build();
	}

}
