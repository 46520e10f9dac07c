package org.fupin.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.kernel.internal.Version;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's seeded store is refused, and nothing is written, whenever it is not what
 * this start would make.
 */
class PackagedSeedStoreTests {

	private static final String FINGERPRINT = PackagedSeedStore.fingerprint(new PathMatchingResourcePatternResolver());

	@TempDir
	private Path home;

	@Test
	void theFingerprintCoversTheApplicationsOwnClassesMigrationsAndSeed() {
		assertThat(FINGERPRINT).matches("[0-9]+-[0-9a-f]{32}");
		// Hundreds of classes, the migrations and the seed's files; not the tests'.
		assertThat(Integer.parseInt(FINGERPRINT.substring(0, FINGERPRINT.indexOf('-')))).isBetween(400, 2000);
		assertThat(PackagedSeedStore.fingerprint(new PathMatchingResourcePatternResolver())).isEqualTo(FINGERPRINT);
	}

	@Test
	void aStoreMadeFromOtherClassesIsRefused() throws IOException {
		assertThat(refusal(description(anotherFingerprint(), Version.getNeo4jVersion(), "2026-12-02"),
				"classpath:seed/", "2026-03-31"))
			.isEqualTo("the application's classes, migrations or seed files differ from those that made it");
	}

	@Test
	void aStoreSeededInAnotherYearIsRefused() throws IOException {
		assertThat(refusal(description(FINGERPRINT, Version.getNeo4jVersion(), "2025-12-31"), "classpath:seed/",
				"2026-01-01"))
			.isEqualTo("it was seeded on 2025-12-31, and the seed moves to the year 2026");
	}

	@Test
	void aStoreOfAnotherNeo4jIsRefused() throws IOException {
		assertThat(refusal(description(FINGERPRINT, "5.1.0", "2026-12-02"), "classpath:seed/", "2026-03-31"))
			.isEqualTo("it was made by Neo4j 5.1.0, this is " + Version.getNeo4jVersion());
	}

	@Test
	void aSeedOfItsOwnIsNeverReplacedByTheBuilds() throws IOException {
		assertThat(refusal(description(FINGERPRINT, Version.getNeo4jVersion(), "2026-12-02"), "file:/srv/seed/",
				"2026-03-31"))
			.isEqualTo("app.seed.location is file:/srv/seed/");
	}

	@Test
	void whatTheBuildMadeIsTakenOnAnyDayOfItsYear() throws IOException {
		assertThat(refusal(description(FINGERPRINT, Version.getNeo4jVersion(), "2026-12-02"), "classpath:seed/",
				"2026-03-31"))
			.isNull();
	}

	/** Why the store the build described would be refused; a refused one adds nothing. */
	private String refusal(String description, String location, String today) throws IOException {
		DefaultResourceLoader resources = new DefaultResourceLoader() {
			@Override
			public Resource getResource(String location) {
				if (location.endsWith("/" + PackagedSeedStore.FOLDER + PackagedSeedStore.DESCRIPTION)) {
					return new ByteArrayResource(description.getBytes(StandardCharsets.ISO_8859_1));
				}
				return super.getResource(location);
			}
		};
		Clock clock = Clock.fixed(LocalDate.parse(today).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		PackagedSeedStore store = new PackagedSeedStore(new SeedProperties(true, location, true), clock,
				new StandardEnvironment(), resources);
		String refusal = store.refusal(PackagedSeedStore.root(resources));
		if (refusal != null) {
			List<Path> before = files();
			store.prepare(this.home);
			assertThat(store.restored()).isFalse();
			assertThat(files()).isSubsetOf(before);
		}
		return refusal;
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.walk(this.home)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	/** This build's fingerprint with its last digit changed: always a different one. */
	private static String anotherFingerprint() {
		char last = FINGERPRINT.charAt(FINGERPRINT.length() - 1);
		return FINGERPRINT.substring(0, FINGERPRINT.length() - 1) + ((last == '0') ? '1' : '0');
	}

	private static String description(String fingerprint, String neo4j, String seededOn) {
		return PackagedSeedStore.FINGERPRINT + "=" + fingerprint + "\n" + PackagedSeedStore.NEO4J + "=" + neo4j + "\n"
				+ PackagedSeedStore.SEEDED_ON + "=" + seededOn + "\n";
	}

}
