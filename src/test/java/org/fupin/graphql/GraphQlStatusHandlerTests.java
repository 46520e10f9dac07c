package org.fupin.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which answers are refusals as a whole (503 for
 * {@code application/graphql-response+json}) and which are partial answers that stay 200.
 */
class GraphQlStatusHandlerTests {

	private static final Map<String, Object> BUSY = error("BUSY");

	@Test
	void nothingAnsweredAndEveryErrorBusyIsARefusal() {
		assertThat(GraphQlStatusHandler.isBusyRefusal(result(null, List.of(BUSY)))).isTrue();
		assertThat(GraphQlStatusHandler.isBusyRefusal(result(fields("province", null), List.of(BUSY)))).isTrue();
		assertThat(GraphQlStatusHandler.isBusyRefusal(Map.of("errors", List.of(BUSY)))).isTrue();
	}

	@Test
	void aPartialAnswerOrAnotherErrorIsNot() {
		assertThat(GraphQlStatusHandler
			.isBusyRefusal(result(Map.of("province", Map.of("name", "贵州省"), "asset", "x"), List.of(BUSY)))).isFalse();
		assertThat(GraphQlStatusHandler.isBusyRefusal(result(null, List.of(BUSY, error("NOT_FOUND"))))).isFalse();
		assertThat(GraphQlStatusHandler.isBusyRefusal(result(fields("province", null), List.of()))).isFalse();
	}

	private static Map<String, Object> fields(String name, Object value) {
		Map<String, Object> fields = new HashMap<>();
		fields.put(name, value);
		return fields;
	}

	private static Map<String, Object> result(Object data, List<Map<String, Object>> errors) {
		Map<String, Object> result = new HashMap<>();
		result.put("data", data);
		result.put("errors", errors);
		return result;
	}

	private static Map<String, Object> error(String code) {
		return Map.of("message", "m", "extensions", Map.of("code", code));
	}

}
