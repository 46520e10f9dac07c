package org.fupin.pairing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.fupin.dashboard.Dashboard;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import graphql.schema.idl.RuntimeWiring;

/**
 * The yearly results fields: a pairing's figures, the totals of a pairing summary and of
 * the dashboard, and the pairings below target of a total. Each goes through a
 * DataLoader, so a response level costs one query per year asked, whatever the number of
 * parents.
 */
@Component
class PairingResultsWiring implements RuntimeWiringConfigurer {

	static final String RESULTS = "pairingResults";

	static final String TOTALS = "pairingResultTotals";

	/** Years figures can be asked for. */
	private static final int FIRST_YEAR = 1990;

	private static final int LAST_YEAR = 2100;

	private final GraphQlProperties properties;

	PairingResultsWiring(BatchLoaderRegistry registry, PairingResultsService results, GraphQlProperties properties) {
		this.properties = properties;
		registry.<PairingResultsService.ResultKey, PairingYearResults>forName(RESULTS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> results.results(keys)));
		registry.<PairingResultsService.TotalsKey, ResultTotals>forName(TOTALS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> results.totals(keys)));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Pairing", (type) -> type.dataFetcher("results", (env) -> {
			Boolean rollup = env.getArgument("rollup");
			return env.<PairingResultsService.ResultKey, PairingYearResults>getDataLoader(RESULTS)
				.load(new PairingResultsService.ResultKey(((Pairing) env.getSource()).id(), year(env),
						Boolean.TRUE.equals(rollup)));
		}));
		wiring.type("PairingSummary", (type) -> type.dataFetcher("results",
				(env) -> totals(env, ((PairingSummary) env.getSource()).placeCode())));
		wiring.type("Dashboard", (type) -> type.dataFetcher("pairingResults", (env) -> {
			String code = ((Dashboard) env.getSource()).placeCode();
			return totals(env, (code != null) ? code : "");
		}));
		wiring.type("PairingResultTotals", (type) -> type.dataFetcher("belowTarget", this::belowTarget));
	}

	private static CompletableFuture<ResultTotals> totals(DataFetchingEnvironment env, String placeCode) {
		return env.<PairingResultsService.TotalsKey, ResultTotals>getDataLoader(TOTALS)
			.load(new PairingResultsService.TotalsKey(placeCode, year(env)));
	}

	/** A page of the pairings below target, by id, through the pairing loader. */
	private CompletableFuture<Connection<Pairing>> belowTarget(DataFetchingEnvironment env) {
		ResultTotals totals = env.getSource();
		PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"),
				this.properties.maxPageSize());
		Map<String, Object> cursor = PairingCursor.PAIRINGS.after(page.after());
		String after = (cursor != null) ? (String) cursor.get("afterId") : null;
		List<String> ids = totals.belowTargetIds()
			.stream()
			.sorted()
			.filter((id) -> after == null || id.compareTo(after) > 0)
			.limit(page.limit())
			.toList();
		DataLoader<String, Pairing> loader = env.getDataLoader(PairingWiring.BY_ID);
		return loader.loadMany(ids)
			.thenApply((pairings) -> PairingCursor.PAIRINGS.connection(pairings, page,
					(long) totals.belowTargetIds().size()));
	}

	private static int year(DataFetchingEnvironment env) {
		Integer year = env.getArgument("year");
		if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
			throw ApiException.invalid("year",
					"year must lie between " + FIRST_YEAR + " and " + LAST_YEAR + ", was " + year + ".");
		}
		return year;
	}

}
