package org.fupin.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.fupin.asset.AssetTypeCategories;
import org.fupin.audit.AuditRulesCypher;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read operation of the benchmark workload, once on the seed: its sample finds
 * parameters, its GraphQL document runs without errors (so the workload cannot rot when
 * the schema changes), and its Cypher floor counts what the GraphQL answer counts (so the
 * floor is the same work).
 */
class WorkloadIT extends IntegrationTest {

	/** {@code app.today} of the tests. */
	static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

	static final Workload WORKLOAD = Workload.load(Workload.DEFAULT);

	@Autowired
	private Driver driver;

	@Test
	void assetByRegisterNoAnswersWhatItsFloorFinds() {
		Map<String, Object> row = firstRow("assetByRegisterNo");
		GraphQlTester.Response response = run("assetByRegisterNo", row);
		Record floor = floor("assetByRegisterNo", row).get(0);
		response.path("asset.registerNo").entity(String.class).isEqualTo((String) row.get("registerNo"));
		response.path("asset.placePath[*].code")
			.entityList(String.class)
			.isEqualTo(floor.get("placePath").asList((v) -> v.get("code").asString()));
		assertThat(response.path("asset.owners[*].ownerId").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(floor.get("owners").asList((v) -> v.get("ownerId").asString()));
	}

	@Test
	void ownersAsOfAnswersWhatItsFloorFinds() {
		Map<String, Object> row = firstRow("ownersAsOf");
		List<String> owners = floor("ownersAsOf", row).stream().map((r) -> r.get("ownerId").asString()).toList();
		assertThat(owners).isNotEmpty();
		assertThat(run("ownersAsOf", row).path("asset.owners[*].ownerId").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(owners);
	}

	@Test
	void listsCountWhatTheirFloorsCount() {
		for (String name : List.of("countyAssetsByCategory", "countyAuditFindings", "westernProvincePairings")) {
			// The first parameters for which the list is not empty.
			List<Record> floor = List.of();
			Map<String, Object> row = null;
			for (Map<String, Object> candidate : sample(this.driver, WORKLOAD.operation(name).sample())) {
				floor = floor(name, candidate);
				row = candidate;
				if (!floor.isEmpty()) {
					break;
				}
			}
			long total = floor.isEmpty() ? 0 : floor.get(0).get("totalCount").asLong();
			String list = switch (name) {
				case "countyAssetsByCategory" -> "assets";
				case "countyAuditFindings" -> "auditFindings";
				default -> "pairings";
			};
			assertThat(total).as(name).isPositive();
			run(name, row).path(list + ".totalCount").entity(Long.class).isEqualTo(total);
			assertThat(floor).as(name).hasSize((int) Math.min(total, 21));
		}
	}

	@Test
	void provenanceHasTheHistoryItsFloorHas() {
		Map<String, Object> row = firstRow("provenance");
		Record floor = floor("provenance", row).get(0);
		run("provenance", row).path("provenance.ownershipHistory")
			.entityList(Map.class)
			.hasSize(floor.get("ownership").size());
	}

	@Test
	void connectionsFindAsManyPathsAsTheirFloor() {
		Map<String, Object> row = firstRow("connections");
		List<Record> floor = floor("connections", row);
		assertThat(floor).isNotEmpty();
		run("connections", row).path("connections").entityList(Map.class).hasSize(floor.size());
	}

	@Test
	void assistanceNetworkRunsAndSoDoesItsFloor() {
		Map<String, Object> row = firstRow("assistanceNetwork");
		assertThat(floor("assistanceNetwork", row)).isNotEmpty();
		run("assistanceNetwork", row).path("assistanceNetwork.rootId")
			.entity(String.class)
			.isEqualTo((String) row.get("rootId"));
		run("assistanceNetwork", row).path("assistanceNetwork.edges").entityList(Map.class).hasSizeGreaterThan(0);
	}

	@Test
	void dashboardsReadTheRollupTheirFloorReads() {
		Record national = floor("nationalDashboard", firstRow("nationalDashboard")).get(0);
		assertThat(national.get("rollup").get("code").asString()).isEmpty();
		run("nationalDashboard", Map.of()).path("dashboard.name").entity(String.class).isEqualTo("全国");
		Map<String, Object> province = firstRow("provinceDashboard");
		Record floor = floor("provinceDashboard", province).get(0);
		assertThat(floor.get("level").asString()).isEqualTo("Province");
		GraphQlTester.Response response = run("provinceDashboard", province);
		response.path("dashboard.placeCode").entity(String.class).isEqualTo((String) province.get("placeCode"));
		response.path("dashboard.name").entity(String.class).isEqualTo(floor.get("name").asString());
	}

	@Test
	void everyReadOperationIsCoveredAbove() {
		assertThat(WORKLOAD.operations().stream().filter((op) -> !op.writes()).map(Workload.Operation::name))
			.containsExactlyInAnyOrder("assetByRegisterNo", "ownersAsOf", "countyAssetsByCategory",
					"countyAuditFindings", "provenance", "westernProvincePairings", "assistanceNetwork", "connections",
					"nationalDashboard", "provinceDashboard");
	}

	private Map<String, Object> firstRow(String operation) {
		List<Map<String, Object>> rows = sample(this.driver, WORKLOAD.operation(operation).sample());
		assertThat(rows).as("sample of " + operation).isNotEmpty();
		return rows.get(0);
	}

	private GraphQlTester.Response run(String operation, Map<String, Object> row) {
		Workload.Operation op = WORKLOAD.operation(operation);
		Map<String, Object> variables = new LinkedHashMap<>(GraphQlClient.variables(row));
		variables.keySet().retainAll(Benchmark.declaredVariables(op.graphql()));
		GraphQlTester.Response response = this.graphQl.document(op.graphql()).variables(variables).execute();
		response.errors().verify();
		return response;
	}

	private List<Record> floor(String operation, Map<String, Object> row) {
		return floor(this.driver, WORKLOAD.operation(operation), row, false);
	}

	static List<Record> floor(Driver driver, Workload.Operation op, Map<String, Object> row, boolean write) {
		Map<String, Object> parameters = new HashMap<>(row);
		parameters.put("today", TODAY);
		parameters.put("idleBefore", AuditRulesCypher.idleBefore(TODAY));
		parameters.put("categories", AssetTypeCategories.ALLOWED);
		String cypher = Benchmark.cypherOf(op);
		try (Session session = driver.session()) {
			return write ? session.executeWrite((tx) -> tx.run(cypher, parameters).list())
					: session.executeRead((tx) -> tx.run(cypher, parameters).list());
		}
	}

	static List<Map<String, Object>> sample(Driver driver, String name) {
		return new CypherClient(driver).rows(WORKLOAD.samples().get(name), Map.of());
	}

}
