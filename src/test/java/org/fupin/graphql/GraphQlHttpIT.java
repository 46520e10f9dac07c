package org.fupin.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over HTTP as its specification asks: methods, status codes, media types, and a
 * coded GraphQL error body for every refused request.
 */
class GraphQlHttpIT extends IntegrationTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@Autowired
	private WebTestClient http;

	@Test
	void aQueryRunsOverGet() {
		this.http.get()
			.uri((uri) -> uri.path("/graphql")
				.queryParam("query", "{query}")
				.queryParam("variables", "{variables}")
				.build("query($code: ID!) { province(code: $code) { name } }", "{\"code\": \"52\"}"))
			.accept(GRAPHQL_RESPONSE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.data.province.name")
			.isEqualTo("贵州省");
	}

	/**
	 * An answer goes out as one block that says its length, not in chunks: the length is
	 * the body's bytes, UTF-8 encoded.
	 */
	@Test
	void anAnswerSaysItsLength() {
		var result = post("{\"query\": \"{ province(code: \\\"52\\\") { name } }\"}", MediaType.APPLICATION_JSON)
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		byte[] body = result.getResponseBodyContent();
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"data\":{\"province\":{\"name\":\"贵州省\"}}}");
		assertThat(body).hasSize(42);
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(42);
	}

	@Test
	void aMutationOverGetIsRefused() {
		this.http.get()
			.uri((uri) -> uri.path("/graphql").queryParam("query", "{query}").build("mutation { anything }"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("METHOD_NOT_ALLOWED");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"query\":", "{}", "[1, 2]", "{\"variables\": {}}" })
	void aBodyThatIsNotAGraphQlRequestIsA400WithACode(String body) {
		post(body, MediaType.APPLICATION_JSON).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("MALFORMED_REQUEST")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertNoInternals(message));
	}

	@Test
	void aGetWithoutAQueryIsA400() {
		this.http.get()
			.uri("/graphql")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("MALFORMED_REQUEST");
	}

	@Test
	void anUnsupportedContentTypeIsA415() {
		post("{\"query\": \"{ provinces { totalCount } }\"}", MediaType.TEXT_PLAIN).expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void aBodyOverTheLimitIsA413() {
		String padding = " ".repeat(70_000);
		post("{\"query\": \"{ provinces { totalCount } }\"" + padding + "}", MediaType.APPLICATION_JSON).expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("REQUEST_TOO_LARGE");
	}

	@Test
	void aChunkedBodyOverTheLimitIsA413Too() {
		byte[] body = ("{\"query\": \"{ provinces { totalCount } }\"" + " ".repeat(70_000) + "}")
			.getBytes(StandardCharsets.UTF_8);
		this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)),
					org.springframework.core.io.buffer.DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("REQUEST_TOO_LARGE");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{ nope }|Field 'nope' in type 'Query' is undefined", "{ provinces(|Invalid syntax",
					"query($c: Int!) { province(code: $c) { name } }|Variable 'c' of type 'Int!'",
					"{ provinces(filter: { region: MIDDLE }) { totalCount } }|MIDDLE" })
	void anInvalidQueryIsA400WithACodeAndAClearMessage(String query, String message) {
		post(this.json(Map.of("query", query)), MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("INVALID_QUERY")
			.jsonPath("$.errors[0].message")
			.value((String text) -> {
				org.assertj.core.api.Assertions.assertThat(text).contains(message);
				assertNoInternals(text);
			});
	}

	@ParameterizedTest
	@CsvSource({ "2024-02-30", "2025-02-29", "2025-04-31" })
	void aDayThatDoesNotExistIsRefusedNotMovedToTheMonthsEnd(String day) {
		String owners = "asset(registerNo: \"ZC-450102101201-0001\") { owners(asOf: %s) { ownerId } }";
		String inVariables = "query($day: Date) { " + owners.formatted("$day") + " }";
		String inTheQuery = "{ " + owners.formatted("\"" + day + "\"") + " }";
		for (String body : new String[] { json(Map.of("query", inVariables, "variables", Map.of("day", day))),
				json(Map.of("query", inTheQuery)) }) {
			post(body, MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("INVALID_QUERY")
				.jsonPath("$.errors[0].message")
				.value((String text) -> assertThat(text).contains("'" + day + "'").contains("Invalid date"));
		}
	}

	@Test
	void aLeapDayIsADay() {
		this.graphQl.document(
				"query($day: Date) { asset(registerNo: \"ZC-450102101201-0001\") { owners(asOf: $day) { ownerId } } }")
			.variable("day", "2024-02-29")
			.execute()
			.path("asset.owners[*].ownerId")
			.entityList(String.class)
			.containsExactly("H45010210120104");
	}

	private WebTestClient.ResponseSpec post(String body, MediaType type, MediaType... accept) {
		return this.http.post().uri("/graphql").contentType(type).accept(accept).bodyValue(body).exchange();
	}

	private String json(Map<String, Object> body) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertNoInternals(String message) {
		org.assertj.core.api.Assertions.assertThat(message).doesNotContain("Exception").doesNotContain("org.");
	}

}
