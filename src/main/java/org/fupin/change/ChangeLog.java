package org.fupin.change;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends change events: {@code (:ChangeEvent)-[:CHANGED]->(subject)}. It joins the
 * caller's transaction (and refuses to run without one), so a change and its record are
 * written together or not at all. Events are never updated or deleted.
 */
@Component
public class ChangeLog {

	/** Label and key are identifiers of the model (checked), never user input. */
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Za-z]*|[a-z][A-Za-z]*");

	private static final String APPEND = """
			MATCH (s:%s {%s: $subjectId})
			CREATE (e:ChangeEvent {id: $id, at: $at, actor: $actor, operation: $operation,
			                       subjectType: $label, subjectId: $subjectId, before: $before, after: $after})
			CREATE (e)-[:CHANGED]->(s)
			RETURN count(e)""";

	private static final String APPEND_UNLINKED = """
			CREATE (e:ChangeEvent {id: $id, at: $at, actor: $actor, operation: $operation,
			                       subjectType: $label, subjectId: $subjectId, before: $before, after: $after})""";

	private static final String APPEND_ALL = """
			UNWIND $events AS event
			MATCH (s:%s {%s: event.subjectId})
			CREATE (e:ChangeEvent {id: event.id, at: $at, actor: $actor, operation: event.operation,
			                       subjectType: $label, subjectId: event.subjectId, before: event.before,
			                       after: event.after})
			CREATE (e)-[:CHANGED]->(s)
			RETURN count(e)""";

	private final Neo4jClient neo4j;

	private final ObjectMapper json;

	ChangeLog(Neo4jClient neo4j, ObjectMapper json) {
		this.neo4j = neo4j;
		this.json = json;
	}

	/**
	 * Records a change of the node labelled {@code subjectLabel} whose property
	 * {@code subjectKey} is {@code subjectId}.
	 * @param before values before the change, or null for a creation
	 * @param after values after the change
	 * @throws IllegalStateException if no such node exists (a bug of the caller: it has
	 * just written it)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ChangeEvent record(ChangeOperation operation, String subjectLabel, String subjectKey, String subjectId,
			Map<String, Object> before, Map<String, Object> after, String actor) {
		ChangeEvent event = new ChangeEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), actor,
				operation, subjectLabel, subjectId, before, after);
		if (!IDENTIFIER.matcher(subjectLabel).matches() || !IDENTIFIER.matcher(subjectKey).matches()) {
			throw new IllegalArgumentException("Not a label and key of the model: " + subjectLabel + "." + subjectKey);
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("label", subjectLabel);
		parameters.put("subjectId", subjectId);
		parameters.put("id", event.id());
		parameters.put("at", event.at());
		parameters.put("actor", actor);
		parameters.put("operation", operation.name());
		parameters.put("before", text(before));
		parameters.put("after", text(after));
		long created = this.neo4j.query(APPEND.formatted(subjectLabel, subjectKey))
			.bindAll(parameters)
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		if (created != 1) {
			throw new IllegalStateException(
					"No " + subjectLabel + " with " + subjectKey + " = " + subjectId + " to record a change of");
		}
		return event;
	}

	/** One change of many recorded together by {@link #recordAll}. */
	public record Change(ChangeOperation operation, String subjectId, Map<String, Object> before,
			Map<String, Object> after) {
	}

	/**
	 * Records many changes of nodes labelled {@code subjectLabel} by one actor at one
	 * time in one statement, as {@link #record} records one: for a ledger's rows.
	 * @throws IllegalStateException if a subject does not exist
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(String subjectLabel, String subjectKey, List<Change> changes, String actor) {
		if (changes.isEmpty()) {
			return;
		}
		if (!IDENTIFIER.matcher(subjectLabel).matches() || !IDENTIFIER.matcher(subjectKey).matches()) {
			throw new IllegalArgumentException("Not a label and key of the model: " + subjectLabel + "." + subjectKey);
		}
		List<Map<String, Object>> events = new ArrayList<>(changes.size());
		for (Change change : changes) {
			Map<String, Object> event = new HashMap<>();
			event.put("id", UUID.randomUUID().toString());
			event.put("operation", change.operation().name());
			event.put("subjectId", change.subjectId());
			event.put("before", text(change.before()));
			event.put("after", text(change.after()));
			events.add(event);
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("label", subjectLabel);
		parameters.put("at", OffsetDateTime.now(ZoneOffset.UTC));
		parameters.put("actor", actor);
		parameters.put("events", events);
		long created = this.neo4j.query(APPEND_ALL.formatted(subjectLabel, subjectKey))
			.bindAll(parameters)
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		if (created != changes.size()) {
			throw new IllegalStateException("Recorded " + created + " of " + changes.size() + " changes of "
					+ subjectLabel + ": a subject does not exist");
		}
	}

	/**
	 * Records an attempt on a subject that does not exist, such as a sign-in with an
	 * unknown account name: the event names the subject but links to nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ChangeEvent recordWithoutSubject(ChangeOperation operation, String subjectLabel, String subjectId,
			Map<String, Object> after, String actor) {
		ChangeEvent event = new ChangeEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), actor,
				operation, subjectLabel, subjectId, null, after);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("label", subjectLabel);
		parameters.put("subjectId", subjectId);
		parameters.put("id", event.id());
		parameters.put("at", event.at());
		parameters.put("actor", actor);
		parameters.put("operation", operation.name());
		parameters.put("before", null);
		parameters.put("after", text(after));
		this.neo4j.query(APPEND_UNLINKED).bindAll(parameters).run();
		return event;
	}

	private String text(Map<String, Object> values) {
		if (values == null) {
			return null;
		}
		try {
			return this.json.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Change values are not serialisable as JSON", ex);
		}
	}

}
