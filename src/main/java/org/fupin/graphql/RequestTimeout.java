package org.fupin.graphql;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.stereotype.Component;

/**
 * The request timeout ({@code app.graphql.request-timeout}): once it has passed, every
 * field still to be fetched answers {@code TIMEOUT} instead of reading. A database query
 * already running is stopped by the database itself, because read-only transactions carry
 * the same timeout ({@code org.fupin.neo4j.TransactionTimeoutConfiguration}).
 */
@Component
class RequestTimeout implements Instrumentation {

	static final String PROPERTY = "app.graphql.request-timeout";

	private final Duration timeout;

	RequestTimeout(GraphQlProperties properties) {
		this.timeout = properties.requestTimeout();
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new Deadline(System.nanoTime() + this.timeout.toNanos()));
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()) {
			return fetcher;
		}
		return (env) -> {
			if (System.nanoTime() - deadline.nanos() > 0) {
				throw timedOut(this.timeout);
			}
			return fetcher.get(env);
		};
	}

	static ApiException timedOut(Duration timeout) {
		String limit = (timeout.toMillis() > 0) ? timeout.toMillis() + " ms" : timeout.toNanos() + " ns";
		return new ApiException(ErrorCode.TIMEOUT, null, "The request ran longer than " + PROPERTY + " (" + limit
				+ ") and was stopped; ask for smaller pages or fewer nested lists.");
	}

	record Deadline(long nanos) implements InstrumentationState {
	}

}
