package org.fupin.neo4j;

import org.neo4j.driver.Driver;
import org.neo4j.driver.MetricsAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.neo4j.ConfigBuilderCustomizer;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.autoconfigure.neo4j.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The driver under load: its pool's metrics in Micrometer
 * ({@code neo4j.driver.connections.*} in {@code /actuator/metrics}) when
 * {@code spring.neo4j.pool.metrics-enabled} is true, and a health check that does not
 * wait for the pool ({@link Neo4jHealth}).
 */
@Configuration(proxyBeanMethods = false)
class Neo4jLoadConfiguration {

	private static final Logger log = LoggerFactory.getLogger(Neo4jLoadConfiguration.class);

	@Bean
	@ConditionalOnProperty(name = "spring.neo4j.pool.metrics-enabled", havingValue = "true")
	ConfigBuilderCustomizer micrometerDriverMetrics() {
		// The driver registers its meters in Micrometer's global registry, to which
		// Spring Boot adds its own.
		return (builder) -> builder.withMetricsAdapter(MetricsAdapter.MICROMETER);
	}

	/**
	 * Warns at start when the web server may run more requests at once than the pool has
	 * connections: the surplus would wait for a connection and could answer {@code BUSY}
	 * although the database is idle.
	 */
	@Bean
	SmartInitializingSingleton poolSizeCheck(Neo4jProperties neo4j, Environment environment) {
		return () -> {
			int workers = environment.getProperty("server.tomcat.threads.max", Integer.class, 200);
			int pool = neo4j.getPool().getMaxConnectionPoolSize();
			if (pool <= workers) {
				log.warn("spring.neo4j.pool.max-connection-pool-size ({}) is not above server.tomcat.threads.max ({}): "
						+ "under load requests will wait for a database connection", pool, workers);
			}
		};
	}

	/** Named as Spring Boot's check, which it replaces. */
	@Bean
	Neo4jHealth neo4jHealthIndicator(Neo4jConnectionDetails connection, Driver driver, Neo4jProperties properties) {
		return new Neo4jHealth(connection, driver, properties);
	}

}
