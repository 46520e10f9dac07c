package org.fupin.neo4j;

import java.nio.file.Path;
import java.util.Map;

import org.fupin.graphql.LoadProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
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

	@Test
	void aMigrationsLockLeftByAStartThatDiedIsRemovedAtTheNextStart(@TempDir Path home) {
		ApplicationContextRunner embedded = this.contexts.withPropertyValues("app.neo4j.embedded.data-dir=" + home,
				"app.neo4j.embedded.bolt-port=0", "app.neo4j.embedded.page-cache=8MB");
		embedded.run((context) -> database(context).executeTransactionally(
				"CREATE (:__Neo4jMigrationsLock {id: 'a lock of a start that was killed', name: 'John Doe'})"));
		embedded.run((context) -> {
			assertThat(context).hasNotFailed();
			long locks = database(context).executeTransactionally(
					"MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n", Map.of(),
					(result) -> (Long) result.next().get("n"));
			assertThat(locks).isZero();
		});
	}

	@Test
	void boltStopsWithoutWaitingForAQuietPeriod(@TempDir Path home) {
		this.contexts
			.withPropertyValues("app.neo4j.embedded.data-dir=" + home, "app.neo4j.embedded.bolt-port=0",
					"app.neo4j.embedded.page-cache=8MB")
			.run((context) -> {
				Config config = ((GraphDatabaseAPI) database(context)).getDependencyResolver()
					.resolveDependency(Config.class);
				// Netty's default of 5 s, waited for by each of Bolt's two event loop
				// groups,
				// made every shutdown take over 10 s.
				assertThat(config.get(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period)).isZero();
			});
	}

	private static GraphDatabaseService database(ApplicationContext context) {
		return context.getBean(DatabaseManagementService.class).database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ EmbeddedNeo4jProperties.class, LoadProperties.class })
	static class Properties {

	}

}
