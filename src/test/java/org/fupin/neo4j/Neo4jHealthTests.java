package org.fupin.neo4j;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.autoconfigure.neo4j.Neo4jProperties;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health check's driver is connected as the application's is: with
 * {@code spring.neo4j.security.encrypted} it encrypts, without it it does not.
 */
class Neo4jHealthTests {

	private final Neo4jConnectionDetails connection = new Neo4jConnectionDetails() {
		@Override
		public URI getUri() {
			return URI.create("bolt://127.0.0.1:7687");
		}
	};

	@Test
	void theHealthDriverEncryptsWhenTheSecuritySettingsSaySo() {
		Neo4jProperties properties = new Neo4jProperties();
		properties.getSecurity().setEncrypted(true);
		properties.getSecurity().setTrustStrategy(Neo4jProperties.Security.TrustStrategy.TRUST_ALL_CERTIFICATES);
		try (Driver driver = Neo4jHealth.ownDriver(properties, new MockEnvironment(), this.connection, List.of())) {
			assertThat(driver.isEncrypted()).isTrue();
		}
	}

	@Test
	void theHealthDriverIsPlainWhenTheSecuritySettingsSaySo() {
		try (Driver driver = Neo4jHealth.ownDriver(new Neo4jProperties(), new MockEnvironment(), this.connection,
				List.of())) {
			assertThat(driver.isEncrypted()).isFalse();
		}
	}

}
