package org.fupin.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring's GraphQL HTTP handler, with one status added for clients that accept
 * {@code application/graphql-response+json}: a request refused as a whole because the
 * service is busy (every error {@code BUSY}, no field answered) is 503 Service
 * Unavailable with {@code Retry-After}, and its body has no {@code data} entry, as the
 * GraphQL over HTTP specification asks of a response that is not a GraphQL result.
 * Anything answered in part stays 200 with its errors, as the specification requires;
 * {@code application/json} clients get 200 as before.
 * <p>
 * Every result it answers is written as one block of JSON with its
 * {@code Content-Length}, by the application's {@code ObjectMapper}, rather than through
 * Spring MVC's message converters (the refusals {@code GraphQlHttpRoutes} writes itself
 * still go through them): those are asked in turn whether they can write a map, and the
 * one that does flushes before the end, so that Tomcat sends the body in chunks and a
 * last empty chunk after it.
 */
class GraphQlStatusHandler extends GraphQlHttpHandler {

	private final ObjectMapper json;

	GraphQlStatusHandler(WebGraphQlHandler handler, ObjectMapper json) {
		super(handler);
		this.json = json;
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
		if (GraphQlHttpRoutes.GRAPHQL_RESPONSE.equalsTypeAndSubtype(mediaType) && isBusyRefusal(response.toMap())) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return super.selectResponseStatus(response, mediaType);
	}

	@Override
	protected ServerResponse.HeadersBuilder.WriteFunction getWriteFunction(Map<String, Object> resultMap,
			MediaType mediaType) {
		Map<String, Object> body = (GraphQlHttpRoutes.GRAPHQL_RESPONSE.equalsTypeAndSubtype(mediaType)
				&& isBusyRefusal(resultMap)) ? withoutData(resultMap) : resultMap;
		return (request, response) -> {
			byte[] json = this.json.writeValueAsBytes(body);
			response.setContentLength(json.length);
			response.getOutputStream().write(json);
			return null;
		};
	}

	/**
	 * Whether nothing was answered and the only reason is load: there are errors, all
	 * {@code BUSY}, and {@code data} is absent, null, or null in every top-level field.
	 */
	static boolean isBusyRefusal(Map<String, Object> result) {
		if (!(result.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
			return false;
		}
		for (Object error : errors) {
			if (!(error instanceof Map<?, ?> map) || !(map.get("extensions") instanceof Map<?, ?> extensions)
					|| !ErrorCode.BUSY.name().equals(extensions.get("code"))) {
				return false;
			}
		}
		Object data = result.get("data");
		return data == null || (data instanceof Map<?, ?> fields && allNull(fields.values()));
	}

	private static Map<String, Object> withoutData(Map<String, Object> result) {
		Map<String, Object> refusal = new LinkedHashMap<>(result);
		refusal.remove("data");
		return refusal;
	}

	private static boolean allNull(Collection<?> values) {
		return values.stream().allMatch((value) -> value == null);
	}

}
