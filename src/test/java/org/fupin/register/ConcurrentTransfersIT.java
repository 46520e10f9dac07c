package org.fupin.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many transfers of the same assets at once, over HTTP: the asset's write lock makes them
 * run one after another, each re-reads the history, and a transfer dated before one that
 * committed first is refused with CONFLICT. What remains is one consistent chain of
 * periods per asset.
 */
class ConcurrentTransfersIT extends RegisterTestSupport {

	/**
	 * Operating assets of 兴宁区, each owned by its village collective alone since
	 * 2020-2022.
	 */
	private static final List<String> ASSETS = List.of("ZC-450102101203-0002", "ZC-450102101204-0002",
			"ZC-450102102201-0002", "ZC-450102102202-0003");

	private static final int TRANSFERS = 16;

	private static final LocalDate FIRST_DATE = LocalDate.of(2025, 1, 1);

	/** Owners taking turns: 高堡镇人民政府 and 竹坝村肉牛养殖专业合作社. */
	private static final List<String> OWNERS = List.of("11450102D5EPKCB98P", "N2450102E5UWQ9GANH");

	private record Outcome(String registerNo, LocalDate date, List<ResponseError> errors) {
	}

	@Test
	void parallelTransfersLeaveOneConsistentHistoryPerAsset() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(TRANSFERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Outcome>> futures = new ArrayList<>();
		for (int i = 0; i < TRANSFERS; i++) {
			String registerNo = ASSETS.get(i % ASSETS.size());
			LocalDate date = FIRST_DATE.plusDays(i);
			Map<String, Object> input = map("registerNo", registerNo, "date", date.toString(), "owners",
					List.of(owner(OWNERS.get(i % 2), 100, null)));
			futures.add(pool.submit(() -> {
				start.await();
				GraphQlTester.Response response = mutate("transferOwnership", input);
				List<ResponseError> errors = new ArrayList<>();
				response.errors().satisfy(errors::addAll);
				return new Outcome(registerNo, date, errors);
			}));
		}
		start.countDown();
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Outcome> future : futures) {
			outcomes.add(future.get(120, TimeUnit.SECONDS));
		}
		pool.shutdown();

		Map<String, Integer> succeeded = new HashMap<>();
		Map<String, LocalDate> latest = new HashMap<>();
		for (Outcome outcome : outcomes) {
			if (outcome.errors().isEmpty()) {
				succeeded.merge(outcome.registerNo(), 1, Integer::sum);
				latest.merge(outcome.registerNo(), outcome.date(), (a, b) -> a.isAfter(b) ? a : b);
			}
			else {
				// A loser is told why, never answered with a server error.
				assertThat(outcome.errors()).hasSize(1);
				assertThat(outcome.errors().get(0).getExtensions()).containsEntry("code", "CONFLICT")
					.containsEntry("field", "date");
			}
		}
		// The first transfer of each asset to take the lock always succeeds.
		assertThat(succeeded).containsOnlyKeys(ASSETS);

		for (String registerNo : ASSETS) {
			Map<String, Object> history = row(
					"""
							MATCH (a:Asset {registerNo: $registerNo})-[o:OWNED_BY]->()
							WITH a, o ORDER BY o.validFrom
							WITH a, collect(o) AS periods
							WITH a, periods, [p IN periods WHERE p.validTo IS NULL] AS open
							RETURN size(open) AS open,
							  reduce(s = 0, p IN open | s + p.share) AS openShare,
							  toString(open[0].validFrom) AS openFrom,
							  size([i IN range(0, size(periods) - 2) WHERE periods[i].validTo <> periods[i + 1].validFrom]) AS breaks,
							  size([p IN periods WHERE p.validFrom >= $firstDate]) AS newPeriods,
							  a.version AS version,
							  COUNT { (e:ChangeEvent {operation: 'TRANSFER_OWNERSHIP'})-[:CHANGED]->(a) } AS events""",
					Map.of("registerNo", registerNo, "firstDate", FIRST_DATE));
			int wins = succeeded.get(registerNo);
			// One open period holding 100%, a chain without gaps or overlaps, one new
			// period
			// and one version and one change event per successful transfer, and the open
			// period is the latest successful one.
			assertThat(history).containsEntry("open", 1L)
				.containsEntry("openShare", 10000L)
				.containsEntry("breaks", 0L)
				.containsEntry("newPeriods", (long) wins)
				.containsEntry("version", (long) wins)
				.containsEntry("events", (long) wins)
				.containsEntry("openFrom", latest.get(registerNo).toString());
		}
		assertThat(succeeded.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(strings("""
				MATCH (a:Asset)-[o:OWNED_BY]->() WHERE a.registerNo IN $assets AND o.validFrom >= $firstDate
				RETURN toString(count(o))""", Map.of("assets", ASSETS, "firstDate", FIRST_DATE)).get(0)
			.transform(Integer::parseInt));
	}

}
