package org.fupin.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.fupin.asset.Asset;
import org.fupin.asset.Project;
import org.fupin.asset.Provenance;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.party.Household;
import org.fupin.security.AccessPolicy.Rule;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@link AccessPolicy} to every field before its data fetcher runs, so a refused
 * field reads nothing: {@code UNAUTHENTICATED} for a caller without a token,
 * {@code FORBIDDEN} for one whose roles or scope do not allow it. The field answers null
 * with the error; siblings the caller may read are answered as usual.
 * <p>
 * The policy is wired into the schema once, when it is built: every field of
 * {@code Query}, {@code Mutation} and {@code Subscription}, and every field of the types
 * in {@link AccessPolicy#TYPES}, gets a data fetcher that checks the caller and then
 * calls the field's own. The other fields keep theirs and cost nothing per request (an
 * instrumentation would look the rule up for every field of every request). A check
 * around a property read stays a {@link TrivialDataFetcher}, so Spring for GraphQL does
 * not wrap it in a context-propagating decorator either.
 */
@Configuration(proxyBeanMethods = false)
class FieldAuthorization {

	@Bean
	GraphQlSourceBuilderCustomizer accessChecksInTheSchema() {
		return (builder) -> builder.typeVisitors(List.of(new Wiring()));
	}

	/**
	 * The field's data fetcher with the policy's check in front, or null when it has
	 * none.
	 */
	private static DataFetcher<?> checked(String type, String field, DataFetcher<?> fetcher) {
		if (field.startsWith("__")) {
			return null;
		}
		boolean root = type.equals("Query") || type.equals("Mutation") || type.equals("Subscription");
		Rule rule = root ? AccessPolicy.FIELDS.get(type + "." + field) : AccessPolicy.TYPES.get(type);
		if (rule == null && !root) {
			return null;
		}
		String name = type + "." + field;
		return (fetcher instanceof TrivialDataFetcher<?>) ? new TrivialChecked(rule, name, fetcher)
				: new Checked(rule, name, fetcher);
	}

	/** A field's own data fetcher behind the policy's check. */
	static class Checked implements DataFetcher<Object> {

		private final Rule rule;

		private final String name;

		private final DataFetcher<?> fetcher;

		Checked(Rule rule, String name, DataFetcher<?> fetcher) {
			this.rule = rule;
			this.name = name;
			this.fetcher = fetcher;
		}

		@Override
		public Object get(DataFetchingEnvironment env) throws Exception {
			return this.fetcher.get(check(this.rule, this.name, Caller.of(env.getGraphQlContext()), env));
		}

	}

	/**
	 * The check in front of a property read, marked trivial as the read was, so no
	 * instrumentation or context propagation is added around it.
	 */
	static final class TrivialChecked extends Checked implements TrivialDataFetcher<Object> {

		TrivialChecked(Rule rule, String name, DataFetcher<?> fetcher) {
			super(rule, name, fetcher);
		}

	}

	/** Puts the checks into the schema's code registry. */
	private static final class Wiring extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (context.getParentNode() instanceof GraphQLObjectType type) {
				GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
				FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
				DataFetcher<?> checked = checked(type.getName(), field.getName(),
						registry.getDataFetcher(coordinates, field));
				if (checked != null) {
					registry.dataFetcher(coordinates, checked);
				}
			}
			return TraversalControl.CONTINUE;
		}

	}

	private static DataFetchingEnvironment check(Rule rule, String name, Caller caller, DataFetchingEnvironment env) {
		allow(rule, name, caller);
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

	/**
	 * Refuses a caller the rule does not let use {@code name} (a field or an endpoint),
	 * before its place scope is looked at.
	 * @throws ApiException {@code UNAUTHENTICATED} or {@code FORBIDDEN};
	 * {@code FORBIDDEN} for everyone when {@code name} has no rule
	 */
	static void allow(Rule rule, String name, Caller caller) {
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
		if (source instanceof Map<?, ?> row && row.get("placeCode") instanceof String place) {
			// A lean row of an asset, as a pairing lists them.
			return place;
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
