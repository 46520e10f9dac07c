package org.fupin.graphql;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties.Http;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP as its specification asks, on top of Spring's handler: {@code POST}
 * for everything, {@code GET} for queries only (a mutation over {@code GET} is 405), and
 * every refused request answered with a GraphQL error body and a code, never Spring's
 * generic error page: malformed JSON or no query (400 {@code MALFORMED_REQUEST}), a body
 * over {@code app.graphql.max-request-bytes} (413 {@code REQUEST_TOO_LARGE}), an
 * unsupported content type (415 {@code UNSUPPORTED_MEDIA_TYPE}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GraphQlHttpRoutes {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private final ObjectMapper json;

	GraphQlHttpRoutes(ObjectMapper json) {
		this.json = json;
	}

	/**
	 * Spring's handler, answering 503 with {@code Retry-After} for a request refused as
	 * busy ({@link GraphQlStatusHandler}).
	 */
	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
		return new GraphQlStatusHandler(webGraphQlHandler, this.json);
	}

	/** Ahead of Spring Boot's own route for the same path, which only allows POST. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlOverHttp(GraphQlHttpHandler handler,
			org.springframework.boot.autoconfigure.graphql.GraphQlProperties boot, GraphQlProperties limits) {
		Http http = boot.getHttp();
		return RouterFunctions.route()
			.POST(http.getPath(), (request) -> post(handler, request, limits.maxRequestBytes()))
			.GET(http.getPath(), (request) -> get(handler, request))
			.build();
	}

	private ServerResponse post(GraphQlHttpHandler handler, ServerRequest request, long maxBytes) throws Exception {
		long length = request.headers().contentLength().orElse(-1);
		if (length > maxBytes) {
			return refuse(request, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE, "The request body has "
					+ length + " bytes; at most " + maxBytes + " are accepted (app.graphql.max-request-bytes).");
		}
		try {
			return handler.handleRequest(request);
		}
		catch (UnsupportedMediaTypeStatusException | HttpMediaTypeNotSupportedException ex) {
			return refuse(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"Send the request as application/json (or application/graphql).");
		}
		catch (ServerWebInputException | HttpMessageNotReadableException | IllegalArgumentException ex) {
			if (causedBy(ex, RequestSizeLimitFilter.TooLarge.class)) {
				return refuse(request, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
						"The request body has more than " + maxBytes
								+ " bytes, the most accepted (app.graphql.max-request-bytes).");
			}
			return refuse(request, HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
					"The body is not a GraphQL request: send JSON with a \"query\" string, and optionally "
							+ "\"operationName\" and a \"variables\" object.");
		}
	}

	/**
	 * A query sent as URL parameters ({@code query}, {@code operationName},
	 * {@code variables} as JSON) runs as if it had been posted; a mutation is refused,
	 * since GET must not change anything.
	 */
	private ServerResponse get(GraphQlHttpHandler handler, ServerRequest request) throws Exception {
		String query = request.param("query").orElse(null);
		if (query == null || query.isBlank()) {
			return refuse(request, HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
					"A GET request needs the query in the \"query\" URL parameter.");
		}
		String operationName = request.param("operationName").filter((name) -> !name.isBlank()).orElse(null);
		if (isMutation(query, operationName)) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "POST")
				.contentType(responseType(request))
				.body(errors(ErrorCode.METHOD_NOT_ALLOWED, "Mutations are only accepted with POST."));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("operationName", operationName);
		try {
			request.param("variables").filter((v) -> !v.isBlank()).ifPresent((v) -> body.put("variables", read(v)));
			request.param("extensions").filter((v) -> !v.isBlank()).ifPresent((v) -> body.put("extensions", read(v)));
		}
		catch (IllegalArgumentException ex) {
			return refuse(request, HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
					"The \"variables\" and \"extensions\" URL parameters must be JSON objects.");
		}
		ServerRequest asPost = ServerRequest.from(request)
			.method(HttpMethod.POST)
			.headers((headers) -> headers.setContentType(MediaType.APPLICATION_JSON))
			.body(this.json.writeValueAsBytes(body))
			.build();
		return handler.handleRequest(asPost);
	}

	/** Whether the operation to run is a mutation (or subscription); unparseable: no. */
	private static boolean isMutation(String query, String operationName) {
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		return operations.stream()
			.filter((op) -> operationName == null ? operations.size() == 1 : operationName.equals(op.getName()))
			.anyMatch((op) -> op.getOperation() != OperationDefinition.Operation.QUERY);
	}

	private Map<String, Object> read(String value) {
		try {
			Object parsed = this.json.readValue(value, Object.class);
			if (!(parsed instanceof Map<?, ?> map)) {
				throw new IllegalArgumentException("not an object");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) map;
			return object;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static ServerResponse refuse(ServerRequest request, HttpStatus status, ErrorCode code, String message) {
		return ServerResponse.status(status).contentType(responseType(request)).body(errors(code, message));
	}

	private static Map<String, Object> errors(ErrorCode code, String message) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code.name()))));
	}

	/**
	 * The GraphQL response media type when the client accepts it, plain JSON otherwise,
	 * as Spring's handler chooses for the requests it answers.
	 */
	private static MediaType responseType(ServerRequest request) {
		return request.headers().accept().stream().anyMatch(GRAPHQL_RESPONSE::equalsTypeAndSubtype) ? GRAPHQL_RESPONSE
				: MediaType.APPLICATION_JSON;
	}

	private static boolean causedBy(Throwable ex, Class<? extends IOException> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
