package org.fupin.money;

import java.util.List;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw property types of money and shares in the seeded store, as Cypher reads them.
 */
class StoredTypesIT extends IntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void everyAmountAndShareIsAnInteger() {
		for (String[] amount : FenMigrationIT.AMOUNTS) {
			List<String> types = List.copyOf(this.neo4j
				.query("MATCH %s WHERE %s.%s IS NOT NULL RETURN DISTINCT valueType(%2$s.%3$s)".formatted(amount[0],
						amount[2], amount[3]))
				.fetchAs(String.class)
				.all());
			assertThat(types).as(amount[0] + "." + amount[3]).containsExactly("INTEGER NOT NULL");
		}
		List<String> rollups = List.copyOf(this.neo4j.query("""
				MATCH (r:DashboardRollup)
				UNWIND [r.values, r.pairingValues] AS values
				WITH values WHERE size(values) > 0
				RETURN DISTINCT valueType(values)""").fetchAs(String.class).all());
		assertThat(rollups).containsExactly("LIST<INTEGER NOT NULL> NOT NULL");
	}

}
