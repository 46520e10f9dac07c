package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;
import org.fupin.graphql.PageQuery;
import org.fupin.graphql.Rows;
import org.fupin.money.Money;
import org.fupin.neo4j.CypherStatement;
import org.fupin.neo4j.SingleStatementReads;
import org.fupin.party.Organisation;
import org.fupin.party.PartyRows;
import org.fupin.place.Place;
import org.fupin.place.PlaceRows;

import org.springframework.stereotype.Repository;

/**
 * Lean Cypher for pairing reads. Dynamic parts are fixed fragments chosen in Java; every
 * value is a parameter.
 */
@Repository
class PairingRepository {

	private final SingleStatementReads reads;

	PairingRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	/**
	 * The helper and recipient of pairing {@code p} as the party loader reads them, by
	 * kind (the declared ends of {@code HELPER} and {@code RECIPIENT}: places and
	 * organisations), beside the pairing's own projection.
	 */
	private static final String WITH_PARTIES = """
			{pairing: %s,
			 organisations: [(p)-[:HELPER|RECIPIENT]->(o:Organisation) | %s],
			 places: [(p)-[:HELPER|RECIPIENT]->(x:Place) | %s]}""".formatted(Pairing.PROJECTION, PartyRows.ORGANISATION,
			PlaceRows.projectionOf("x"));

	/** Loads the same list under each anchor with one query. */
	Map<String, Rows<Pairing>> findPages(PairingListKey shape, Collection<String> anchors) {
		return findPages(shape, anchors, null);
	}

	/**
	 * As {@link #findPages(PairingListKey, Collection)}, and puts the helper and
	 * recipient of every pairing read into {@code parties} by id, still in one query.
	 */
	Map<String, Rows<Pairing>> findPages(PairingListKey shape, Collection<String> anchors,
			Map<String, Object> parties) {
		Map<String, Object> parameters = new HashMap<>();
		String match = """
				WITH parent AS anchor
				%s
				WITH p WHERE %s
				WITH p""".formatted(shape.scope().source(), conditions(shape.filter(), parameters));
		// Anchored lists (a province's pairings and below) are small enough to count in
		// the same pass as their page; the whole country's is counted apart.
		String projection = (parties != null) ? WITH_PARTIES : Pairing.PROJECTION;
		PageQuery query = (shape.scope() != PairingScope.ALL)
				? PageQuery.counted(match, PairingCursor.PAIRINGS, projection, "p")
				: new PageQuery(match, PairingCursor.PAIRINGS, projection);
		return query.fetch(this.reads::rows, anchors, shape.page(), shape.withTotal(), parameters,
				(anchor, p) -> (parties != null) ? withParties(map(p), parties) : Pairing.from(map(p)));
	}

	private static Pairing withParties(Map<String, Object> row, Map<String, Object> parties) {
		for (Object value : (List<?>) row.get("organisations")) {
			Organisation organisation = PartyRows.organisation(map(value));
			parties.put(organisation.creditCode(), organisation);
		}
		for (Object value : (List<?>) row.get("places")) {
			Place place = PlaceRows.place(map(value));
			parties.put(place.code(), place);
		}
		return Pairing.from(map(row.get("pairing")));
	}

	/** Every pairing the filter selects, bound to {@code p}, ending in {@code WITH p}. */
	CypherStatement selection(PairingFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		String conditions = conditions(filter, parameters);
		return new CypherStatement(PairingScope.ALL.source() + " WITH p WHERE " + conditions + " WITH p", parameters);
	}

