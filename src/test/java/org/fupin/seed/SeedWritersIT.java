package org.fupin.seed;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.fupin.WritingIntegrationTest;
import org.fupin.graph.Model;
import org.fupin.graph.NodeType;

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

	/**
	 * The labels a seeded node may carry first: one per id space, and the seed's marker.
	 */
	private static final Set<String> SEEDED = Model.GRAPH.nodes()
		.stream()
		.map(NodeType::idSpace)
		.collect(Collectors.toCollection(() -> new java.util.TreeSet<>(Set.of("SeedRun"))));

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
		List<String> written = dump();
		assertThat(written).hasSizeGreaterThan(120_000);
		// A store that holds the seed is not new: the embedded way declines it.
		assertThat(this.loader.loadIntoNewEmbeddedStore()).isNull();

		database().executeTransactionally(
				"MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
						+ "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
				Map.of("labels", List.copyOf(SEEDED)));
		assertThat(dump()).isEmpty();
		SeedLoader.Result merged = this.loader.loadByCypher().result();

		assertThat(merged).isEqualTo(embedded);
		assertThat(embedded.nodes()).isGreaterThan(40_000);
		assertThat(embedded.relationships()).isGreaterThan(80_000);
		List<String> again = dump();
		assertThat(again).hasSize(written.size());
		assertThat(again).isEqualTo(written);
	}

	private GraphDatabaseService database() {
		return this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	/**
	 * Every seeded node and relationship as one line of text, sorted: labels, then
	 * properties with their Java types; a relationship names its two ends by their lines.
	 */
	private List<String> dump() {
		try (Transaction tx = database().beginTx()) {
			List<String> lines = new ArrayList<>();
			for (String label : SEEDED) {
				tx.findNodes(Label.label(label)).forEachRemaining((node) -> {
					lines.add(node(node));
					for (Relationship r : node.getRelationships(org.neo4j.graphdb.Direction.OUTGOING)) {
						lines.add("(" + node(node) + ")-[" + r.getType().name() + " " + properties(r) + "]->("
								+ node(r.getEndNode()) + ")");
					}
				});
			}
			lines.sort(null);
			return lines;
		}
	}

	private static String node(Node node) {
		List<String> labels = new ArrayList<>();
		node.getLabels().forEach((label) -> labels.add(label.name()));
		labels.sort(null);
		return labels + " " + properties(node);
	}

	private static String properties(Entity entity) {
		Map<String, String> properties = new TreeMap<>();
		entity.getAllProperties().forEach((name, value) -> {
			if (!name.equals("loadedAt")) {
				properties.put(name, value.getClass().getSimpleName() + ":" + text(value));
			}
		});
		return properties.toString();
	}

	private static String text(Object value) {
		if (!value.getClass().isArray()) {
			return String.valueOf(value);
		}
		List<String> elements = new ArrayList<>();
		for (int i = 0; i < Array.getLength(value); i++) {
			elements.add(String.valueOf(Array.get(value, i)));
		}
		return elements.toString();
	}

}
