package org.fupin.seed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.fupin.packaging.PackedJar;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new store started from the seeded store the build packed (run after the jar is
 * packed): the jar holds the classes and seed that made it, the planted findings hold on
 * it, the start adds the administrator, and its seeded graph is exactly the one the seed
 * makes when loaded now.
 */
@TestPropertySource(properties = { "app.test.store=packaged-seed-store", "app.today=", "app.seed.packaged-store=true" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedSeedStoreIT extends PlantedFindingsOnSeedingDay {

	@Autowired
	private PackagedSeedStore packaged;

	@Autowired
	private SeedLoader loader;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private DatabaseManagementService dbms;

	@Test
	@Order(1)
	void theStartBeganFromTheBuildsStoreAndAddedTheAdministrator() {
		assertThat(this.packaged.restored()).isTrue();
		assertThat(this.loader.load().skipped()).isTrue();
		assertThat(this.neo4j.query("MATCH (a:Account) RETURN a.name ORDER BY a.name").fetchAs(String.class).all())
			.containsExactly("admin");
		this.graphQl.document("{ dashboard { assetCount assetValue } provinces(first: 1) { totalCount } }")
			.execute()
			.path("dashboard.assetCount")
			.entity(Long.class)
			.isEqualTo(4688L)
			.path("dashboard.assetValue")
			.entity(String.class)
			.isEqualTo("4670270541.99")
			.path("provinces.totalCount")
			.entity(Long.class)
			.isEqualTo(31L);
	}

	@Test
	@Order(1)
	void thePackedJarHoldsTheClassesAndSeedThatMadeTheStore() throws IOException {
		Properties made = new Properties();
		try (InputStream in = new ClassPathResource(PackagedSeedStore.FOLDER + PackagedSeedStore.DESCRIPTION)
			.getInputStream()) {
			made.load(in);
		}
		String fingerprint = made.getProperty(PackagedSeedStore.FINGERPRINT);
		assertThat(PackagedSeedStore.fingerprint(new PathMatchingResourcePatternResolver())).isEqualTo(fingerprint);
		Path jar = PackedJar.path();
		URL classes = new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/");
		try (URLClassLoader packed = new URLClassLoader(new URL[] { classes }, null)) {
			assertThat(PackagedSeedStore.fingerprint(new PathMatchingResourcePatternResolver(packed)))
				.isEqualTo(fingerprint);
		}
	}

	@Test
	@Order(3)
	void itHoldsTheGraphTheSeedMakesNow() {
		GraphDatabaseService database = this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		// What the start and the build add to the seed: the administrator with the
		// event of its creation, and the dashboard rollups.
		List<String> packed = SeededGraph.lines(database)
			.stream()
			.filter((line) -> !line.contains("[Account]") && !line.contains("[ChangeEvent]")
					&& !line.contains("[DashboardRollup]"))
			.toList();
		assertThat(packed).hasSizeGreaterThan(120_000);
		SeededGraph.delete(database);
		assertThat(SeededGraph.lines(database)).isEmpty();
		assertThat(this.loader.loadByCypher().result().skipped()).isFalse();
		List<String> seeded = SeededGraph.lines(database);
		assertThat(onlyIn(packed, seeded)).as("lines only the packed store holds").isEmpty();
		assertThat(onlyIn(seeded, packed)).as("lines only the seed makes").isEmpty();
		assertThat(seeded).isEqualTo(packed);
	}

	private static Set<String> onlyIn(List<String> these, List<String> those) {
		Set<String> only = new TreeSet<>(these);
		only.removeAll(new HashSet<>(those));
		return only;
	}

}
