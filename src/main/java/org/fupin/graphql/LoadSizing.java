package org.fupin.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.neo4j.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The web server's workers, the admission turns, the write slots and the driver's pool,
 * sized together. With the defaults: <pre>
 * W  app.load.max-concurrent-writes                  16   mutations at once, within R
 * R  app.load.max-concurrent-requests                48   requests executing at once, each holding
 *                                                         at most one database connection
 * P  spring.neo4j.pool.max-connection-pool-size      64   = R + 16: the requests' connections, plus
 *                                                         room for the dashboard rebuild in the
 *                                                         background (2) and start-up work; the
 *                                                         health check has a driver of its own
 * T  server.tomcat.threads.max                     1024   workers: R executing, T - R waiting in
 *                                                         line for a turn, up to
 * A  app.load.admission-timeout                      3s   each
 * C  server.tomcat.max-connections                 8192   open connections (Tomcat's default), >= T
 * </pre> So a request never waits for a database connection (R &lt; P), and up to T
 * concurrent clients are each on a worker at once: answered within A plus
 * {@code app.graphql.request-timeout} (a mutation: A plus
 * {@code app.load.write-queue-timeout} plus {@code app.load.write-timeout}), or refused
 * {@code BUSY} after A. A worker waiting for a turn is parked on a semaphore and costs
 * only its stack; it is the executing requests that cost CPU and connections, and R
 * bounds them. Beyond T clients, requests queue in Tomcat's executor until a worker frees
 * up, which happens at least every A. Raise T with the number of clients, R and P
 * together with the database's capacity. A warning at start names any of these relations
 * that does not hold.
 */
@Configuration(proxyBeanMethods = false)
class LoadSizing {

	private static final Logger log = LoggerFactory.getLogger(LoadSizing.class);

	/** Connections the pool keeps beyond R for work outside requests. */
	static final int POOL_HEADROOM = 2;

	@Bean
	SmartInitializingSingleton loadSizingCheck(LoadProperties load, Neo4jProperties neo4j, Environment environment) {
		return () -> {
			int requests = load.maxConcurrentRequests();
			int writes = load.maxConcurrentWrites();
			int pool = neo4j.getPool().getMaxConnectionPoolSize();
			int workers = environment.getProperty("server.tomcat.threads.max", Integer.class, 200);
			int connections = environment.getProperty("server.tomcat.max-connections", Integer.class, 8192);
			log.info("Under load: {} requests at once ({} of them mutations), {} workers, {} pooled connections",
					requests, Math.min(writes, requests), workers, pool);
			if (writes > requests) {
				log.warn("app.load.max-concurrent-writes ({}) is above app.load.max-concurrent-requests ({}): "
						+ "at most {} mutations will run at once", writes, requests, requests);
			}
			if (pool < requests + POOL_HEADROOM) {
				log.warn("spring.neo4j.pool.max-connection-pool-size ({}) is below app.load.max-concurrent-requests "
						+ "({}) + {}: under load requests will wait for a database connection and may answer BUSY "
						+ "although the database is idle", pool, requests, POOL_HEADROOM);
			}
			if (workers <= requests) {
				log.warn(
						"server.tomcat.threads.max ({}) is not above app.load.max-concurrent-requests ({}): "
								+ "requests beyond the workers wait in Tomcat's queue without a bound",
						workers, requests);
			}
			if (connections < workers) {
				log.warn("server.tomcat.max-connections ({}) is below server.tomcat.threads.max ({}): "
						+ "some workers can never be used", connections, workers);
			}
		};
	}

}
