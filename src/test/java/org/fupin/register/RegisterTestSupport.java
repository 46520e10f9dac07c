package org.fupin.register;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.WritingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the register's writing tests share: running a mutation document, asserting a
 * rejection left the database exactly as it was, and reading the graph back with Cypher.
 */
abstract class RegisterTestSupport extends WritingIntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	GraphQlTester.Response mutate(String document, Map<String, Object> input) {
		return this.graphQl.documentName(document).variable("input", input).execute();
	}

	/**
	 * Runs a mutation that must be rejected with one error of {@code code} naming
	 * {@code field}. Tests take a {@link #graphSnapshot()} before their rejections and
	 * compare after them: the database must be exactly as it was (a snapshot reads the
	 * whole graph, so one pair covers a test's rejections).
	 */
	void assertRejected(String document, Map<String, Object> input, String code, String field) {
		mutate(document, input).errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			ResponseError error = errors.get(0);
			assertThat(error.getExtensions()).containsEntry("code", code);
			if (field != null) {
				assertThat(error.getExtensions()).containsEntry("field", field);
			}
			else {
				assertThat(error.getExtensions()).doesNotContainKey("field");
			}
			assertThat(error.getMessage()).isNotBlank();
		});
	}

	List<String> strings(String cypher, Map<String, Object> parameters) {
		return List.copyOf(this.neo4j.query(cypher).bindAll(parameters).fetchAs(String.class).all());
	}

	List<String> strings(String cypher, String registerNo) {
		return strings(cypher, Map.of("registerNo", registerNo));
	}

	Map<String, Object> row(String cypher, Map<String, Object> parameters) {
		return this.neo4j.query(cypher).bindAll(parameters).fetch().one().orElseThrow();
	}

	/** Ownership periods: owner|share|validFrom|validTo|certificateNo, oldest first. */
	List<String> ownership(String registerNo) {
		return strings("""
				MATCH (:Asset {registerNo: $registerNo})-[o:OWNED_BY]->(p)
				WITH coalesce(p.creditCode, p.householdNo, p.code) AS owner, o
				ORDER BY o.validFrom, owner
				RETURN owner + '|' + o.share + '|' + toString(o.validFrom) + '|' + coalesce(toString(o.validTo), '')
				  + '|' + coalesce(o.certificateNo, '')""", registerNo);
	}

	/** The asset's status|statusSince|version. */
	String status(String registerNo) {
		return strings("""
				MATCH (a:Asset {registerNo: $registerNo})
				RETURN a.status + '|' + toString(a.statusSince) + '|' + a.version""", registerNo).get(0);
	}

	/** A map that, unlike {@code Map.of}, may hold nulls and is mutable. */
	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static Map<String, Object> owner(String ownerId, double share, String certificateNo) {
		return map("ownerId", ownerId, "share", share, "certificateNo", certificateNo);
	}

}
