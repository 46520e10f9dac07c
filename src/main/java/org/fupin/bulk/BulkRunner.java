package org.fupin.bulk;

import org.fupin.dashboard.DashboardRollups;
import org.fupin.graphql.LoadProperties;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Generates and loads the national dataset when {@code app.bulk.scale} is set, once the
 * application (migrations included) is up; never at a normal start.
 */
@Component
@ConditionalOnProperty(prefix = "app.bulk", name = "scale")
class BulkRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BulkRunner.class);

	private final BulkLoader loader;

	private final BulkProperties properties;

	private final ConfigurableApplicationContext context;

	private final ObjectProvider<OfflineImportPreparer> offlineImport;

	private final Driver driver;

	private final DashboardRollups rollups;

	private final ObjectProvider<DatabaseManagementService> embeddedDbms;

	private final LoadProperties load;

	BulkRunner(BulkLoader loader, BulkProperties properties, ConfigurableApplicationContext context,
			ObjectProvider<OfflineImportPreparer> offlineImport, Driver driver, DashboardRollups rollups,
			ObjectProvider<DatabaseManagementService> embeddedDbms, LoadProperties load) {
		this.rollups = rollups;
		this.embeddedDbms = embeddedDbms;
		this.load = load;
		this.loader = loader;
		this.properties = properties;
		this.context = context;
		this.offlineImport = offlineImport;
		this.driver = driver;
	}

	@Override
	public void run(ApplicationArguments args) {
		NationalGenerator generator = new NationalGenerator(this.properties.scale(), this.properties.seed());
		if (this.properties.dryRun()) {
			long started = System.nanoTime();
			NationalGenerator.Counts counts = generator.count();
			long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
			long rows = counts.nodes() + counts.relationships();
			log.info("Generated scale {} in {} ms: {} nodes, {} relationships, {} rows/s; {} {}",
					this.properties.scale(), millis, counts.nodes(), counts.relationships(), rows * 1000 / millis,
					counts.labels(), counts.types());
		}
		else if (this.properties.mode() == BulkLoader.Mode.IMPORT) {
			afterImport();
			// A new import has no rollups yet; a store imported earlier keeps its own.
			// The migrations, run on the imported store as on any new one, gave its
			// pairings their place codes.
			this.rollups.rebuildIfMissing();
		}
		else {
			log.info("Loading the national dataset at scale {} (seed {}, mode {}, {} writers) in {} chunks",
					this.properties.scale(), this.properties.seed(), this.properties.mode(), this.properties.writers(),
					generator.chunks().size());
			this.loader.load(generator, this.properties.mode(), Math.max(1, this.properties.writers()),
					Integer.MAX_VALUE);
			this.rollups.rebuildAfterLoad();
		}
		if (this.properties.exit()) {
			int code = SpringApplication.exit(this.context, () -> 0);
			log.info("Bulk load finished; exiting with {}", code);
		}
		else {
			servingLockTimeout();
		}
	}

	/**
	 * The embedded database started for a load, whose writers wait for each other's long
	 * transactions without a time limit; going on serving, a transaction waits for a lock
	 * no longer than at any other start ({@code app.load.lock-timeout}).
	 */
	private void servingLockTimeout() {
		DatabaseManagementService dbms = this.embeddedDbms.getIfAvailable();
		if (dbms != null) {
			((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)).getDependencyResolver()
				.resolveDependency(Config.class)
				.setDynamic(GraphDatabaseSettings.lock_acquisition_timeout, this.load.lockTimeout(),
						"the bulk load is done");
		}
	}

	/**
	 * The import ran before the database started; the migrations have created the
	 * constraints (populated as they were created) and the indexes (populating in the
	 * background): waits until every index is online, so the store is fully queryable.
	 */
	private void afterImport() {
		OfflineImportPreparer preparer = this.offlineImport.getIfAvailable();
		if (preparer == null || preparer.result() == null) {
			throw new IllegalStateException("app.bulk.mode=IMPORT works only with the embedded Neo4j (no "
					+ "spring.neo4j.uri); load an external server with BULK_CYPHER or INCREMENTAL");
		}
		long waited = System.nanoTime();
		try (Session session = this.driver.session()) {
			session.run("CALL db.awaitIndexes(7200)").consume();
		}
		log.info(
				"Every index online {} s after the import ended (start of the database and the migrations "
						+ "included; waited {} s for index population)",
				preparer.sinceImport().toSeconds(), (System.nanoTime() - waited) / 1_000_000_000);
	}

}
