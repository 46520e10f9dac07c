package org.fupin.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fupin.StartupTimes;
import org.fupin.graphql.LoadProperties;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

/**
 * The embedded DBMS's start, begun on a thread of its own while Spring creates the rest
 * of the context (its Tomcat, security, GraphQL schema and controllers), and awaited by
 * the {@link DatabaseManagementService} bean, on which the driver, the migrations and the
 * seed depend. On two cores the DBMS's start (mostly class loading and its kernel's cold
 * code) and Spring's run side by side instead of one after the other. When an
 * {@link EmbeddedStorePreparer} has to work on the store's files first, the start waits
 * for it on the thread that asks for the DBMS, as before.
 *
 * <p>
 * One instance per application context: it owns the DBMS it starts and shuts it down when
 * the context closes, or when the context fails before anything asked for it.
 */
final class EmbeddedNeo4jStart implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jStart.class);

	private final Settings settings;

	private volatile CompletableFuture<DatabaseManagementService> started;

	private final AtomicBoolean shutDown = new AtomicBoolean();

	EmbeddedNeo4jStart(Settings settings) {
		this.settings = settings;
	}

	/** What this start opens, and how. */
	Settings settings() {
		return this.settings;
	}

	/** Begins the start on a thread of its own; the caller goes on at once. */
	synchronized void beginInBackground() {
		if (this.started != null) {
			return;
		}
		CompletableFuture<DatabaseManagementService> future = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				future.complete(start());
			}
			catch (Throwable ex) {
				future.completeExceptionally(ex);
			}
		}, "embedded-neo4j-start");
		thread.setDaemon(true);
		this.started = future;
		thread.start();
	}

	/**
	 * The started DBMS: waits for a start begun in the background, or runs the preparers
	 * and then starts it on this thread.
	 * @throws IllegalStateException when the DBMS could not start
	 */
	synchronized DatabaseManagementService await(List<EmbeddedStorePreparer> preparers) {
		if (this.started == null) {
			preparers.forEach((preparer) -> preparer.prepare(this.settings.home()));
			CompletableFuture<DatabaseManagementService> future = new CompletableFuture<>();
			this.started = future;
			try {
				future.complete(start());
			}
			catch (RuntimeException ex) {
				future.completeExceptionally(ex);
				throw ex;
			}
		}
		else if (!preparers.isEmpty()) {
			throw new IllegalStateException("The embedded Neo4j started before its store was prepared");
		}
		long waiting = System.nanoTime();
		DatabaseManagementService dbms = join(this.started);
		long waited = (System.nanoTime() - waiting) / 1_000_000;
		if (waited > 0) {
			log.info("Waited {} ms for the embedded Neo4j ({})", waited, StartupTimes.now());
		}
		return dbms;
	}

	private DatabaseManagementService start() {
		Settings settings = this.settings;
		log.info("Starting embedded Neo4j in {} (Bolt on 127.0.0.1:{})", settings.home(), settings.boltPort());
		long began = System.nanoTime();
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(settings.home())
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", settings.boltPort()))
			.setConfig(HttpConnector.enabled, false)
			// Loopback only, and only when no real server is configured.
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCacheBytes())
			// Otherwise every new store pre-allocates ~500 MB of transaction log.
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			// A transaction waiting for a lock gives up instead of holding its connection
			// and worker thread indefinitely behind a queue of writers.
			.setConfig(GraphDatabaseSettings.lock_acquisition_timeout, settings.lockTimeout())
			.build();
		try {
			clearStaleMigrationsLock(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
		}
		catch (RuntimeException ex) {
			dbms.shutdown();
			throw ex;
		}
		log.info("Embedded Neo4j started in {} ms ({})", (System.nanoTime() - began) / 1_000_000, StartupTimes.now());
		return dbms;
	}

	/**
	 * Removes the lock Neo4j-Migrations leaves behind when the process running the
	 * migrations dies before it releases it. Only this process can have the embedded
	 * store open (Neo4j locks its files), and nothing has migrated yet in it, so a lock
	 * found now belongs to a process that is gone; left in place, it would refuse every
	 * later start with "Cannot create __Neo4jMigrationsLock node". An external server is
	 * never touched: there another application may hold the lock rightly.
	 */
	static long clearStaleMigrationsLock(GraphDatabaseService database) {
		long removed = database.executeTransactionally(
				"MATCH (lock:__Neo4jMigrationsLock) DETACH DELETE lock RETURN count(lock) AS removed", Map.of(),
				(result) -> (Long) result.next().get("removed"));
		if (removed > 0) {
			log.warn("Removed {} migrations lock(s) left by an earlier start that did not finish its migrations; "
					+ "the migrations it had not applied run now", removed);
		}
		return removed;
	}

	/** Shuts the DBMS down once its start, if one was begun, has finished. */
	@Override
	public void destroy() {
		CompletableFuture<DatabaseManagementService> future = this.started;
		if (future == null || !this.shutDown.compareAndSet(false, true)) {
			return;
		}
		DatabaseManagementService dbms;
		try {
			dbms = future.get();
		}
		catch (ExecutionException ex) {
			return; // nothing started, nothing to shut down
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		dbms.shutdown();
	}

	/**
	 * What a start opens, and how.
	 *
	 * @param home the DBMS's home, absolute and normalised (Neo4j refuses relative or
	 * non-normalised paths, seen under {@code java -jar})
	 * @param boltPort Bolt port on 127.0.0.1; 0 picks a free one
	 * @param pageCacheBytes page cache size
	 * @param lockTimeout how long a transaction waits for a lock; zero waits forever
	 */
	record Settings(Path home, int boltPort, long pageCacheBytes, Duration lockTimeout) {

		static Settings of(EmbeddedNeo4jProperties properties, LoadProperties load, Environment environment) {
			// A bulk load's parallel writers may wait on each other's long transactions.
			Duration lockTimeout = environment.containsProperty("app.bulk.scale") ? Duration.ZERO : load.lockTimeout();
			return new Settings(Path.of(properties.dataDir()).toAbsolutePath().normalize(), properties.boltPort(),
					properties.pageCache().toBytes(), lockTimeout);
		}

	}

	private static DatabaseManagementService join(CompletableFuture<DatabaseManagementService> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("The embedded Neo4j did not start", ex.getCause());
		}
	}

}
