package org.fupin.neo4j;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fupin.graphql.LoadProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedNeo4jEarlyStartTests {

	@Test
	void theContextTakesOverTheStartBegunBeforeItAndShutsItDown(@TempDir Path home) throws Exception {
		try (ConfigurableApplicationContext context = run("--app.neo4j.embedded.data-dir=" + home)) {
			assertThat(homeOf(context)).isEqualTo(home.toRealPath());
			assertThat(context.getBean(EmbeddedNeo4jConfiguration.START)).isInstanceOf(EmbeddedNeo4jStart.class);
			assertThat(count(context)).isZero();
		}
		assertUnlocked(home);
	}

	@Test
	void aStartWithOtherSettingsThanTheContextsIsShutDownAndTheContextStartsItsOwn(@TempDir Path parent)
			throws Exception {
		// ${random.uuid} resolves anew for the early start and for the context's
		// properties.
		List<Path> homes;
		try (ConfigurableApplicationContext context = run(
				"--app.neo4j.embedded.data-dir=" + parent.resolve("${random.uuid}"))) {
			try (Stream<Path> dirs = Files.list(parent)) {
				homes = dirs.toList();
			}
			assertThat(homes).hasSize(2);
			assertThat(homes).contains(homeOf(context));
			assertThat(count(context)).isZero();
		}
		for (Path home : homes) {
			assertUnlocked(home);
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(Store.class).web(WebApplicationType.NONE)
			.listeners(new EmbeddedNeo4jEarlyStart())
			.run(Stream
				.concat(Stream.of(args), Stream.of("--app.neo4j.embedded.bolt-port=0",
						"--app.neo4j.embedded.page-cache=8MB", "--spring.main.banner-mode=off"))
				.toArray(String[]::new));
	}

	private static Path homeOf(ConfigurableApplicationContext context) throws IOException {
		GraphDatabaseAPI database = (GraphDatabaseAPI) context.getBean(DatabaseManagementService.class)
			.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		return database.databaseLayout().getNeo4jLayout().homeDirectory().toRealPath();
	}

	private static long count(ConfigurableApplicationContext context) {
		return context.getBean(DatabaseManagementService.class)
			.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
			.executeTransactionally("MATCH (n) RETURN count(n) AS n", Map.of(),
					(result) -> (Long) result.next().get("n"));
	}

	/** Throws when a DBMS still holds the store's lock. */
	private static void assertUnlocked(Path home) throws Exception {
		try (Closeable lock = LockChecker.checkDbmsLock(Neo4jLayout.of(home))) {
			assertThat(lock).isNotNull();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ EmbeddedNeo4jProperties.class, LoadProperties.class })
	@Import(EmbeddedNeo4jConfiguration.class)
	static class Store {

	}

}
