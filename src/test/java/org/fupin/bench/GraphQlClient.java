package org.fupin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends GraphQL requests over HTTP (one pooled keep-alive client for all benchmark
 * clients) and reads each answer whole, as a real client would.
 */
final class GraphQlClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final URI uri;

	private final List<String[]> headers;

	/**
	 * @param headers extra request headers as name and value (e.g. a bearer token)
	 */
	GraphQlClient(URI uri, List<String[]> headers) {
		this.uri = uri;
		this.headers = List.copyOf(headers);
	}

	/**
	 * Runs one operation.
	 * @return null when it answered data without errors, else what went wrong
	 */
	String call(String document, Map<String, Object> variables) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = send(document, variables);
		if (response.statusCode() != 200) {
			return "HTTP " + response.statusCode() + ": " + new String(response.body()).strip();
		}
		JsonNode answer = JSON.readTree(response.body());
		if (answer.hasNonNull("errors")) {
			return answer.get("errors").toString();
		}
		if (!answer.hasNonNull("data")) {
			return "no data: " + answer;
		}
		return null;
	}

	/**
	 * Runs one operation and answers its {@code data}.
	 * @throws IllegalStateException when it failed or answered errors
	 */
	JsonNode data(String document, Map<String, Object> variables) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = send(document, variables);
		JsonNode answer = (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
		if (answer == null || answer.hasNonNull("errors") || !answer.hasNonNull("data")) {
			throw new IllegalStateException(
					this.uri + " answered HTTP " + response.statusCode() + ": " + new String(response.body()).strip());
		}
		return answer.get("data");
	}

	private HttpResponse<byte[]> send(String document, Map<String, Object> variables)
			throws IOException, InterruptedException {
		Map<String, Object> body = Map.of("query", document, "variables", variables(variables));
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		for (String[] header : this.headers) {
			request.header(header[0], header[1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Asks the server for a token (e.g. the embedded mode's demo issuer) and answers its
	 * {@code access_token}.
	 */
	static String requestToken(URI uri) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		JsonNode answer = (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
		if (answer == null || !answer.hasNonNull("access_token")) {
			throw new IllegalStateException("No access_token from " + uri + ": HTTP " + response.statusCode() + " "
					+ new String(response.body()));
		}
		return answer.get("access_token").asText();
	}

	/**
	 * Dates and other temporal values go as their ISO text, as GraphQL's scalars read
	 * them.
	 */
	static Map<String, Object> variables(Map<String, Object> parameters) {
		Map<String, Object> variables = new LinkedHashMap<>();
		parameters.forEach(
				(name, value) -> variables.put(name, (value instanceof TemporalAccessor) ? value.toString() : value));
		return variables;
	}

}
