package org.fupin.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.security.AccessPolicy.Rule;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applies {@link AccessPolicy#ENDPOINTS} to an HTTP endpoint outside GraphQL, with the
 * same outcomes as a GraphQL field: {@code UNAUTHENTICATED} without a token,
 * {@code FORBIDDEN} for a role or scope that does not allow it, and the arguments scoped
 * to an OFFICER's place or a COORDINATOR's program by the very code that scopes GraphQL
 * arguments.
 */
@Component
public class EndpointAccess {

	/**
	 * A caller allowed to use an endpoint, and the arguments it may use.
	 *
	 * @param arguments the given arguments, scoped (a place or program set where it was
	 * absent)
	 */
	public record Allowed(Caller caller, Map<String, Object> arguments) {
	}

	/**
	 * Checks the request's caller against the endpoint's rule and scopes
	 * {@code arguments} ({@code {filter: {...}}}, as GraphQL would receive them).
	 * @param endpoint method and path pattern, as in {@link AccessPolicy#ENDPOINTS}
	 * @throws ApiException {@code UNAUTHENTICATED} or {@code FORBIDDEN}
	 */
	public Allowed check(String endpoint, Map<String, Object> arguments) {
		Rule rule = AccessPolicy.ENDPOINTS.get(endpoint);
		Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
		FieldAuthorization.allow(rule, endpoint, caller);
		Map<String, Object> scoped = arguments;
		if (rule.scopedFor(caller) && rule.officerPlaceArgument() != null) {
			scoped = FieldAuthorization.placeScoped(scoped, caller, rule.officerPlaceArgument());
		}
		if (rule.programScopedFor(caller)) {
			scoped = programScoped(scoped, caller, rule.coordinatorProgramArgument());
		}
		return new Allowed(caller, scoped);
	}

	/**
	 * Whether the caller may read the record at {@code placeCode} through the endpoint:
	 * always, unless they reach it only as an OFFICER whose place does not cover it.
	 */
	public boolean covers(String endpoint, Caller caller, String placeCode) {
		Rule rule = AccessPolicy.ENDPOINTS.get(endpoint);
		return !rule.scopedFor(caller) || caller.covers(placeCode);
	}

	/**
	 * Refuses programs other than the COORDINATOR's in the list argument at {@code path};
	 * sets an absent list to theirs.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> programScoped(Map<String, Object> given, Caller caller, String path) {
		if (caller.program() == null) {
			throw Caller.forbidden(path,
					"Your COORDINATOR token has no program claim, so it reads no pairings in program scope.");
		}
		int dot = path.indexOf('.');
		Map<String, Object> arguments = new LinkedHashMap<>(given);
		Object input = arguments.get(path.substring(0, dot));
		Map<String, Object> holder = (input instanceof Map<?, ?> map) ? new LinkedHashMap<>((Map<String, Object>) map)
				: new LinkedHashMap<>();
		arguments.put(path.substring(0, dot), holder);
		String key = path.substring(dot + 1);
		Object programs = holder.get(key);
		if (programs instanceof List<?> list && !list.isEmpty()) {
			for (Object program : list) {
				if (!caller.program().equals(String.valueOf(program))) {
					throw Caller.forbidden(path, path + " " + program + " lies outside your program scope "
							+ caller.program() + "; ask for " + caller.program() + ".");
				}
			}
			return given;
		}
		holder.put(key, new ArrayList<>(List.of(caller.program())));
		return arguments;
	}

}
