package org.fupin.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards of the seed at every level equal counting the raw data, and a few figures
 * read in the seed CSVs.
 */
class DashboardIT extends IntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private DashboardRollups rollups;

	@Autowired
	private RollupRepository rollupsRepository;

	@Autowired
	private Clock clock;

	private RawCounts raw() {
		return new RawCounts(this.neo4j, this.graphQl);
	}

	@Test
	void theCountrysDashboardEqualsRawCountingAndTheSeedFiles() {
		raw().assertDashboardMatches("");
		Map<String, Object> dashboard = dashboard(null);
		// seed/illustrative/assets.csv: 4,688 assets worth 4,670,270,541.99 yuan.
		assertThat(dashboard).containsEntry("placeCode", null)
			.containsEntry("name", "全国")
			.containsEntry("level", null)
			.containsEntry("assetCount", 4688)
			.containsEntry("assetValue", "4670270541.99");
		assertThat(RawCounts.items(dashboard, "assetsByCategory"))
			.extracting((m) -> m.get("key") + " " + m.get("label") + " " + m.get("count"))
			.containsExactly("PUBLIC_WELFARE 公益性资产 2105", "OPERATING 经营性资产 1783", "ASSIGNED 确权到户或其他经营主体 800");
		// seed/illustrative/incomes.csv, per year.
		assertThat(RawCounts.items(dashboard, "incomeByYear"))
			.extracting((m) -> m.get("key") + " " + m.get("label") + " " + m.get("count") + " " + m.get("value"))
			.containsExactly("2022 2022年 1175 53851927.00", "2023 2023年 1376 63647595.00",
					"2024 2024年 1569 71212497.00");
		assertThat(RawCounts.items(dashboard, "auditFindingsByRule")).hasSize(13);
		// Ten provinces in east-west cooperation, Tibet and Xinjiang in counterpart
		// support.
		assertThat(dashboard.get("westernProvincesWithPartner"))
			.isEqualTo(Map.of("numerator", 10, "denominator", 10, "ratio", 1.0));
		assertThat(dashboard.get("counterpartProvincesWithSupport"))
			.isEqualTo(Map.of("numerator", 2, "denominator", 2, "ratio", 1.0));
		assertThat(RawCounts.items(dashboard, "assetsByType")).hasSize(17);
	}

	@Test
	void aProvincesDashboardEqualsRawCounting() {
		raw().assertDashboardMatches("52");
		Map<String, Object> dashboard = dashboard("52");
		// Guizhou: 1,353 assets in assets.csv, 17 of them disposed.
		assertThat(dashboard).containsEntry("name", "贵州省")
			.containsEntry("level", "PROVINCE")
			.containsEntry("assetCount", 1353)
			.containsEntry("assetValue", "1342468995.87");
		assertThat(RawCounts.items(dashboard, "assetsByStatus")).extracting((m) -> m.get("key") + " " + m.get("count"))
			.containsExactly("IN_USE 1291", "IDLE 26", "DAMAGED 19", "DISPOSED 17");
		assertThat(dashboard.get("westernProvincesWithPartner"))
			.isEqualTo(Map.of("numerator", 1, "denominator", 1, "ratio", 1.0));
	}

	@Test
	void prefectureCountyTownshipAndVillageDashboardsEqualRawCounting() {
		for (String place : List.of("4501", "450102", "450102101", "450102101201", "451226", "520325")) {
			raw().assertDashboardMatches(place);
		}
		// 兴宁区: 34 assets; its village 竹坝村: 4, all in use.
		assertThat(dashboard("450102")).containsEntry("assetCount", 34).containsEntry("assetValue", "31150684.06");
		Map<String, Object> village = dashboard("450102101201");
		assertThat(village).containsEntry("level", "VILLAGE")
			.containsEntry("assetCount", 4)
			.containsEntry("assetValue", "3760110.72");
		Map<String, Object> none = new java.util.HashMap<>(Map.of("numerator", 0, "denominator", 0));
		none.put("ratio", null);
		assertThat(village.get("westernProvincesWithPartner")).isEqualTo(none);
	}

	@Test
	void everyRebuiltRollupRowEqualsARecountOfItsPlace() {
		this.rollups.rebuildAll();
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Tally> summable = new TreeMap<>();
		this.rollups.countCounties("", today).forEach((county, tally) -> {
			for (int length : List.of(6, 4, 2, 0)) {
				summable.computeIfAbsent(county.substring(0, length), (k) -> new Tally()).addAll(tally);
			}
		});
		List<String> codes = this.neo4j.query("MATCH (r:DashboardRollup) RETURN r.code ORDER BY r.code")
			.fetchAs(String.class)
			.all()
			.stream()
			.toList();
		assertThat(codes).hasSize(this.rollupsRepository.rollupCodes().size()).contains("", "52", "5201", "520102");
		Map<String, RollupRepository.Row> rows = this.rollupsRepository.rows(codes);
		assertThat(rows.get("").summable().get("assets/all")).isEqualTo(new Tally.Cell(4688, 467027054199L));
		for (String code : codes) {
			Tally pairings = this.rollups.countPairings(code);
			assertThat(rows.get(code).summable().cells()).as("summable of '%s'", code)
				.isEqualTo(summable.getOrDefault(code, new Tally()).cells());
			assertThat(rows.get(code).pairings().cells()).as("pairings of '%s'", code).isEqualTo(pairings.cells());
			assertThat(rows.get(code).computedFor()).isEqualTo(today);
		}
	}

	@Test
	void aDashboardCostsOneTransactionAtEveryLevel() {
		dashboard(null);
		dashboard("450102101201");
		for (String place : new String[] { null, "52", "4501", "450102", "450102101", "450102101201" }) {
			long before = startedTransactions();
			dashboard(place);
			assertThat(startedTransactions() - before).as(String.valueOf(place)).isEqualTo(1);
		}
	}

	@Test
	void aMalformedOrUnknownCodeIsACodedError() {
		this.graphQl.documentName("dashboard").variable("placeCode", "5299").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND")
				.containsEntry("field", "placeCode");
		});
		this.graphQl.documentName("dashboard").variable("placeCode", "52x").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_CODE")
				.containsEntry("field", "placeCode");
		});
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> dashboard(String place) {
		return this.graphQl.documentName("dashboard")
			.variable("placeCode", place)
			.execute()
			.path("dashboard")
			.entity(Map.class)
			.get();
	}

}
