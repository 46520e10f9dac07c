package org.fupin.pairing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.fupin.asset.AssetLoaders;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.Loaders;
import org.fupin.graphql.PageRequest;
import org.fupin.party.Organisation;
import org.fupin.party.PartyLoaders;
import org.fupin.place.Place;
import org.fupin.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

/**
 * Every per-parent pairing field: the pairings of a province, county, village or
 * organisation, and a pairing's parent, children, staff and flows. Each goes through a
 * DataLoader, so a response level costs one query per list shape, whatever the number of
 * parents.
 */
@Component
class PairingWiring implements RuntimeWiringConfigurer {

	static final String BY_ID = "pairingById";

	static final String LISTS = "pairingLists";

	static final String STAFF = "pairingStaff";

	static final String FLOWS = "pairingFlows";

	private static final List<PairingKind> PROVINCE_KINDS = List.of(PairingKind.PROVINCE_PAIR, PairingKind.CITY_PAIR);

	private final GraphQlProperties properties;

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	PairingWiring(BatchLoaderRegistry registry, PairingService pairings, GraphQlProperties properties) {
		this.properties = properties;
		registry.<String, Pairing>forName(BY_ID)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> pairings.findByIds(ids)));
		registry.<PairingListKey, Connection<Pairing>>forName(LISTS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pairings.list(keys)));
		registry.<StaffKey, Connection<PairingStaff>>forName(STAFF)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pairings.staff(keys)));
		registry.<FlowKey, Connection<Map<String, Object>>>forName(FLOWS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pairings.flows(keys)));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Province",
				(type) -> type
					.dataFetcher("eastWestPairs",
							placeList(PairingScope.PROVINCE_OR_CITY, PairingProgram.EAST_WEST, PROVINCE_KINDS))
					.dataFetcher("counterpartSupport",
							placeList(PairingScope.PROVINCE_OR_CITY, PairingProgram.COUNTERPART_SUPPORT, null)));
		wiring.type("County",
				(type) -> type
					.dataFetcher("eastWestPairs", placeList(PairingScope.PARTY_IS, PairingProgram.EAST_WEST, null))
					.dataFetcher("designatedAssistance",
							placeList(PairingScope.RECIPIENT_IS, PairingProgram.DESIGNATED_ASSISTANCE, null))
					.dataFetcher("enterpriseLinks",
							placeList(PairingScope.RECIPIENT_BELOW, PairingProgram.ENTERPRISE_VILLAGE, null))
					.dataFetcher("residentCadres",
							placeList(PairingScope.RECIPIENT_BELOW, PairingProgram.RESIDENT_CADRE, null)));
		wiring.type("Village", (type) -> type
			.dataFetcher("enterpriseLinks",
					placeList(PairingScope.RECIPIENT_IS, PairingProgram.ENTERPRISE_VILLAGE, null))
			.dataFetcher("residentCadres", placeList(PairingScope.RECIPIENT_IS, PairingProgram.RESIDENT_CADRE, null)));
		wiring.type("Pairing", (type) -> type.dataFetcher("parent", this::parent)
			.dataFetcher("children",
					(env) -> list(env, PairingScope.CHILD_OF, ((Pairing) env.getSource()).id(), filter(env)))
			.dataFetcher("helper",
					(env) -> env.getDataLoader(PartyLoaders.PARTY_BY_ID).load(((Pairing) env.getSource()).helperId()))
			.dataFetcher("recipient",
					(env) -> env.getDataLoader(PartyLoaders.PARTY_BY_ID)
						.load(((Pairing) env.getSource()).recipientId()))
			.dataFetcher("staff", (env) -> {
				StaffKey key = new StaffKey(((Pairing) env.getSource()).id(), page(env),
						FieldSelections.of(env).contains("totalCount"));
				return env.<StaffKey, Connection<PairingStaff>>getDataLoader(STAFF).load(key);
			})
			.dataFetcher("projects", flow(PairingFlow.PROJECTS))
			.dataFetcher("funds", flow(PairingFlow.FUNDS))
			.dataFetcher("assets", flow(PairingFlow.ASSETS)));
		wiring.type("PairingProject", (type) -> type.dataFetcher("project",
				(env) -> env.getDataLoader(AssetLoaders.PROJECT_BY_CODE).load(key(env, "code"))));
		wiring.type("PairingFund", (type) -> type.dataFetcher("fund",
				(env) -> env.getDataLoader(AssetLoaders.FUND_SOURCE_BY_CODE).load(key(env, "code"))));
		wiring.type("PairingAsset", (type) -> type.dataFetcher("asset",
				(env) -> env.getDataLoader(AssetLoaders.ASSET_BY_REGISTER_NO).load(key(env, "registerNo"))));
		wiring.type("PairingStaff",
				(type) -> type.dataFetcher("person", (env) -> env.getDataLoader(PartyLoaders.PERSON_BY_ID)
					.load(((PairingStaff) env.getSource()).personId())));
		wiring.type("Organisation",
				(type) -> type
					.dataFetcher("assists",
							(env) -> list(env, PairingScope.HELPER_IS, ((Organisation) env.getSource()).creditCode(),
									filter(env)))
					.dataFetcher("assistedBy", (env) -> list(env, PairingScope.RECIPIENT_IS,
							((Organisation) env.getSource()).creditCode(), filter(env))));
	}

	private static String key(DataFetchingEnvironment env, String name) {
		Map<String, Object> row = env.getSource();
		return (String) row.get(name);
	}

	private CompletableFuture<Pairing> parent(DataFetchingEnvironment env) {
		return Loaders.load(env, BY_ID, ((Pairing) env.getSource()).parentId());
	}

	/** A pairing list of a place, restricted to one program (and kinds). */
	private DataFetcher<CompletableFuture<Connection<Pairing>>> placeList(PairingScope scope, PairingProgram program,
			List<PairingKind> kinds) {
		return (env) -> {
			PairingFilter filter = filter(env).withPrograms(List.of(program));
			if (kinds != null) {
				filter = filter.withKinds(kinds);
			}
			return list(env, scope, ((Place) env.getSource()).code(), filter);
		};
	}

	CompletableFuture<Connection<Pairing>> list(DataFetchingEnvironment env, PairingScope scope, String anchor,
			PairingFilter filter) {
		PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"),
				this.properties.maxPageSize());
		PairingListKey key = new PairingListKey(scope, anchor, filter, page,
				FieldSelections.of(env).contains("totalCount"));
		return env.<PairingListKey, Connection<Pairing>>getDataLoader(LISTS).load(key);
	}

	private DataFetcher<CompletableFuture<Connection<Map<String, Object>>>> flow(PairingFlow flow) {
		return (env) -> {
			PageRequest page = page(env);
			String scope = (flow == PairingFlow.ASSETS) ? Caller.of(env.getGraphQlContext()).readScope("PairingAsset")
					: null;
			FlowKey key = new FlowKey(flow, ((Pairing) env.getSource()).id(), scope, page,
					FieldSelections.of(env).contains("totalCount"));
			return env.<FlowKey, Connection<Map<String, Object>>>getDataLoader(FLOWS).load(key);
		};
	}

	private PageRequest page(DataFetchingEnvironment env) {
		return PageRequest.of(env.getArgument("first"), env.getArgument("after"), this.properties.maxPageSize());
	}

	private PairingFilter filter(DataFetchingEnvironment env) throws BindException {
		Object bound = env.containsArgument("filter")
				? this.binder.bind(env, "filter", ResolvableType.forClass(PairingFilter.class)) : null;
		return PairingFilter.orNone((PairingFilter) bound).validated("filter");
	}

}
