package org.fupin.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.BlockedTransactions;
import org.fupin.WritingIntegrationTest;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service under more load than it has room for, made small enough to test: two
 * requests at once that others wait 200 ms for, a pool of two connections (the dashboard
 * rebuild at start uses two) that waits 100 ms, and locks that wait 500 ms, ten times at
 * most. Whatever cannot be served is refused with the coded, retryable {@code BUSY} (503
 * with {@code Retry-After} for {@code application/graphql-response+json}), never
 * {@code INTERNAL_ERROR}, and changes nothing; a mutation that meets a lock held
 * elsewhere runs again until it gets through; the health check tells a busy pool from a
 * database that is down.
 */
@TestPropertySource(properties = { "spring.neo4j.pool.max-connection-pool-size=2",
		"spring.neo4j.pool.connection-acquisition-timeout=100ms", "app.load.lock-timeout=500ms",
		"app.load.write-attempts=10", "app.load.retry-after=2s", "app.load.max-concurrent-requests=2",
		"app.load.admission-timeout=200ms" })
class BusyIT extends WritingIntegrationTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private static final String PROVINCE = "{\"query\": \"{ province(code: \\\"52\\\") { name } }\"}";

	/** A read that runs in a read-only transaction through the driver. */
	private static final String SUMMARY = "{\"query\": \"{ pairingSummary(placeCode: \\\"52\\\") { placeName } }\"}";

	private static final String CREATE_PAIRING = """
			mutation($input: CreatePairingInput!) { createPairing(input: $input) { id status } }""";

	@Autowired
	private WebTestClient http;

	@Autowired
	private Driver driver;

	@Autowired
	private DatabaseManagementService dbms;

	@Autowired
	private DemoTokens tokens;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private Admission admission;

	@Test
	void aRequestFindingEveryTurnTakenIsRefusedAsBusyBeforeReadingAnything() {
		double before = busyCount();
		Map<String, Object> graph = graphSnapshot();
		String transfer = """
				{"query": "mutation($input: TransferOwnershipInput!) { transferOwnership(input: $input) { asset { registerNo } } }",
				 "variables": {"input": {"registerNo": "ZC-450102101204-0002", "date": "2025-02-01",
				   "owners": [{"ownerId": "11450102D5EPKCB98P", "share": 100}]}}}""";
		whileEveryTurnIsTaken(() -> {
			post(PROVINCE, GRAPHQL_RESPONSE, null).expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "2")
				.expectHeader()
				.contentType(GRAPHQL_RESPONSE)
				.expectBody()
				.jsonPath("$.data")
				.doesNotExist()
				.jsonPath("$.errors.length()")
				.isEqualTo(1)
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("BUSY")
				.jsonPath("$.errors[0].path")
				.doesNotExist()
				.jsonPath("$.errors[0].message")
				.value((String message) -> assertThat(message).startsWith("服务繁忙")
					.contains(
							"all 2 requests it runs at once (app.load.max-concurrent-requests) stayed taken for 200 ms")
					.contains("Send the same request again in 2 s"));
			// Plain JSON: the same GraphQL error body, with 200 as the specification
			// asks.
			post(PROVINCE, MediaType.APPLICATION_JSON, null).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "2")
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody()
				.jsonPath("$.data")
				.doesNotExist()
				.jsonPath("$.errors.length()")
				.isEqualTo(1)
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("BUSY");
			post(transfer, GRAPHQL_RESPONSE, admin()).expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "2")
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("BUSY")
				.jsonPath("$.errors[0].message")
				.value((String message) -> assertThat(message).contains("nothing was read or changed"));
		});
		assertThat(busyCount() - before).isEqualTo(3.0);
		assertThat(graphSnapshot()).isEqualTo(graph);
		// A turn given back is taken by the next request, which is answered.
		post(PROVINCE, GRAPHQL_RESPONSE, null).expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.data.province.name")
			.isEqualTo("贵州省");
	}

	@Test
	void aQueryFindingNoFreeConnectionIsRefusedAsBusy() {
		double before = busyCount();
		whileThePoolIsTaken(() -> {
			post(SUMMARY, GRAPHQL_RESPONSE, null).expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "2")
				.expectHeader()
				.contentType(GRAPHQL_RESPONSE)
				.expectBody()
				.jsonPath("$.data")
				.doesNotExist()
				.jsonPath("$.errors.length()")
				.isEqualTo(1)
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("BUSY")
				.jsonPath("$.errors[0].path[0]")
				.isEqualTo("pairingSummary");
			// A client of plain JSON gets the GraphQL answer with 200, as the
			// specification asks, and the same hint.
			post(SUMMARY, MediaType.APPLICATION_JSON, null).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "2")
				.expectBody()
				.jsonPath("$.data")
				.isEmpty()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("BUSY");
			// A read of the embedded database in the application's process needs no
			// connection.
			post(PROVINCE, GRAPHQL_RESPONSE, null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.province.name")
				.isEqualTo("贵州省");
		});
		assertThat(busyCount() - before).isEqualTo(2.0);
		// Once the connection is free again, the same request is answered.
		post(SUMMARY, GRAPHQL_RESPONSE, null).expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.data.pairingSummary[0].placeName")
			.isEqualTo("贵州省");
	}

	@Test
	void aMutationFindingNoFreeConnectionIsRefusedAsBusyAndChangesNothing() {
		Map<String, Object> before = graphSnapshot();
		String transfer = """
				{"query": "mutation($input: TransferOwnershipInput!) { transferOwnership(input: $input) { asset { registerNo } } }",
				 "variables": {"input": {"registerNo": "ZC-450102101203-0002", "date": "2025-02-01",
				   "owners": [{"ownerId": "11450102D5EPKCB98P", "share": 100}]}}}""";
		whileThePoolIsTaken(() -> post(transfer, GRAPHQL_RESPONSE, admin()).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "2")
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BUSY")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).startsWith("服务繁忙")
				.contains("nothing was changed")
				.doesNotContain("Exception")));
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void healthStaysUpAndShowsThePoolInUse() {
		whileThePoolIsTaken(() -> this.http.get()
			.uri("/actuator/health")
			.headers(admin())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.neo4j.status")
			.isEqualTo("UP")
			.jsonPath("$.components.neo4j.details.edition")
			.isEqualTo("community")
			.jsonPath("$.components.neo4j.details.pool.inUse")
			.isEqualTo(2)
			.jsonPath("$.components.neo4j.details.pool.idle")
			.isEqualTo(0)
			.jsonPath("$.components.neo4j.details.pool.max")
			.isEqualTo(2));
		this.http.get()
			.uri("/actuator/metrics/neo4j.driver.connections.acquisition.timeout")
			.headers(admin())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("neo4j.driver.connections.acquisition.timeout");
	}

	@Test
	void aPairingMutationBlockedByALockHeldElsewhereRunsAgainUntilItGetsThrough() throws Exception {
		String recipient = "520325101202";
		// Each attempt waits 500 ms for the lock, then runs again in a new transaction:
		// two different transactions blocked on it prove the retry.
		Map<String, Object> body = BlockedTransactions.runBehindLock(database(),
				(holder) -> holder.acquireWriteLock(place(holder, recipient)), 2, () -> createPairing(recipient));
		assertThat(body).doesNotContainKey("errors");
		assertThat(body.get("data"))
			.isEqualTo(Map.of("createPairing", Map.of("id", "EV-91440600184UCFTTWN-" + recipient, "status", "ACTIVE")));
		// Created once, recorded once.
		assertThat(this.neo4j.query("""
				MATCH (p:Pairing {id: $id})
				RETURN COUNT { (p)-[:RECIPIENT]->() } AS recipients,
				  COUNT { (e:ChangeEvent)-[:CHANGED]->(p) } AS events""")
			.bind("EV-91440600184UCFTTWN-" + recipient)
			.to("id")
			.fetch()
			.one()
			.orElseThrow()).isEqualTo(Map.of("recipients", 1L, "events", 1L));
	}

	@Test
	void aPairingMutationBlockedLongerThanItsRetriesMayRunIsBusyAndChangesNothing() throws Exception {
		String recipient = "520324101203";
		Map<String, Object> before = graphSnapshot();
		Map<String, Object> body;
		try (org.neo4j.graphdb.Transaction holder = database().beginTx()) {
			holder.acquireWriteLock(place(holder, recipient));
			body = CompletableFuture.supplyAsync(() -> createPairing(recipient)).get(60, TimeUnit.SECONDS);
			holder.rollback();
		}
		assertThat(body.get("data")).isNull();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
		assertThat(errors).hasSize(1);
		assertThat(((Map<?, ?>) errors.get(0).get("extensions")).get("code")).isEqualTo("BUSY");
		assertThat((String) errors.get(0).get("message")).contains("kept colliding").contains("nothing was changed");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	/**
	 * Runs {@code check} while transactions elsewhere hold both of the pool's
	 * connections.
	 */
	private void whileThePoolIsTaken(Runnable check) {
		try (Session first = this.driver.session();
				Transaction one = first.beginTransaction();
				Session second = this.driver.session();
				Transaction two = second.beginTransaction()) {
			one.run("RETURN 1").consume();
			two.run("RETURN 1").consume();
			check.run();
			two.rollback();
			one.rollback();
		}
	}

	/** Runs {@code check} while both turns of admission are taken. */
	private void whileEveryTurnIsTaken(Runnable check) {
		assertThat(this.admission.enter()).isTrue();
		try {
			assertThat(this.admission.enter()).isTrue();
			try {
				check.run();
			}
			finally {
				this.admission.leave();
			}
		}
		finally {
			this.admission.leave();
		}
	}

	/** A createPairing by an ADMIN over HTTP, its body as JSON. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> createPairing(String recipient) {
		Map<String, Object> input = Map.of("program", "ENTERPRISE_VILLAGE", "kind", "INDUSTRY", "helperId",
				"91440600184UCFTTWN", "recipientId", recipient, "startDate", "2025-03-01");
		return this.http.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers(admin())
			.bodyValue(Map.of("query", CREATE_PAIRING, "variables", Map.of("input", input)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec post(String body, MediaType accept, Consumer<HttpHeaders> headers) {
		return this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept).headers((h) -> {
			if (headers != null) {
				headers.accept(h);
			}
		}).bodyValue(body).exchange();
	}

	private Consumer<HttpHeaders> admin() {
		String token = this.tokens.issue("test-admin", List.of(Role.ADMIN), null, null, false);
		return (headers) -> headers.setBearerAuth(token);
	}

	/** The {@code BUSY} errors counted so far ({@code fupin.graphql.errors}). */
	private double busyCount() {
		EntityExchangeResult<String> answer = this.http.get()
			.uri("/actuator/metrics/fupin.graphql.errors?tag=code:BUSY")
			.headers(admin())
			.exchange()
			.expectBody(String.class)
			.returnResult();
		if (answer.getStatus() == HttpStatus.NOT_FOUND) {
			// No error counted yet: the metric does not exist.
			return 0;
		}
		assertThat(answer.getStatus()).isEqualTo(HttpStatus.OK);
		Map<?, ?> metric;
		try {
			metric = new ObjectMapper().readValue(answer.getResponseBody(), Map.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		List<?> measurements = (List<?>) metric.get("measurements");
		return ((Number) ((Map<?, ?>) measurements.get(0)).get("value")).doubleValue();
	}

	private GraphDatabaseService database() {
		return this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	private static Node place(org.neo4j.graphdb.Transaction tx, String code) {
		Node node = tx.findNode(Label.label("Place"), "code", code);
		assertThat(node).as("place %s", code).isNotNull();
		return node;
	}

}
