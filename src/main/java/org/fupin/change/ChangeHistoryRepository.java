package org.fupin.change;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.neo4j.CypherStatement;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the change history, newest first. Dynamic parts of the Cypher are chosen from
 * fixed fragments; every value is a parameter.
 */
@Repository
class ChangeHistoryRepository {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	/** Newest first; the id breaks ties, as in {@link ChangeCursor}. */
	private static final String ORDER = "e.at DESC, e.id DESC";

	private static final String KEYSET = "(e.at < $afterAt OR (e.at = $afterAt AND e.id < $afterId))";

	private final Neo4jClient neo4j;

	private final ObjectMapper json;

	ChangeHistoryRepository(Neo4jClient neo4j, ObjectMapper json) {
		this.neo4j = neo4j;
		this.json = json;
	}

	/** Up to {@code limit} events matching the filter after the cursor. */
	List<ChangeEvent> find(ChangeFilter filter, ChangeCursor after, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = conditions(filter, parameters);
		keyset(after, conditions, parameters);
		parameters.put("limit", limit);
		String cypher = match(filter, conditions) + " RETURN e {.*} AS event ORDER BY " + ORDER + " LIMIT $limit";
		return this.neo4j.query(cypher).bindAll(parameters).fetch().all().stream().map(this::event).toList();
	}

	long count(ChangeFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		String cypher = match(filter, conditions(filter, parameters)) + " RETURN count(e)";
		return this.neo4j.query(cypher).bindAll(parameters).fetchAs(Long.class).one().orElse(0L);
	}

	/** The events matching the filter, bound to {@code e}, ending in {@code WITH e}. */
	CypherStatement selection(ChangeFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return new CypherStatement(match(filter, conditions(filter, parameters)) + " WITH e", parameters);
	}

	/** Rows of one page of a subject's events, and their total when asked. */
	record Rows(List<ChangeEvent> events, Long total) {
	}

	/** The events of many subjects of one type, a page each, in one query. */
	Map<String, Rows> findBySubjects(String subjectType, Collection<String> subjectIds, ChangeCursor after, int limit,
			boolean withTotal) {
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		keyset(after, conditions, parameters);
		String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
		String total = withTotal ? """
				CALL (id) {
				  MATCH (e:ChangeEvent {subjectId: id, subjectType: $subjectType})
				  RETURN count(e) AS total
				}
				""" : "";
		String cypher = """
				UNWIND $ids AS id
				CALL (id) {
				  MATCH (e:ChangeEvent {subjectId: id, subjectType: $subjectType})
				  %s
				  WITH e ORDER BY %s LIMIT $limit
				  RETURN collect(e {.*}) AS events
				}
				%s
				RETURN id, events, %s AS total
				""".formatted(where, ORDER, total, withTotal ? "total" : "null");
		parameters.put("ids", List.copyOf(subjectIds));
		parameters.put("subjectType", subjectType);
		parameters.put("limit", limit);
		Map<String, Rows> pages = new LinkedHashMap<>();
		this.neo4j.query(cypher).bindAll(parameters).fetch().all().forEach((row) -> {
			List<ChangeEvent> events = ((List<?>) row.get("events")).stream()
				.map((e) -> event(Map.of("event", e)))
				.toList();
			Object count = row.get("total");
			pages.put((String) row.get("id"), new Rows(events, (count != null) ? ((Number) count).longValue() : null));
		});
		return pages;
	}

	private static String match(ChangeFilter filter, List<String> conditions) {
		String pattern = (filter.placeCode() != null) ? "(e:ChangeEvent)-[:CHANGED]->(a:Asset)" : "(e:ChangeEvent)";
		return "MATCH " + pattern + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
	}

	private static List<String> conditions(ChangeFilter filter, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		condition(conditions, parameters, filter.subjectType(), "e.subjectType = $subjectType", "subjectType");
		condition(conditions, parameters, filter.subjectId(), "e.subjectId = $subjectId", "subjectId");
		condition(conditions, parameters, filter.actor(), "e.actor = $actor", "actor");
		condition(conditions, parameters, (filter.operation() != null) ? filter.operation().name() : null,
				"e.operation = $operation", "operation");
		condition(conditions, parameters, filter.from(), "e.at >= $from", "from");
		condition(conditions, parameters, filter.to(), "e.at < $to", "to");
		condition(conditions, parameters, filter.placeCode(), "a.placeCode STARTS WITH $placeCode", "placeCode");
		return conditions;
	}

	private static void keyset(ChangeCursor after, List<String> conditions, Map<String, Object> parameters) {
		if (after != null) {
			conditions.add(KEYSET);
			parameters.put("afterAt", after.at());
			parameters.put("afterId", after.id());
		}
	}

	private static void condition(List<String> conditions, Map<String, Object> parameters, Object value,
			String fragment, String name) {
		if (value != null) {
			conditions.add(fragment);
			parameters.put(name, value);
		}
	}

	@SuppressWarnings("unchecked")
	private ChangeEvent event(Map<String, Object> row) {
		Map<String, Object> e = (Map<String, Object>) row.get("event");
		Object at = e.get("at");
		OffsetDateTime time = (at instanceof ZonedDateTime zoned) ? zoned.toOffsetDateTime() : (OffsetDateTime) at;
		return new ChangeEvent((String) e.get("id"), time, (String) e.get("actor"),
				ChangeOperation.valueOf((String) e.get("operation")), (String) e.get("subjectType"),
				(String) e.get("subjectId"), parse(e.get("before")), parse(e.get("after")));
	}

	private Map<String, Object> parse(Object text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readValue((String) text, JSON_OBJECT);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A change event holds invalid JSON", ex);
		}
	}

}
