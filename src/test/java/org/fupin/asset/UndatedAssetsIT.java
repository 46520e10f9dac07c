package org.fupin.asset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import org.fupin.WritingIntegrationTest;
import org.fupin.graph.Model;
import org.fupin.seed.RowWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assets without a completion date (the register allows one) sort last going up and first
 * going down, and paging by completion date reaches every asset past them: a cursor that
 * ends on an undated asset continues the list.
 */
class UndatedAssetsIT extends WritingIntegrationTest {

	private static final String VILLAGE = "450102101201";

	@Autowired
	private Neo4jClient neo4j;

	/**
	 * The store is shared with other writing tests, whose dashboards count every asset.
	 */
	@AfterEach
	void removeTheUndatedAssets() {
		this.neo4j.query("MATCH (a:Asset) WHERE a.registerNo STARTS WITH 'ZC-450102101201-90' DETACH DELETE a").run();
	}

	@ParameterizedTest
	@CsvSource({ "COMPLETION_DATE_ASC, 'ZC-450102101201-9001,ZC-450102101201-9002'",
			"COMPLETION_DATE_DESC, 'ZC-450102101201-9002,ZC-450102101201-9001'" })
	void pagingByCompletionDateReachesEveryAssetPastTheUndatedOnes(String order, String undated) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String registerNo : undated.split(",")) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("registerNo", registerNo);
			row.put("name", "未填建成日期的资产");
			row.put("type", "ROAD");
			row.put("category", "PUBLIC_WELFARE");
			row.put("originalValue", 100_000L);
			row.put("status", "IN_USE");
			row.put("placeCode", VILLAGE);
			row.put("illustrative", true);
			row.put("version", 0L);
			rows.add(row);
		}
		new RowWriter(this.neo4j, Model.GRAPH).nodes("test", Model.ASSET, null, rows);

		List<String> whole = page(order, 50, null).path("assets.edges[*].node.registerNo")
			.entityList(String.class)
			.get();
		assertThat(whole).hasSize(6);
		List<String> expectedUndated = List.of(undated.split(","));
		if (order.endsWith("ASC")) {
			assertThat(whole.subList(4, 6)).isEqualTo(expectedUndated);
		}
		else {
			assertThat(whole.subList(0, 2)).isEqualTo(expectedUndated);
		}
		for (int size = 1; size <= 3; size++) {
			List<String> walked = new ArrayList<>();
			String after = null;
			for (int pages = 0; pages < 10; pages++) {
				GraphQlTester.Response response = page(order, size, after);
				walked.addAll(response.path("assets.edges[*].node.registerNo").entityList(String.class).get());
				if (!response.path("assets.pageInfo.hasNextPage").entity(Boolean.class).get()) {
					break;
				}
				after = response.path("assets.pageInfo.endCursor").entity(String.class).get();
			}
			assertThat(walked).as("pages of %d", size).isEqualTo(whole);
		}
	}

	private GraphQlTester.Response page(String order, int first, String after) {
		return this.graphQl.document("""
				query ($order: AssetOrder, $first: Int, $after: String) {
				  assets(filter: {placeCode: "%s"}, orderBy: $order, first: $first, after: $after) {
				    edges { node { registerNo } } pageInfo { endCursor hasNextPage } } }""".formatted(VILLAGE))
			.variable("order", order)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

}