	/** The WHERE conditions of a filter on {@code p}; always at least {@code true}. */
	private static String conditions(PairingFilter filter, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		conditions.add("true");
		if (filter.programs() != null) {
			conditions.add("p.program IN $programs");
			parameters.put("programs", filter.programs().stream().map(Enum::name).toList());
		}
		if (filter.kinds() != null) {
			conditions.add("p.kind IN $kinds");
			parameters.put("kinds", filter.kinds().stream().map(Enum::name).toList());
		}
		if (filter.status() != null) {
			conditions.add("p.status = $status");
			parameters.put("status", filter.status().name());
		}
		if (filter.activeOn() != null) {
			conditions.add(Model.PAIRING.period().currentOn("p", "$activeOn"));
			parameters.put("activeOn", filter.activeOn());
		}
		party(conditions, parameters, filter.helperId(), "HELPER", "helperId", "helperPlace");
		party(conditions, parameters, filter.recipientId(), "RECIPIENT", "recipientId", "recipientPlace");
		return String.join(" AND ", conditions);
	}

	/**
	 * The condition that the party of {@code type} is the organisation {@code id}, or
	 * lies at or below the place {@code id} by the pairing's own {@code place} code.
	 */
	private static void party(List<String> conditions, Map<String, Object> parameters, String id, String type,
			String name, String place) {
		if (id == null) {
			return;
		}
		parameters.put(name, id);
		if (PairingFilter.isCreditCode(id)) {
			conditions.add("EXISTS { (p)-[:%s]->(:Organisation {creditCode: $%s}) }".formatted(type, name));
		}
		else {
			conditions.add("p.%s STARTS WITH $%s".formatted(place, name));
		}
	}

	Map<String, Pairing> findByIds(Collection<String> ids) {
		Map<String, Pairing> pairings = new HashMap<>();
		this.reads
			.rows("MATCH (p:Pairing) WHERE p.id IN $ids RETURN " + Pairing.PROJECTION + " AS pairing",
					Map.of("ids", List.copyOf(ids)))
			.forEach((row) -> {
				Pairing pairing = Pairing.from(map(row.get("pairing")));
				pairings.put(pairing.id(), pairing);
			});
		return pairings;
	}

	/** A page of the people staffed on each pairing, by pairing id. */
	Map<String, Rows<PairingStaff>> findStaff(StaffKey shape, Collection<String> ids) {
		PageQuery query = new PageQuery("""
				MATCH (:Pairing {id: parent})-[s:STAFFED_BY]->(person:Person)
				WITH s, person""", PairingCursor.STAFF, """
				{personId: person.personId, name: person.name, role: s.role, startDate: s.startDate,
				 endDate: s.endDate}""");
		return query.fetch(this.reads::rows, ids, shape.page(), shape.withTotal(), Map.of(), (id, row) -> {
			Map<String, Object> m = map(row);
			return new PairingStaff((String) m.get("personId"), (String) m.get("name"), (String) m.get("role"),
					(LocalDate) m.get("startDate"), (LocalDate) m.get("endDate"));
		});
	}

	/**
	 * Loads a page of the projects, funds or assets of each pairing with one query; rows
	 * are the projections of {@link PairingFlow}. Assets are those at or below the key's
	 * scope, when it has one.
	 */
	Map<String, Rows<Map<String, Object>>> findFlows(FlowKey shape, Collection<String> ids) {
		PairingFlow flow = shape.flow();
		String match = flow.match() + "\nWITH DISTINCT x";
		Map<String, Object> parameters = Map.of();
		if (shape.scope() != null) {
			match += " WHERE x.placeCode STARTS WITH $scope\nWITH x";
			parameters = Map.of("scope", shape.scope());
		}
		PageQuery query = new PageQuery(match, PairingCursor.flow(flow), flow.projection());
		return query.fetch(this.reads::rows, ids, shape.page(), shape.withTotal(), parameters,
				(id, item) -> amounts(map(item)));
	}

	/** Amounts of a flow row, stored in fen, as {@link Money}. */
	private static Map<String, Object> amounts(Map<String, Object> item) {
		Map<String, Object> typed = new HashMap<>(item);
		for (String key : List.of("fundedAmount", "originalValue")) {
			if (typed.get(key) instanceof Number fen) {
				typed.put(key, Money.ofFen(fen.longValue()));
			}
		}
		return typed;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
