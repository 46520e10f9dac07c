package org.fupin;

import java.util.List;
import java.util.Map;

import org.fupin.security.Role;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of integration tests that write. They share an application context and store of
 * their own, so the exact values that read tests expect of the seed are never disturbed.
 * Writing tests must not depend on each other's effects: each uses subjects of its own.
 * Their default tester is an ADMIN ({@code test-admin}).
 */
@TestPropertySource(properties = "app.test.store=writes")
public abstract class WritingIntegrationTest extends IntegrationTest {

	/**
	 * One line per node and relationship: labels or type, ends, and properties by key;
	 * nodes with one of the labels in {@code $leftOut} are left out, with their
	 * relationships.
	 */
	private static final String LINES = """
			CALL () {
			  MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN $leftOut)
			  RETURN elementId(n) + ':' + reduce(s = '', l IN labels(n) | s + l + ',')
			         + reduce(s = '', p IN COLLECT { UNWIND keys(n) AS k WITH k ORDER BY k
			                     RETURN k + '=' + coalesce(toStringOrNull(n[k]), '[list]') } | s + ';' + p) AS line
			  UNION ALL
			  MATCH (a)-[r]->(b) WHERE NOT any(l IN labels(a) + labels(b) WHERE l IN $leftOut)
			  RETURN elementId(a) + '-' + type(r) + '->' + elementId(b)
			         + reduce(s = '', p IN COLLECT { UNWIND keys(r) AS k WITH k ORDER BY k
			                     RETURN k + '=' + coalesce(toStringOrNull(r[k]), '[list]') } | s + ';' + p) AS line
			}
			RETURN line ORDER BY line""";

	@Autowired
	private Neo4jClient neo4j;

	@BeforeEach
	void writer() {
		this.graphQl = as(Role.ADMIN);
	}

	/**
	 * The whole graph in a few numbers: how many nodes and relationships there are, and a
	 * checksum over every label, type, end and property. Equal snapshots before and after
	 * a failed mutation show that it changed nothing.
	 */
	protected Map<String, Object> graphSnapshot() {
		return graphSnapshot(List.of());
	}

	/**
	 * The same, leaving out the nodes with one of {@code leftOut}'s labels and their
	 * relationships: what a refused request keeps on purpose, such as an import's job and
	 * report.
	 */
	protected Map<String, Object> graphSnapshot(List<String> leftOut) {
		List<String> lines = List
			.copyOf(this.neo4j.query(LINES).bind(leftOut).to("leftOut").fetchAs(String.class).all());
		return Map.of("lines", lines.size(), "checksum", lines.hashCode());
	}

}
