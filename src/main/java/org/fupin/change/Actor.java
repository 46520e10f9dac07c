package org.fupin.change;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the acting user of a request into the GraphQL context under {@link #CONTEXT_KEY},
 * for the change history. Until authentication exists it is the {@code X-Actor} header,
 * or {@value #SYSTEM} without one.
 */
@Component
public class Actor implements WebGraphQlInterceptor {

	/** GraphQL context key of the acting user's name. */
	public static final String CONTEXT_KEY = "actor";

	/** The actor of requests that name none. */
	public static final String SYSTEM = "system";

	static final String HEADER = "X-Actor";

	private static final int MAX_LENGTH = 100;

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String header = request.getHeaders().getFirst(HEADER);
		String actor = (header == null || header.isBlank()) ? SYSTEM : header.strip();
		if (actor.length() > MAX_LENGTH) {
			actor = actor.substring(0, MAX_LENGTH);
		}
		String name = actor;
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONTEXT_KEY, name)).build());
		return chain.next(request);
	}

}
