package org.fupin;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class ActuatorHealthIT extends IntegrationTest {

	@LocalServerPort
	private int port;

	@Test
	void healthReportsTheDatabase() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/actuator/health")
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

}
