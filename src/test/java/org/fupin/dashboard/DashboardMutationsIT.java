package org.fupin.dashboard;

import java.util.List;
import java.util.Map;

import org.fupin.WritingIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every kind of mutation the dashboards still equal counting the raw data: the
 * mutation recounted its county, re-summed the levels above, and for pairings recounted
 * the places the pairing touches. Subjects: 兴庆区 (640104), used by no other writing test.
 */
class DashboardMutationsIT extends WritingIntegrationTest {

	private static final String COUNTY = "640104";

	private static final String COLLECTIVE = "N16401049CNR4AWPWA";

	@Autowired
	private Neo4jClient neo4j;

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
