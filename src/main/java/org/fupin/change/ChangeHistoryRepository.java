package org.fupin.change;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.graphql.Keyset;
import org.fupin.graphql.PageQuery;
import org.fupin.graphql.PageRequest;
import org.fupin.graphql.Rows;
import org.fupin.graphql.SortKey;
import org.fupin.neo4j.CypherStatement;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/**
 * Reads of the change history, newest first. Dynamic parts of the Cypher are chosen from
 * fixed fragments; every value is a parameter.
 */
@Repository
class ChangeHistoryRepository {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	/** Newest first; the id breaks ties between events of the same instant. */
	static final Keyset<ChangeEvent> EVENTS = Keyset.of("changes", SortKey.time("at", "e.at", ChangeEvent::at).desc(),
			SortKey.text("id", "e.id", ChangeEvent::id).desc());

	private final SingleStatementReads reads;

	private final ObjectMapper json;

	ChangeHistoryRepository(SingleStatementReads reads, ObjectMapper json) {
		this.reads = reads;
		this.json = json;
	}

	/** A page of the events matching the filter, and their count when asked for. */
	Rows<ChangeEvent> find(ChangeFilter filter, PageRequest page, boolean withTotal) {
		Map<String, Object> parameters = new HashMap<>();
		String match = match(filter, conditions(filter, parameters)) + " WITH e";
		return new PageQuery(match, EVENTS, "e {.*}").fetch(this.reads::rows, page, withTotal, parameters,
				(e) -> event(Map.of("event", e)));
	}

	/** The events matching the filter, bound to {@code e}, ending in {@code WITH e}. */
	CypherStatement selection(ChangeFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return new CypherStatement(match(filter, conditions(filter, parameters)) + " WITH e", parameters);
	}

	/** The events of many subjects of one type, a page each, in one query. */
	Map<String, Rows<ChangeEvent>> findBySubjects(String subjectType, ChangeHistoryService.SubjectPage shape,
			Collection<String> subjectIds) {
		PageQuery query = new PageQuery("MATCH (e:ChangeEvent {subjectId: parent, subjectType: $subjectType}) WITH e",
				EVENTS, "e {.*}");
		return query.fetch(this.reads::rows, subjectIds, shape.page(), shape.withTotal(),
				Map.of("subjectType", subjectType), (id, e) -> event(Map.of("event", e)));
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
