package org.fupin.pairing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.fupin.WritingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pairing carries the places of its parties ({@link PairingPlaces}) as the seed and
 * the migration set them.
 */
class PairingPlacesIT extends WritingIntegrationTest {

	/**
	 * How many pairings there are, and how many carry their parties' places: a place's
	 * own code, an organisation's that of the place it is located in.
	 */
	private static final String AGREEMENT = """
			MATCH (p:Pairing)-[:HELPER]->(h), (p)-[:RECIPIENT]->(r)
			OPTIONAL MATCH (h)-[:LOCATED_IN]->(hl:Place)
			OPTIONAL MATCH (r)-[:LOCATED_IN]->(rl:Place)
			WITH p, CASE WHEN h:Place THEN h.code ELSE hl.code END AS helper,
			     CASE WHEN r:Place THEN r.code ELSE rl.code END AS recipient
			RETURN count(p) AS pairings,
			  count(CASE WHEN coalesce(p.helperPlace, '-') = coalesce(helper, '-')
			              AND coalesce(p.recipientPlace, '-') = coalesce(recipient, '-') THEN 1 END) AS agreeing,
			  count(p.helperPlace) AS withHelperPlace""";

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private Driver driver;

	@Test
	void everyPairingCarriesItsPartiesPlacesAndTheMigrationSetsThemOnAStoreWithout() throws IOException {
		Map<String, Object> seeded = agreement();
		assertThat((Long) seeded.get("pairings")).isPositive();
		assertThat(seeded.get("agreeing")).isEqualTo(seeded.get("pairings"));
		assertThat(seeded.get("withHelperPlace")).isEqualTo(seeded.get("pairings"));

		this.neo4j.query("MATCH (p:Pairing) REMOVE p.helperPlace, p.recipientPlace").run();
		assertThat(agreement().get("withHelperPlace")).isEqualTo(0L);
		try (Session session = this.driver.session()) {
			session.run(backfill()).consume();
		}
		assertThat(agreement()).isEqualTo(seeded);
	}

	private Map<String, Object> agreement() {
		return this.neo4j.query(AGREEMENT).fetch().one().orElseThrow();
	}

	/** The migration's statement that sets the places on every pairing. */
	private static String backfill() throws IOException {
		String migration = Files.readString(Path.of("schema", "neo4j", "V0011__pairing_places.cypher"),
				StandardCharsets.UTF_8);
		String statement = migration.substring(migration.indexOf("MATCH (p:Pairing)")).strip();
		return statement.substring(0, statement.length() - 1);
	}

}
