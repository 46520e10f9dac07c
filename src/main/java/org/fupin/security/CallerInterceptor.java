package org.fupin.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.party.PersonalData;
import org.fupin.party.PersonalDataAccessLog;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link Caller} of the request into the GraphQL context, and the personal-data
 * grant ({@link PersonalData#GRANT_KEY}) only for callers that hold it. Runs first, on
 * the request's thread, where Spring Security has set the authentication. When the
 * response is complete, the households it showed unmasked are written to the access log
 * in one write; if that write fails, the response fails with it, so no unmasked data
 * leaves unlogged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallerInterceptor implements WebGraphQlInterceptor {

	private final PersonalDataAccessLog accessLog;

	CallerInterceptor(PersonalDataAccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
		Map<Object, Object> context = new HashMap<>();
		context.put(Caller.CONTEXT_KEY, caller);
		if (!caller.seesPersonalData()) {
			request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
			return chain.next(request);
		}
		PersonalData.Disclosures disclosures = new PersonalData.Disclosures();
		context.put(PersonalData.GRANT_KEY, disclosures);
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
		return chain.next(request).map((response) -> {
			List<String> households = disclosures.householdNos();
			if (!households.isEmpty()) {
				// Only then: a request that showed nobody costs no transaction.
				this.accessLog.record(caller.name(), request.getOperationName(), households);
			}
			return response;
		});
	}

}
