package org.fupin.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.WritingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workload's mutation on the seed: transfers made by {@link Transfers}, through
 * GraphQL and through the Cypher floor in turn on one asset, all succeed and leave one
 * gapless history with a single open period.
 */
class TransferWorkloadIT extends WritingIntegrationTest {

	@Autowired
	private Driver driver;

	@Test
	void transfersOfOneAssetAlternatingGraphQlAndTheFloorAllSucceed() {
		Workload.Operation op = WorkloadIT.WORKLOAD.operation("transferOwnership");
		List<Map<String, Object>> rows = WorkloadIT.sample(this.driver, op.sample());
		assertThat(rows).isNotEmpty();
		Map<String, Object> subject = rows.get(0);
		String registerNo = (String) subject.get("registerNo");
		Transfers transfers = new Transfers(List.of(subject), WorkloadIT.TODAY);
		transfers.deal(1);
		LocalDate expected = ((LocalDate) subject.get("lastChanged")).plusDays(1);
		String lastOwner = null;
		for (int i = 0; i < 4; i++) {
			Map<String, Object> parameters = transfers.next(0);
			assertThat(parameters).containsEntry("registerNo", registerNo).containsEntry("date", expected);
			assertThat(parameters.get("ownerId")).isNotEqualTo(lastOwner);
			lastOwner = (String) parameters.get("ownerId");
			if (i % 2 == 0) {
				Map<String, Object> variables = new LinkedHashMap<>(GraphQlClient.variables(parameters));
				variables.keySet().retainAll(Benchmark.declaredVariables(op.graphql()));
				this.graphQl.document(op.graphql())
					.variables(variables)
					.execute()
					.path("transferOwnership.asset.owners[*].ownerId")
					.entityList(String.class)
					.containsExactly(lastOwner);
			}
			else {
				assertThat(WorkloadIT.floor(this.driver, op, parameters, true)).hasSize(1);
			}
			expected = expected.plusDays(1);
		}
		try (Session session = this.driver.session()) {
			Record history = session
				.run("""
						MATCH (a:Asset {registerNo: $registerNo})-[o:OWNED_BY]->(p)
						WITH o, p ORDER BY o.validFrom
						RETURN [x IN collect(o) WHERE x.validTo IS NULL | x.share] AS open,
						  [x IN collect(o) WHERE x.validFrom >= $from | x.validFrom] AS newStarts,
						  [x IN collect(o) WHERE x.validFrom >= $from | x.validTo] AS newEnds""",
						Map.of("registerNo", registerNo, "from", ((LocalDate) subject.get("lastChanged")).plusDays(1)))
				.single();
			LocalDate first = ((LocalDate) subject.get("lastChanged")).plusDays(1);
			assertThat(history.get("open").asList()).containsExactly(10000L);
			assertThat(history.get("newStarts").asList()).containsExactly(first, first.plusDays(1), first.plusDays(2),
					first.plusDays(3));
			assertThat(history.get("newEnds").asList()).containsExactly(first.plusDays(1), first.plusDays(2),
					first.plusDays(3), null);
		}
	}

}
