package org.fupin.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fupin.WritingIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every kind of mutation, and after concurrent transfers in one county, the
 * dashboards still equal counting the raw data: a register mutation added its asset's
 * difference to its county and the levels above, a pairing mutation recounted its
 * counties and the places the pairing touches. Subjects: 兴庆区 (640104), used by no other
 * writing test.
 */
class DashboardMutationsIT extends WritingIntegrationTest {

	private static final String COUNTY = "640104";

	private static final String COLLECTIVE = "N16401049CNR4AWPWA";

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private DashboardRollups rollups;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void everyMutationKeepsTheDashboardsEqualToRawCounting() {
		RawCounts raw = new RawCounts(this.neo4j, this.graphQl);
		long before = count(COUNTY);

		mutate("registerAsset",
				Map.of("registerNo", "ZC-640104101201-9001", "name", "花湾村光伏电站", "type", "PV_STATION", "category",
						"OPERATING", "originalValue", "500000.00", "completionDate", "2025-05-01", "placeCode",
						"640104101201", "owners", List.of(Map.of("ownerId", COLLECTIVE, "share", "100.00"))));
		assertThat(count(COUNTY)).isEqualTo(before + 1);
		assertMatches(raw);

		mutate("transferOwnership",
				Map.of("registerNo", "ZC-640104101201-0002", "date", "2025-06-01", "owners",
						List.of(Map.of("ownerId", "N26401048FHDB4LG40", "share", "60.00"),
								Map.of("ownerId", COLLECTIVE, "share", "40.00"))));
		assertMatches(raw);

		mutate("changeAssetStatus",
				Map.of("registerNo", "ZC-640104101202-0003", "status", "IDLE", "since", "2024-01-01"));
		assertMatches(raw);

		mutate("disposeAsset", Map.of("registerNo", "ZC-640104101203-0003", "mode", "SCRAP", "date", "2026-01-15",
				"approvalRef", "兴庆财〔2026〕3号"));
		assertMatches(raw);

		mutate("recordIncome", Map.of("registerNo", "ZC-640104101201-0002", "year", 2025, "amount", "10000.00", "uses",
				List.of(Map.of("use", "MAINTENANCE", "amount", "10000.00"))));
		assertMatches(raw);

		this.graphQl.documentName("createPairing")
			.variable("input",
					Map.of("program", "ENTERPRISE_VILLAGE", "kind", "INDUSTRY", "helperId", "9164010650B0U39B5R",
							"recipientId", "640104101201", "startDate", "2025-03-01", "investment", "2500000.00"))
			.execute()
			.errors()
			.verify();
		assertMatches(raw);

		this.graphQl.documentName("endPairing")
			.variable("id", "EV-913506008WTBN04WCG-640104101203")
			.variable("endDate", "2026-03-01")
			.execute()
			.errors()
			.verify();
		assertMatches(raw);
		for (String place : List.of("64", "6401", "640104101", "640104101201")) {
			raw.assertDashboardMatches(place);
		}
	}

	@Test
	void concurrentTransfersInOneCountyKeepTheDashboardsEqualToRawCounting() throws Exception {
		RawCounts raw = new RawCounts(this.neo4j, this.graphQl);
		List<String> assets = List.of("ZC-640104102201-0001", "ZC-640104102201-0002", "ZC-640104102202-0003",
				"ZC-640104102203-0004", "ZC-640104102204-0003", "ZC-640104-0001");
		ExecutorService writers = Executors.newFixedThreadPool(assets.size());
		try {
			List<Future<?>> transfers = new ArrayList<>();
			for (String registerNo : assets) {
				transfers.add(writers.submit(() -> mutate("transferOwnership",
						Map.of("registerNo", registerNo, "date", "2025-07-01", "owners",
								List.of(Map.of("ownerId", "N26401048FHDB4LG40", "share", "60.00"),
										Map.of("ownerId", COLLECTIVE, "share", "40.00"))))));
			}
			for (Future<?> transfer : transfers) {
				transfer.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			writers.shutdownNow();
		}
		assertThat(this.neo4j.query("""
				MATCH (a:Asset)-[o:OWNED_BY]->() WHERE a.registerNo IN $assets AND o.validFrom = date('2025-07-01')
				RETURN count(o)""").bind(assets).to("assets").fetchAs(Long.class).one()).contains(12L);
		assertMatches(raw);
		for (String place : List.of("64", "6401")) {
			raw.assertDashboardMatches(place);
		}
	}

	@Test
	void countiesWrittenInEarlierTransactionsAreRecountedConcurrentlyToRawCounting() {
		RawCounts raw = new RawCounts(this.neo4j, this.graphQl);
		String value = "dashboard.assetValue";
		String before = this.graphQl.documentName("dashboard")
			.variable("placeCode", "640106")
			.execute()
			.path(value)
			.entity(String.class)
			.get();
		// Committed without the rollups, as the batches of a ledger commit are.
		this.neo4j.query("""
				MATCH (a:Asset) WHERE a.registerNo IN ['ZC-640106101202-0004', 'ZC-640104101202-0002']
				SET a.originalValue = a.originalValue + 100, a.status = 'IDLE', a.statusSince = date('2024-01-01')""")
			.run();
		this.transactions
			.executeWithoutResult((status) -> this.rollups.refreshCommitted(List.of("640106", "640104"), false));
		assertThat(this.graphQl.documentName("dashboard")
			.variable("placeCode", "640106")
			.execute()
			.path(value)
			.entity(String.class)
			.get()).isEqualTo(new BigDecimal(before).add(BigDecimal.ONE).toPlainString());
		for (String place : List.of("640106", COUNTY, "6401", "64", "")) {
			raw.assertDashboardMatches(place);
		}
	}

	/**
	 * On a store whose rollups were never built, a mutation writes rows that hold only
	 * its own change; the dashboards count live until a rebuild has counted everything.
	 */
	@Test
	void aStoreNeverRebuiltIsCountedLiveWhateverRowsAMutationWrote() {
		RawCounts raw = new RawCounts(this.neo4j, this.graphQl);
		try {
			this.neo4j.query("MATCH (r:DashboardRollup) DETACH DELETE r").run();
			mutate("registerAsset",
					Map.of("registerNo", "ZC-640104101201-9101", "name", "花湾村光伏电站二期", "type", "PV_STATION", "category",
							"OPERATING", "originalValue", "300000.00", "completionDate", "2025-07-01", "placeCode",
							"640104101201", "owners", List.of(Map.of("ownerId", COLLECTIVE, "share", "100.00"))));
			assertThat(
					this.neo4j.query("MATCH (r:DashboardRollup {code: ''}) RETURN count(r)").fetchAs(Long.class).one())
				.contains(1L);
			raw.assertDashboardMatches("");
			raw.assertDashboardMatches("64");
		}
		finally {
			this.rollups.rebuildAll();
		}
		raw.assertDashboardMatches("");
	}

	private void assertMatches(RawCounts raw) {
		raw.assertDashboardMatches(COUNTY);
		raw.assertDashboardMatches("");
	}

	private void mutate(String document, Map<String, Object> input) {
		this.graphQl.documentName(document).variable("input", input).execute().errors().verify();
	}

	private long count(String place) {
		return this.graphQl.documentName("dashboard")
			.variable("placeCode", place)
			.execute()
			.path("dashboard.assetCount")
			.entity(Long.class)
			.get();
	}

}
