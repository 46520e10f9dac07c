package org.fupin.seed;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.fupin.WritingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed written into a new embedded store through the Java API is the graph the same
 * seed merged by Cypher makes: every node with its labels and properties (value types
 * included), every relationship with its ends and properties. A store of its own that
 * starts empty (no seed, and no local accounts).
 */
@TestPropertySource(properties = { "app.test.store=seed-writers", "app.seed.enabled=false",
		"app.security.local-accounts.enabled=false" })
class SeedWritersIT extends WritingIntegrationTest {

	@Autowired
	private SeedLoader loader;

	@Autowired
	private DatabaseManagementService dbms;

	@Test
	void theJavaApiAndCypherWriteTheSameGraph() {
		SeedLoader.Written first = this.loader.loadIntoNewEmbeddedStore();
		assertThat(first).isNotNull();
		SeedLoader.Result embedded = first.result();
		assertThat(embedded.skipped()).isFalse();
		List<String> written = SeededGraph.lines(database());
		assertThat(written).hasSizeGreaterThan(120_000);
		// A store that holds the seed is not new: the embedded way declines it.
		assertThat(this.loader.loadIntoNewEmbeddedStore()).isNull();

		SeededGraph.delete(database());
		assertThat(SeededGraph.lines(database())).isEmpty();
		SeedLoader.Result merged = this.loader.loadByCypher().result();

		assertThat(merged).isEqualTo(embedded);
		assertThat(embedded.nodes()).isGreaterThan(40_000);
		assertThat(embedded.relationships()).isGreaterThan(80_000);
		List<String> again = SeededGraph.lines(database());
		assertThat(again).hasSize(written.size());
		assertThat(again).isEqualTo(written);
	}

	private GraphDatabaseService database() {
		return this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

}
