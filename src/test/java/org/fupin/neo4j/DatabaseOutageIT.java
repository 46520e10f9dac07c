package org.fupin.neo4j;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.fupin.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application against an external Neo4j server that goes away and comes back: while
 * it is down, requests answer at once with a coded error and health reports DOWN; when it
 * is back, the application serves again by itself, without a restart.
 */
class DatabaseOutageIT {

	private static final String QUERY = "{\"query\": \"{ provinces { totalCount } }\"}";

	@TempDir
	private Path store;

	@Test
	void requestsFailFastWhileTheDatabaseIsDownAndServeAgainWhenItIsBack() throws IOException {
		int bolt = freePort();
		DatabaseManagementService database = start(bolt);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
			.run("--spring.neo4j.uri=bolt://127.0.0.1:" + bolt, "--server.port=0", "--app.seed.enabled=false")) {
			WebTestClient http = WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
				.responseTimeout(Duration.ofSeconds(30))
				.build();
			assertThat(totalCount(http)).isZero();
			// Demo tokens are off unless asked for: no endpoint.
			http.post().uri("/demo/token?role=ADMIN").exchange().expectStatus().isNotFound();
			assertThat(app.getBeanNamesForType(org.springframework.security.oauth2.jwt.JwtDecoder.class)).isEmpty();

			database.shutdown();
			long started = System.nanoTime();
			http.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(QUERY)
				.exchange()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("UNAVAILABLE")
				.jsonPath("$.errors[0].message")
				.isEqualTo("The database is unavailable at the moment; please retry in a few seconds.");
			// Not a performance figure: the request must not hang on driver time-outs.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			http.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("DOWN");

			database = start(bolt);
			assertThat(serveAgain(http)).isZero();
			http.get().uri("/actuator/health").exchange().expectStatus().isOk();
		}
		finally {
			database.shutdown();
		}
	}

	/**
	 * The first requests after the restart may still meet connections of the old server.
	 */
	private static Integer serveAgain(WebTestClient http) {
		for (int attempt = 0; attempt < 20; attempt++) {
			Integer count = totalCount(http);
			if (count != null) {
				return count;
			}
			pause();
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Integer totalCount(WebTestClient http) {
		Map<String, Object> body = http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(QUERY)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> data = (Map<String, Object>) body.get("data");
		Map<String, Object> provinces = (data != null) ? (Map<String, Object>) data.get("provinces") : null;
		return (provinces != null) ? (Integer) provinces.get("totalCount") : null;
	}

	private DatabaseManagementService start(int bolt) {
		return new DatabaseManagementServiceBuilder(this.store).setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", bolt))
			.setConfig(HttpConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 16L * 1024 * 1024)
			.build();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
