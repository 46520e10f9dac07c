package org.fupin.neo4j;

import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.MetricsAdapter;
import org.neo4j.driver.NotificationClassification;

import org.springframework.beans.factory.ObjectProvider;
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
 * {@code spring.neo4j.pool.metrics-enabled} is true, no notification for an unknown
 * property key, and a health check that does not wait for the pool ({@link Neo4jHealth}).
 */
@Configuration(proxyBeanMethods = false)
class Neo4jLoadConfiguration {

	@Bean
	@ConditionalOnProperty(name = "spring.neo4j.pool.metrics-enabled", havingValue = "true")
	ConfigBuilderCustomizer micrometerDriverMetrics() {
		// The driver registers its meters in Micrometer's global registry, to which
		// Spring Boot adds its own.
		return (builder) -> builder.withMetricsAdapter(MetricsAdapter.MICROMETER);
	}

	/**
	 * No "unrecognized" notifications (a label, relationship type or property key the
	 * store does not have yet). The reads name optional properties on purpose, such as a
	 * pairing's exception flag; on a store where no pairing has one, Neo4j attached the
	 * notification to every such read and Spring Data Neo4j logged the whole statement at
	 * WARN for each request: 50,000 warnings and 100 MB of log in one benchmark run.
	 * Every other kind of notification (performance, deprecation, ...) is still reported.
	 */
	@Bean
	ConfigBuilderCustomizer noUnrecognizedNotifications() {
		return (builder) -> builder
			.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
	}

	/** Named as Spring Boot's check, which it replaces. */
	@Bean
	Neo4jHealth neo4jHealthIndicator(Neo4jConnectionDetails connection, Driver driver, Neo4jProperties properties,
			Environment environment, ObjectProvider<ConfigBuilderCustomizer> customizers) {
		Driver own = Neo4jHealth.ownDriver(properties, environment, connection, customizers.orderedStream().toList());
		return new Neo4jHealth(own, driver, properties.getPool().getMaxConnectionPoolSize());
	}

}
