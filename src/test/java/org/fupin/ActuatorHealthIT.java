package org.fupin;

import java.util.List;

import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class ActuatorHealthIT extends IntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Test
	void healthReportsTheDatabaseAndItsDetailsToAnAdministrator() {
		http().get()
			.uri("/actuator/health")
			.headers((headers) -> headers.setBearerAuth(token(Role.ADMIN)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.neo4j.status")
			.isEqualTo("UP")
			.jsonPath("$.components.neo4j.details.edition")
			.isEqualTo("community");
	}

	@Test
	void othersSeeWhetherItIsUpAndNoMetrics() {
		http().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\": \"UP\"}", true);
		http().get()
			.uri("/actuator/health")
			.headers((headers) -> headers.setBearerAuth(token(Role.AUDITOR)))
			.exchange()
			.expectBody()
			.jsonPath("$.components")
			.doesNotExist();
		http().get().uri("/actuator/metrics/jvm.memory.used").exchange().expectStatus().isUnauthorized();
		http().get()
			.uri("/actuator/metrics")
			.headers((headers) -> headers.setBearerAuth(token(Role.AUDITOR)))
			.exchange()
			.expectStatus()
			.isForbidden();
		http().get()
			.uri("/actuator/metrics/jvm.memory.used")
			.headers((headers) -> headers.setBearerAuth(token(Role.ADMIN)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	private String token(Role role) {
		return this.tokens.issue("health-" + role.name().toLowerCase(), List.of(role), null, null, false);
	}

}
