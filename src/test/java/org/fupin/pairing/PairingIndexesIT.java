package org.fupin.pairing;

import java.time.LocalDate;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pairing migrations' indexes exist, and the coverage rules' and a place's pairing
 * lists' seeks use them.
 */
class PairingIndexesIT extends IntegrationTest {

	@Autowired
	private DatabaseManagementService neo4j;

	@Test
	void expiredActivePairingsAreFoundByAnIndexSeek() {
		String plan = this.neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
			.executeTransactionally("EXPLAIN MATCH (p:Pairing {status: 'ACTIVE'}) WHERE p.endDate < $today RETURN p.id",
					Map.of("today", LocalDate.of(2026, 1, 1)),
					(result) -> result.getExecutionPlanDescription().toString());
		assertThat(plan).contains("NodeIndexSeek").contains("RANGE INDEX p:Pairing(status, endDate)");
	}

	@Test
	void provincialPairsAreFoundByProgramAndKind() {
		String plan = this.neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
			.executeTransactionally(
					"EXPLAIN MATCH (p:Pairing) WHERE p.program = 'EAST_WEST' AND p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR'] "
							+ "RETURN p.id",
					Map.of(), (result) -> result.getExecutionPlanDescription().toString());
		assertThat(plan).contains("RANGE INDEX p:Pairing(program, kind)");
	}

	@Test
	void aPlacesPairingsOnEitherSideAreFoundByAnIndexSeek() {
		for (String side : new String[] { "helperPlace", "recipientPlace" }) {
			String plan = this.neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
				.executeTransactionally(
						"EXPLAIN MATCH (p:Pairing) WHERE p.%s STARTS WITH $code RETURN p.id".formatted(side),
						Map.of("code", "52"), (result) -> result.getExecutionPlanDescription().toString());
			assertThat(plan).as(side).contains("NodeIndexSeek").contains("RANGE INDEX p:Pairing(" + side + ")");
		}
	}

}
