package org.fupin.neo4j;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/** How the embedded Neo4j is configured, read back from the running database. */
class EmbeddedNeo4jIT extends IntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void sendsNoUsageDataToNeo4j() {
		assertThat(setting("dbms.usage_report.enabled")).isEqualTo("false");
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThat(setting("server.bolt.listen_address")).startsWith("127.0.0.1:");
		assertThat(setting("server.http.enabled")).isEqualTo("false");
	}

	private String setting(String name) {
		return this.neo4j.query("SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value")
			.bind(name)
			.to("name")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
	}

}
