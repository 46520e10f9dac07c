package org.fupin.ledger.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import endpoints as a clerk's browser uses them, for the import tests: upload a
 * file over HTTP, wait for the job, commit it and read its report through GraphQL.
 */
final class ImportClient {

	private final int port;

	private final ObjectMapper json;

	ImportClient(int port, ObjectMapper json) {
		this.port = port;
		this.json = json;
	}

	/**
	 * Posts {@code content} as the file of a new import of the ledger {@code slug}.
	 * @param commit the {@code commit} form field; empty for none
	 */
	EntityExchangeResult<byte[]> upload(String token, String slug, String name, byte[] content, String type,
			String commit) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		}).contentType(MediaType.parseMediaType(type));
		if (!commit.isEmpty()) {
			body.part("commit", commit);
		}
		return http(token).post()
			.uri("/ledgers/" + slug + "/imports")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody()
			.returnResult();
	}

	/** A CSV file in UTF-8, without a commit field. */
	EntityExchangeResult<byte[]> upload(String token, String slug, String name, String csv) {
		return upload(token, slug, name, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "");
	}

	/** The new job's id, once the upload was accepted (202). */
	String id(EntityExchangeResult<byte[]> answer) {
		assertThat(answer.getStatus().value()).as(new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8))
			.isEqualTo(202);
		return (String) body(answer).get("id");
	}

	/** The job once it is neither being checked nor committed. */
	Map<String, Object> await(String token, String id) {
		return awaitState(token, id, null);
	}

	/**
	 * The job once it is in {@code state} ({@code null}: neither checked nor committed).
	 */
	Map<String, Object> awaitState(String token, String id, String state) {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			Map<String, Object> job = body(
					http(token).get().uri("/ledgers/imports/" + id).exchange().expectBody().returnResult());
			Object now = job.get("state");
			boolean done = (state != null) ? state.equals(now) : !"VALIDATING".equals(now) && !"COMMITTING".equals(now);
			if (done || System.nanoTime() > deadline) {
				return job;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return job;
			}
		}
	}

	/** Commits the job through GraphQL as the caller of {@code graphQl}. */
	void commit(GraphQlTester graphQl, String id) {
		graphQl.document("mutation($id: ID!) { commitLedgerImport(id: $id) { id } }")
			.variable("id", id)
			.execute()
			.path("commitLedgerImport.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	/** The kept report through GraphQL: row, header, value, code, message. */
	List<List<Object>> report(GraphQlTester graphQl, String id) {
		GraphQlTester.Response response = graphQl.documentName("ledgerImport").variable("id", id).execute();
		List<Map<String, Object>> nodes = response.path("ledgerImportReport.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return nodes.stream()
			.map((node) -> Arrays.asList(node.get("row"), node.get("header"), node.get("value"), node.get("code"),
					node.get("message")))
			.toList();
	}

	Map<String, Object> body(EntityExchangeResult<byte[]> answer) {
		return body(answer.getResponseBodyContent());
	}

	Map<String, Object> body(byte[] content) {
		try {
			return this.json.readValue(content, new TypeReference<>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A JSON object kept as text, such as a change event's before or after; {@code null}
	 * for none.
	 */
	Map<String, Object> parse(String text) {
		return (text != null) ? body(text.getBytes(StandardCharsets.UTF_8)) : null;
	}

	/** The body of a GET that answers 200: a template, a report or an export. */
	byte[] download(String token, String uri) {
		return http(token).get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
	}

	WebTestClient http(String token) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

}
