package org.fupin.neo4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.driver.ConnectionPoolMetrics;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.neo4j.ConfigBuilderCustomizer;
import org.springframework.boot.autoconfigure.neo4j.Neo4jAutoConfiguration;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.autoconfigure.neo4j.Neo4jProperties;
import org.springframework.core.env.Environment;

/**
 * The {@code neo4j} part of {@code /actuator/health}: whether the database answers, asked
 * through a driver of its own with a pool of two connections, connected as the
 * application's driver is. Spring Boot's own check borrows a connection from the
 * application's pool, so when every connection serves a request it waits out the
 * acquisition timeout and reports DOWN although the database is fine; this one reports
 * what the database says, and shows the application's pool beside it ({@code pool}:
 * connections in use, idle and the maximum) so a busy pool is visible without being
 * mistaken for an outage.
 */
class Neo4jHealth extends AbstractHealthIndicator implements DisposableBean {

	private static final String QUERY = """
			CALL dbms.components() YIELD versions, edition
			UNWIND versions AS version
			RETURN version, edition""";

	private final Driver own;

	private final Driver application;

	private final int maxPoolSize;

	Neo4jHealth(Driver own, Driver application, int maxPoolSize) {
		super("Neo4j health check failed");
		this.own = own;
		this.application = application;
		this.maxPoolSize = maxPoolSize;
	}

	/**
	 * The health check's driver: built by Spring Boot's own driver factory from the same
	 * properties and connection details as the application's (URI, authentication,
	 * {@code spring.neo4j.security.*}, the application's customizers), then given a pool
	 * of two connections that waits at most two seconds, and no metrics of its own.
	 */
	static Driver ownDriver(Neo4jProperties properties, Environment environment, Neo4jConnectionDetails connection,
			List<ConfigBuilderCustomizer> customizers) {
		List<ConfigBuilderCustomizer> all = new ArrayList<>(customizers);
		all.add((builder) -> builder.withMaxConnectionPoolSize(2)
			.withConnectionAcquisitionTimeout(2, TimeUnit.SECONDS)
			.withConnectionTimeout(2, TimeUnit.SECONDS)
			.withoutDriverMetrics()
			.withUserAgent("fupin-graph-health"));
		return new Neo4jAutoConfiguration().neo4jDriver(properties, environment, connection, new Customizers(all));
	}

	/** The driver the check asks through. */
	Driver driver() {
		return this.own;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		// An auto-commit query: no managed transaction, so no retries stretch the check.
		try (Session session = this.own.session(SessionConfig.defaultConfig())) {
			var result = session.run(QUERY);
			Record record = result.single();
			ResultSummary summary = result.consume();
			builder.up()
				.withDetail("server", record.get("version").asString() + "@" + summary.server().address())
				.withDetail("edition", record.get("edition").asString())
				.withDetail("database", summary.database().name());
		}
		if (this.application.isMetricsEnabled()) {
			builder.withDetail("pool", pool());
		}
	}

	private Map<String, Object> pool() {
		int inUse = 0;
		int idle = 0;
		for (ConnectionPoolMetrics metrics : this.application.metrics().connectionPoolMetrics()) {
			inUse += metrics.inUse();
			idle += metrics.idle();
		}
		Map<String, Object> pool = new LinkedHashMap<>();
		pool.put("inUse", inUse);
		pool.put("idle", idle);
		pool.put("max", this.maxPoolSize);
		return pool;
	}

	@Override
	public void destroy() {
		this.own.close();
	}

	/** A fixed list of customizers, in the shape Spring Boot's factory takes them. */
	private record Customizers(List<ConfigBuilderCustomizer> list) implements ObjectProvider<ConfigBuilderCustomizer> {

		@Override
		public ConfigBuilderCustomizer getObject(Object... args) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ConfigBuilderCustomizer getIfAvailable() {
			throw new UnsupportedOperationException();
		}

		@Override
		public ConfigBuilderCustomizer getIfUnique() {
			throw new UnsupportedOperationException();
		}

		@Override
		public ConfigBuilderCustomizer getObject() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Stream<ConfigBuilderCustomizer> stream() {
			return this.list.stream();
		}

		@Override
		public Stream<ConfigBuilderCustomizer> orderedStream() {
			return this.list.stream();
		}

	}

}
