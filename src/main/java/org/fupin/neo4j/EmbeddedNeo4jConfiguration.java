package org.fupin.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.fupin.StartupTimes;
import org.fupin.graphql.LoadProperties;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a Neo4j Community DBMS inside the application when no external server is
 * configured, so that a fresh machine needs no install. Transactions, migrations and
 * writes go to it through the driver over Bolt, exactly as they would to a real server:
 * the {@link Neo4jConnectionDetails} below replaces Spring Boot's default URI, and
 * because it depends on the DBMS bean the driver starts after the database and closes
 * before it. The reads made through {@link SingleStatementReads} outside a transaction
 * run in the process instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4jCondition.class)
public class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	@Bean(destroyMethod = "shutdown")
	DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties, LoadProperties load,
			Environment environment, ObjectProvider<EmbeddedStorePreparer> preparers) {
		// Neo4j refuses relative or non-normalised home paths (seen under java -jar).
		Path home = Path.of(properties.dataDir()).toAbsolutePath().normalize();
		preparers.orderedStream().forEach((preparer) -> preparer.prepare(home));
		log.info("Starting embedded Neo4j in {} (Bolt on 127.0.0.1:{})", home, properties.boltPort());
		long started = System.nanoTime();
		// A bulk load's parallel writers may wait on each other's long transactions (a
		// load that goes on serving sets the timeout back when it is done: BulkRunner).
		Duration lockTimeout = environment.containsProperty("app.bulk.scale") ? Duration.ZERO : load.lockTimeout();
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
			.setConfig(HttpConnector.enabled, false)
			// Loopback only, and only when no real server is configured.
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			// By default Neo4j reports the machine and the store's size to Neo4j, Inc.;
			// an isolated network has no business trying.
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
			// Otherwise every new store pre-allocates ~500 MB of transaction log.
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			// A transaction waiting for a lock gives up instead of holding its connection
			// and worker thread indefinitely behind a queue of writers.
			.setConfig(GraphDatabaseSettings.lock_acquisition_timeout, lockTimeout)
			// Bolt's two event loop groups each wait for 5 s without new work before they
			// stop, so every shutdown took over 10 s. The application's drivers depend on
			// this bean and so are closed before it: none of its work is in flight on
			// Bolt
			// by then. Transactions still open in the database are waited for as before
			// (db.shutdown_transaction_end_timeout).
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
			.build();
		clearStaleMigrationsLock(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
		log.info("Embedded Neo4j started in {} ms ({})", (System.nanoTime() - started) / 1_000_000, StartupTimes.now());
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

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j) {
		GraphDatabaseAPI system = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		int port = system.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		URI uri = URI.create("bolt://127.0.0.1:" + port);
		log.info("Embedded Neo4j ready at {}", uri);
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return AuthTokens.none();
			}
		};
	}

}
