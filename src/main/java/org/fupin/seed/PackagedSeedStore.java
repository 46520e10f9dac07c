package org.fupin.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

import org.fupin.Application;
import org.fupin.FileDigest;
import org.fupin.StartupTimes;
import org.fupin.neo4j.EmbeddedStorePreparer;
import org.fupin.neo4j.StoreArchive;
import org.neo4j.kernel.internal.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * The seeded store that the build made ({@link SeedStoreBuilder}), restored into a new
 * embedded store instead of migrating, seeding and counting the rollups at the first
 * start, which is most of that start's time. It is used only when it is exactly what the
 * start would have made: the same application classes, migrations and seed files (their
 * {@link #fingerprint}), the same Neo4j, the seed's default location and a store seeded
 * in this year (the illustrative history moves to the year it is seeded in). Otherwise,
 * or for a store that has a database already, the start migrates and seeds as without it.
 * The store holds no account: the administrator is created at the first start as always.
 * Its dashboard rollups are those of the build's day; a read on a later day answers with
 * that day and rebuilds them in the background, as on any store.
 */
@Component
@ConditionalOnProperty(prefix = "app.seed", name = { "enabled", "packaged-store" }, matchIfMissing = true)
class PackagedSeedStore implements EmbeddedStorePreparer {

	private static final Logger log = LoggerFactory.getLogger(PackagedSeedStore.class);

	/** Where the build puts the store, among the application's classes. */
	static final String FOLDER = "seed-store/";

	static final String DUMP = "neo4j.dump";

	static final String DESCRIPTION = "seed-store.properties";

	static final String FINGERPRINT = "fingerprint";

	static final String NEO4J = "neo4j";

	static final String SEEDED_ON = "seededOn";

	/** What makes the store, read from the application's own classes only. */
	private static final String[] MADE_FROM = { "org/fupin/**/*.class", "neo4j/migrations/**/*", "seed/**/*",
			"application*.yml" };

	private final SeedProperties properties;

	private final Clock clock;

	private final Environment environment;

	private final ResourcePatternResolver resources;

	private volatile boolean restored;

	PackagedSeedStore(SeedProperties properties, Clock clock, Environment environment, ResourceLoader resources) {
		this.properties = properties;
		this.clock = clock;
		this.environment = environment;
		this.resources = ResourcePatternUtils.getResourcePatternResolver(resources);
	}

	@Override
	public void prepare(Path home) {
		if (this.environment.containsProperty("app.bulk.scale")) {
			return;
		}
		if (StoreArchive.hasDatabase(home)) {
			return;
		}
		long started = System.nanoTime();
		String root = root(this.resources);
		String refusal = refusal(root);
		if (refusal != null) {
			log.info("Not starting from the seeded store of the build: {}; migrating and seeding instead", refusal);
			return;
		}
		Resource dump = this.resources.getResource(root + FOLDER + DUMP);
		try {
			this.restored = StoreArchive.loadIntoNew(home, (file) -> {
				try (InputStream in = dump.getInputStream()) {
					Files.copy(in, file);
				}
			});
		}
		catch (IllegalStateException ex) {
			log.warn("Could not start from the seeded store of the build; migrating and seeding instead", ex);
			return;
		}
		if (this.restored) {
			log.info("Started from the seeded store of the build in {} ms ({})",
					(System.nanoTime() - started) / 1_000_000, StartupTimes.now());
		}
	}

	/** Whether this start began from the build's store. */
	boolean restored() {
		return this.restored;
	}

	/**
	 * Why the build's store is not the one this start would make, or null.
	 * @param root where the application's classes are ({@link #root})
	 */
	String refusal(String root) {
		Resource description = this.resources.getResource(root + FOLDER + DESCRIPTION);
		if (!description.exists()) {
			return "this build has none (a class path without a packaged build)";
		}
		if (!"classpath:seed/".equals(this.properties.location())) {
			return "app.seed.location is " + this.properties.location();
		}
		Properties made = new Properties();
		try (InputStream in = description.getInputStream()) {
			made.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + FOLDER + DESCRIPTION, ex);
		}
		if (!Version.getNeo4jVersion().equals(made.getProperty(NEO4J))) {
			return "it was made by Neo4j " + made.getProperty(NEO4J) + ", this is " + Version.getNeo4jVersion();
		}
		int year = LocalDate.now(this.clock).getYear();
		if (LocalDate.parse(made.getProperty(SEEDED_ON)).getYear() != year) {
			return "it was seeded on " + made.getProperty(SEEDED_ON) + ", and the seed moves to the year " + year;
		}
		if (!fingerprint(this.resources).equals(made.getProperty(FINGERPRINT))) {
			return "the application's classes, migrations or seed files differ from those that made it";
		}
		return null;
	}

	/**
	 * Where the application's own classes and resources are: a folder or a jar's folder,
	 * as a URL ending in a slash.
	 */
	static String root(ResourceLoader resources) {
		String own = "org/fupin/" + Application.class.getSimpleName() + ".class";
		try {
			String url = resources.getResource("classpath:" + own).getURL().toString();
			return url.substring(0, url.length() - own.length());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find the application's classes", ex);
		}
	}

	/**
	 * A digest of every class, migration and seed file of the application itself (not of
	 * its libraries or tests), by name and content.
	 */
	static String fingerprint(ResourcePatternResolver resolver) {
		SortedMap<String, Resource> files = new TreeMap<>();
		try {
			String root = root(resolver);
			for (String pattern : MADE_FROM) {
				for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
					String name = resource.getURL().toString();
					if (name.startsWith(root) && resource.isReadable()) {
						files.put(name.substring(root.length()), resource);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the application's classes", ex);
		}
		return FileDigest.of("", files);
	}

}
