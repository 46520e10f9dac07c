package org.fupin.graphql;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Admission control in front of GraphQL: at most {@code app.load.max-concurrent-requests}
 * requests execute at once, each holding one turn from a fair semaphore for as long as it
 * runs. A request that finds every turn taken waits on its worker thread, first come
 * first served, up to {@code app.load.admission-timeout}; then it is refused with
 * {@code BUSY} before anything was read or changed. So no request waits without bound in
 * the web server's line: it is answered within the admission timeout plus its own
 * timeout, or refused within the admission timeout. The refusal is an ordinary GraphQL
 * result with one {@code BUSY} error and no data, so {@link ErrorCodeInterceptor} counts
 * it and adds {@code Retry-After}, and {@link GraphQlStatusHandler} answers it 503 to
 * clients that accept {@code application/graphql-response+json}, as for any other busy
 * refusal. How the number of turns fits the workers and the pool: {@link LoadSizing}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class Admission implements WebGraphQlInterceptor {

	private final Semaphore turns;

	private final LoadProperties load;

	Admission(LoadProperties load) {
		this.load = load;
		this.turns = new Semaphore(Math.max(1, load.maxConcurrentRequests()), true);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.defer(() -> {
			if (!enter()) {
				return Mono.just(refusal(request));
			}
			try {
				return chain.next(request).doFinally((signal) -> this.turns.release());
			}
			catch (RuntimeException ex) {
				this.turns.release();
				throw ex;
			}
		});
	}

	/** Takes a turn, waiting up to the admission timeout; false when none came free. */
	boolean enter() {
		try {
			return this.turns.tryAcquire(this.load.admissionTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Gives back a turn taken with {@link #enter()}. */
	void leave() {
		this.turns.release();
	}

	private WebGraphQlResponse refusal(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(ErrorCode.BUSY.classification())
				.message("服务繁忙，请稍后重试。The service is busy: all " + this.load.maxConcurrentRequests()
						+ " requests it runs at once (app.load.max-concurrent-requests) stayed taken for "
						+ this.load.admissionTimeout().toMillis() + " ms; nothing was read or changed. "
						+ "Send the same request again in " + this.load.retryAfterSeconds() + " s.")
				.extensions(Map.of("code", ErrorCode.BUSY.name()))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
