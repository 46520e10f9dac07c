package org.fupin.neo4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.Config;
import org.neo4j.driver.ConnectionPoolMetrics;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.autoconfigure.neo4j.Neo4jProperties;

/**
 * The {@code neo4j} part of {@code /actuator/health}: whether the database answers, asked
 * through a driver of its own with a pool of two connections. Spring Boot's own check
 * borrows a connection from the application's pool, so when every connection serves a
 * request it waits out the acquisition timeout and reports DOWN although the database is
 * fine; this one reports what the database says, and shows the application's pool beside
 * it ({@code pool}: connections in use, idle and the maximum) so a busy pool is visible
 * without being mistaken for an outage.
 */
class Neo4jHealth extends AbstractHealthIndicator implements DisposableBean {

	private static final String QUERY = """
			CALL dbms.components() YIELD versions, edition
			UNWIND versions AS version
			RETURN version, edition""";

	private final Driver own;

	private final Driver application;

	private final int maxPoolSize;

	Neo4jHealth(Neo4jConnectionDetails connection, Driver application, Neo4jProperties properties) {
		super("Neo4j health check failed");
		this.application = application;
		this.maxPoolSize = properties.getPool().getMaxConnectionPoolSize();
		this.own = GraphDatabase.driver(connection.getUri(), connection.getAuthToken(),
				Config.builder()
					.withMaxConnectionPoolSize(2)
					.withConnectionAcquisitionTimeout(2, TimeUnit.SECONDS)
					.withConnectionTimeout(2, TimeUnit.SECONDS)
					.withUserAgent("fupin-graph-health")
					.build());
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

}
