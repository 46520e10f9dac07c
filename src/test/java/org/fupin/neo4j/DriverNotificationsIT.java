package org.fupin.neo4j;

import java.util.List;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.summary.Notification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read of a property key the store does not have raises no notification for the
 * platform's driver (so nothing logs it per request), where a driver with the default
 * settings gets one from the same server.
 */
class DriverNotificationsIT extends IntegrationTest {

	private static final String READ = "MATCH (p:Pairing) RETURN p.noSuchPropertyKey AS value LIMIT 1";

	@Autowired
	private Driver driver;

	@Autowired
	private Neo4jConnectionDetails connection;

	@Test
	void anUnknownPropertyKeyIsNotReported() {
		assertThat(codes(this.driver)).isEmpty();
		try (Driver defaults = GraphDatabase.driver(this.connection.getUri(), this.connection.getAuthToken())) {
			assertThat(codes(defaults)).containsExactly("Neo.ClientNotification.Statement.UnknownPropertyKeyWarning");
		}
	}

	private static List<String> codes(Driver driver) {
		return driver.executableQuery(READ)
			.execute()
			.summary()
			.notifications()
			.stream()
			.map(Notification::code)
			.toList();
	}

}
