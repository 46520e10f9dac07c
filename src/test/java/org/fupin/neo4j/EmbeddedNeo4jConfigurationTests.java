package org.fupin.neo4j;

import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedNeo4jConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, EmbeddedNeo4jConfiguration.class);

	@Test
	void anExternalUriSwitchesTheEmbeddedServerOff() {
		this.contexts.withPropertyValues("spring.neo4j.uri=neo4j://db.example:7687").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DatabaseManagementService.class);
			assertThat(context).doesNotHaveBean(Neo4jConnectionDetails.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
	static class Properties {

	}

}
