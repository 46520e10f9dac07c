package org.fupin.pairing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Cypher of the pairing mutations: the facts validation needs, and the writes. */
@Repository
class PairingWriteRepository {

	/** Binds {@code n} to the place or organisation with the id {@code id}. */
	private static final String PARTY = Model.HELPER.findEnd("id", "id", "n");

	private final Neo4jClient neo4j;

	PairingWriteRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * What validation needs to know of a party.
	 *
	 * @param organisationKind null for a place
	 * @param placeCode the place itself, or where the organisation is registered
	 * @param region the region of the province of {@code placeCode}
	 */
	record PartyFacts(String id, String name, String organisationKind, String enterpriseType, String placeCode,
			String region, String assistanceProgram) {

		boolean isPlace() {
			return this.organisationKind == null;
		}

	}

	Map<String, PartyFacts> describe(Collection<String> ids) {
		Map<String, PartyFacts> facts = new HashMap<>();
		this.neo4j
			.query("""
					UNWIND $ids AS id
					%s
					WITH id, n, CASE WHEN n:Place THEN n.code ELSE head([(n)-[:LOCATED_IN]->(l:Place) | l.code]) END AS placeCode
					OPTIONAL MATCH (pr:Province {code: left(placeCode, 2)})
					RETURN id, n.name AS name, CASE WHEN n:Organisation THEN n.kind END AS kind,
					       n.enterpriseType AS enterpriseType, placeCode, pr.region AS region,
					       pr.assistanceProgram AS assistanceProgram"""
				.formatted(PARTY))
			.bind(List.copyOf(ids))
			.to("ids")
			.fetch()
			.all()
			.forEach((row) -> facts.put((String) row.get("id"),
					new PartyFacts((String) row.get("id"), (String) row.get("name"), (String) row.get("kind"),
							(String) row.get("enterpriseType"), (String) row.get("placeCode"),
							(String) row.get("region"), (String) row.get("assistanceProgram"))));
		return facts;
	}

	/**
	 * Takes the write lock of a party node until the transaction ends, so two concurrent
	 * mutations on the same recipient cannot both pass the duplicate and one-partner
	 * checks.
	 */
	void lock(String id) {
		this.neo4j.query("WITH $id AS id " + PARTY + " SET n._lock = true REMOVE n._lock").bind(id).to("id").run();
	}

	/** Active pairings of a program between exactly these two parties. */
	List<String> activeBetween(String program, String helperId, String recipientId, String excluding) {
		return List.copyOf(this.neo4j.query("""
				MATCH (p:Pairing {program: $program, status: 'ACTIVE'})-[:RECIPIENT]->(r)
				WHERE (r.code = $recipientId OR r.creditCode = $recipientId) AND p.id <> $excluding
				  AND EXISTS { MATCH (p)-[:HELPER]->(h) WHERE h.code = $helperId OR h.creditCode = $helperId }
				RETURN p.id ORDER BY p.id""")
			.bindAll(Map.of("program", program, "helperId", helperId, "recipientId", recipientId, "excluding",
					(excluding != null) ? excluding : ""))
			.fetchAs(String.class)
			.all());
	}

	/** Active east-west partners of a province that are not exceptions. */
	List<String> regularEasternPartners(String provinceCode, String excluding) {
		return List.copyOf(this.neo4j.query("""
				MATCH (:Province {code: $code})<-[:RECIPIENT]-(p:Pairing {program: 'EAST_WEST', status: 'ACTIVE'})
				WHERE p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR'] AND NOT coalesce(p.exception, false)
				  AND NOT coalesce(p.centralArrangement, false) AND p.id <> $excluding
				RETURN p.id ORDER BY p.id""")
			.bindAll(Map.of("code", provinceCode, "excluding", (excluding != null) ? excluding : ""))
			.fetchAs(String.class)
			.all());
	}

	/**
	 * Active provincial (or city) east-west pairs whose helper contains
	 * {@code helperCode} and whose recipient contains {@code recipientCode}, the most
	 * specific first.
	 */
	List<String> pairsCovering(String helperCode, String recipientCode) {
		return List.copyOf(this.neo4j.query("""
				MATCH (h:Place)<-[:HELPER]-(p:Pairing {program: 'EAST_WEST', status: 'ACTIVE'})-[:RECIPIENT]->(r:Place)
				WHERE p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR']
				  AND $helper STARTS WITH h.code AND $recipient STARTS WITH r.code
				RETURN p.id ORDER BY size(h.code) + size(r.code) DESC, p.id""")
			.bindAll(Map.of("helper", helperCode, "recipient", recipientCode))
			.fetchAs(String.class)
			.all());
	}

	/** All properties of a pairing, or null. */
	Map<String, Object> properties(String id) {
		return this.neo4j.query("MATCH (p:Pairing {id: $id}) RETURN p {.*} AS p")
			.bind(id)
			.to("id")
			.fetch()
			.one()
			.map((row) -> PairingRepository.map(row.get("p")))
			.orElse(null);
	}

	long activeChildren(String id) {
		return this.neo4j.query("MATCH (:Pairing {id: $id})<-[:UNDER]-(c:Pairing {status: 'ACTIVE'}) RETURN count(c)")
			.bind(id)
			.to("id")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	void create(Map<String, Object> properties, String helperId, String recipientId, String parentId) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("properties", properties);
		parameters.put("helperId", helperId);
		parameters.put("recipientId", recipientId);
		parameters.put("parentId", parentId);
		long created = this.neo4j
			.query("""
					%s
					%s
					CREATE (p:Pairing) SET p = $properties
					CREATE (p)-[:HELPER]->(h), (p)-[:RECIPIENT]->(r)
					WITH p
					OPTIONAL MATCH (u:Pairing {id: $parentId})
					FOREACH (parent IN CASE WHEN u IS NULL THEN [] ELSE [u] END | CREATE (p)-[:UNDER]->(parent))
					RETURN count(p)""".formatted(Model.HELPER.findEnd("", "$helperId", "h"),
					Model.RECIPIENT.findEnd("", "$recipientId", "r")))
			.bindAll(parameters)
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		if (created != 1) {
			throw new IllegalStateException("Pairing " + properties.get("id") + " was not created");
		}
	}

	void update(String id, Map<String, Object> properties) {
		this.neo4j.query("MATCH (p:Pairing {id: $id}) SET p += $properties")
			.bindAll(Map.of("id", id, "properties", properties))
			.run();
	}

}
