package org.fupin.neo4j;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.fupin.FileDigest;
import org.fupin.StartupTimes;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.UrlResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Applies the migrations when the application starts, as Neo4j-Migrations' Spring Boot
 * starter does, unless the store says that this very set of scripts was applied by this
 * version of the library before: a {@code __MigrationRun} node whose version is the
 * digest of both ({@link #version}), written after every apply that succeeded. Then
 * nothing is pending, and the checksums the library would validate are those of the
 * scripts it validated when it wrote the node, so the library is not asked again. On two
 * cores its check of an unchanged store (a dozen statements, each planned afresh in a
 * cold JVM) is about a fifth of an existing store's start.
 * <p>
 * Every other start runs the library as the starter would: a new or changed script,
 * another version of the library, a store without the node (a new one, or one migrated
 * before the node existed), migrations configured for another database, or Java-based
 * migrations. A chain changed in the database by hand since is not noticed until a script
 * changes; that is the one check given up.
 * <p>
 * The node's label begins with two underscores as the library's own records do
 * ({@code __Neo4jMigration}), so that what leaves the migrations' records out of the
 * graph (the check for an empty store before a bulk load, among others) leaves it out
 * too. It is not part of the declared graph, and has no constraint: two starts at once
 * may each write one, which the check reads the same.
 */
class MigrationsOnStart implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(MigrationsOnStart.class);

	/** What a start did. */
	enum Outcome {

		/** The library checked the store and applied what was pending. */
		APPLIED,

		/** The store recorded these scripts as applied; the library was not asked. */
		APPLIED_BEFORE,

		/** No database answered; logged, as the starter does, and the start goes on. */
		UNREACHABLE

	}

	private final Migrations migrations;

	private final Neo4jClient neo4j;

	private final String version;

	/**
	 * @param version the digest of the scripts and the library ({@link #version}), or
	 * null when the store's record cannot stand for this configuration
	 */
	MigrationsOnStart(Migrations migrations, Neo4jClient neo4j, String version) {
		this.migrations = migrations;
		this.neo4j = neo4j;
		this.version = version;
	}

	@Override
	public void afterPropertiesSet() {
		apply();
	}

	Outcome apply() {
		long started = System.nanoTime();
		if (this.version != null && appliedBefore()) {
			log.info("Migrations {} were applied before, not checked again ({} ms; {})", this.version,
					(System.nanoTime() - started) / 1_000_000, StartupTimes.now());
			return Outcome.APPLIED_BEFORE;
		}
		try {
			this.migrations.apply(true);
		}
		catch (ServiceUnavailableException ex) {
			log.error("Cannot apply Neo4j migrations, driver instance cannot reach any database.", ex);
			return Outcome.UNREACHABLE;
		}
		if (this.version != null) {
			this.neo4j.query("MERGE (m:__MigrationRun {version: $version}) ON CREATE SET m.appliedAt = datetime()")
				.bind(this.version)
				.to("version")
				.run();
		}
		log.info("Migrations checked and applied in {} ms ({})", (System.nanoTime() - started) / 1_000_000,
				StartupTimes.now());
		return Outcome.APPLIED;
	}

	/** Whether the store records this version; false when it cannot be asked. */
	private boolean appliedBefore() {
		try {
			return this.neo4j.query("MATCH (m:__MigrationRun {version: $version}) RETURN count(m) > 0")
				.bind(this.version)
				.to("version")
				.fetchAs(Boolean.class)
				.one()
				.orElse(false);
		}
		catch (DataAccessException ex) {
			// The library's own attempt says what is wrong, as it would without this
			// check.
			return false;
		}
	}

	/**
	 * The digest of the library's version and of every file the migrations' locations
	 * hold (by file name and content), or null when the configuration is one a record in
	 * the default database cannot stand for: another target or schema database,
	 * Java-based migrations, or a location outside the class path.
	 */
	static String version(MigrationsConfig config) {
		if (config.getOptionalDatabase().isPresent() || config.getOptionalSchemaDatabase().isPresent()
				|| config.getPackagesToScan().length > 0) {
			return null;
		}
		List<String> paths = new ArrayList<>();
		for (String location : config.getLocationsToScan()) {
			if (!location.startsWith("classpath:")) {
				return null;
			}
			paths.add(location.substring("classpath:".length()));
		}
		SortedMap<String, UrlResource> files = new TreeMap<>();
		for (URL url : config.getResourceScanner().scan(paths)) {
			UrlResource file = new UrlResource(url);
			files.put(file.getFilename(), file);
		}
		return FileDigest.of(Migrations.getUserAgent(), files);
	}

}
