package org.fupin.security;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.fupin.asset.Asset;
import org.fupin.asset.Project;
import org.fupin.asset.Provenance;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.party.Household;
import org.fupin.security.AccessPolicy.Rule;

import org.springframework.stereotype.Component;

/**
 * Applies {@link AccessPolicy} to every field before its data fetcher runs, so a refused
 * field reads nothing: {@code UNAUTHENTICATED} for a caller without a token,
 * {@code FORBIDDEN} for one whose roles or scope do not allow it. The field answers null
 * with the error; siblings the caller may read are answered as usual.
 */
@Component
class AuthorizationInstrumentation implements Instrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		ExecutionStepInfo step = parameters.getExecutionStepInfo();
		String type = step.getObjectType().getName();
		String field = step.getFieldDefinition().getName();
		if (field.startsWith("__")) {
			return fetcher;
		}
		boolean root = type.equals("Query") || type.equals("Mutation") || type.equals("Subscription");
		Rule rule = root ? AccessPolicy.FIELDS.get(type + "." + field) : AccessPolicy.TYPES.get(type);
		if (rule == null && !root) {
			return fetcher;
		}
		String name = type + "." + field;
		return (env) -> fetcher.get(check(rule, name, Caller.of(env.getGraphQlContext()), env));
	}

	private static DataFetchingEnvironment check(Rule rule, String name, Caller caller, DataFetchingEnvironment env) {
		if (rule == null) {
			throw Caller.forbidden(null, name + " has no access policy yet, so nobody may use it.");
		}
		if (!caller.authenticated() && !rule.anonymous()) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, null,
					name + " needs a signed-in caller (" + rule.describe() + "): send a bearer token.");
		}
		if (!rule.allows(caller)) {
			throw Caller.forbidden(null, name + " is for " + rule.describe() + "; " + caller.scopeText() + ".");
		}
		if (!rule.scopedFor(caller)) {
			return env;
		}
		String place = placeOf(env.getSource());
		if (place != null && !caller.covers(place)) {
			throw Caller.forbidden(null,
					name + " of a record at " + place + " is outside your place scope; " + caller.scopeText() + ".");
		}
		return (rule.officerPlaceArgument() != null) ? scoped(env, caller, rule.officerPlaceArgument()) : env;
	}

	/** The place of a record an OFFICER may only read in scope, or null. */
	private static String placeOf(Object source) {
		if (source instanceof Asset asset) {
			return asset.placeCode();
		}
		if (source instanceof Household household) {
			return household.villageCode();
		}
		if (source instanceof Provenance provenance) {
			return provenance.asset().placeCode();
		}
		if (source instanceof Project project) {
			return project.countyCode();
		}
		return null;
	}

	/**
	 * Refuses an out-of-scope place argument; sets an absent one to the officer's place,
	 * so an unfiltered list shows what lies in scope.
	 */
	private static DataFetchingEnvironment scoped(DataFetchingEnvironment env, Caller caller, String path) {
		Map<String, Object> arguments = placeScoped(env.getArguments(), caller, path);
		return (arguments == env.getArguments()) ? env
				: DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).arguments(arguments).build();
	}

	/**
	 * The arguments with the place argument at {@code path} ({@code placeCode} or
	 * {@code filter.placeCode}) checked against an OFFICER's scope: the same map when the
	 * place is given and in scope, a copy with the officer's place when it is absent.
	 * @throws ApiException {@code FORBIDDEN} when it lies outside, or the token has no
	 * place
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> placeScoped(Map<String, Object> given, Caller caller, String path) {
		if (caller.place() == null) {
			throw Caller.forbidden(path, "Your OFFICER token has no place claim, so it reads nothing in place scope.");
		}
		int dot = path.indexOf('.');
		Map<String, Object> arguments = new LinkedHashMap<>(given);
		Map<String, Object> holder = arguments;
		String key = path;
		if (dot > 0) {
			Object input = arguments.get(path.substring(0, dot));
			holder = (input instanceof Map<?, ?> map) ? new LinkedHashMap<>((Map<String, Object>) map)
					: new LinkedHashMap<>();
			arguments.put(path.substring(0, dot), holder);
			key = path.substring(dot + 1);
		}
		Object code = holder.get(key);
		if (code != null) {
			if (!caller.covers(code.toString())) {
				throw Caller.forbidden(path, path + " " + code + " lies outside your place scope " + caller.place()
						+ "; ask for " + caller.place() + " or a place below it.");
			}
			return given;
		}
		holder.put(key, caller.place());
		return arguments;
	}

}
