package org.fupin.pairing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fupin.graph.Locks;
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

	Map<String, PairingState.Party> describe(Collection<String> ids) {
		Map<String, PairingState.Party> facts = new HashMap<>();
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
					new PairingState.Party((String) row.get("id"), (String) row.get("name"), (String) row.get("kind"),
							(String) row.get("enterpriseType"), (String) row.get("placeCode"),
							(String) row.get("region"), (String) row.get("assistanceProgram"))));
		return facts;
	}

	/**
	 * What the rules of new pairings need to know for all of {@code inputs}, in one read
	 * per kind of fact; {@code existing} are the party ids that name a node.
	 */
	PairingState state(List<CreatePairingInput> inputs, Set<String> existing) {
		Set<String> ids = new HashSet<>();
		List<Map<String, Object>> triples = new ArrayList<>();
		List<Map<String, Object>> pairs = new ArrayList<>();
		Set<String> pairingIds = new HashSet<>();
		for (CreatePairingInput input : inputs) {
			if (input.helperId() == null || input.recipientId() == null) {
				continue;
			}
			ids.add(input.helperId());
			ids.add(input.recipientId());
			if (input.program() != null) {
				triples.add(Map.of("program", input.program().name(), "helper", input.helperId(), "recipient",
						input.recipientId()));
				if (input.kind() != null || (input.kinds() != null && !input.kinds().isEmpty())) {
					PairingKind kind = (input.kinds() != null && !input.kinds().isEmpty()) ? input.kinds().get(0)
							: input.kind();
					pairingIds.addAll(PairingRules.candidateIds(input.program(), kind, input.helperId(),
							input.recipientId(), input.startDate()));
				}
			}
			pairs.add(Map.of("helper", input.helperId(), "recipient", input.recipientId()));
			if (input.parentId() != null) {
				pairingIds.add(input.parentId());
			}
		}
		Map<String, PairingState.Party> parties = describe(ids);
		Map<String, List<String>> between = new HashMap<>();
		this.neo4j.query("""
				UNWIND $triples AS t
				MATCH (p:Pairing {program: t.program, status: 'ACTIVE'})-[:RECIPIENT]->(r)
				WHERE (r.code = t.recipient OR r.creditCode = t.recipient)
				  AND EXISTS { MATCH (p)-[:HELPER]->(h) WHERE h.code = t.helper OR h.creditCode = t.helper }
				WITH t, p.id AS id ORDER BY id
				RETURN t.program AS program, t.helper AS helper, t.recipient AS recipient, collect(id) AS ids""")
			.bind(triples)
			.to("triples")
			.fetch()
			.all()
			.forEach((row) -> between.put(PairingState.between((String) row.get("program"), (String) row.get("helper"),
					(String) row.get("recipient")), strings(row.get("ids"))));
		Map<String, List<String>> covering = new HashMap<>();
		this.neo4j.query("""
				UNWIND $pairs AS t
				MATCH (h:Place)<-[:HELPER]-(p:Pairing {program: 'EAST_WEST', status: 'ACTIVE'})-[:RECIPIENT]->(r:Place)
				WHERE p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR']
				  AND t.helper STARTS WITH h.code AND t.recipient STARTS WITH r.code
				WITH t, p.id AS id ORDER BY size(h.code) + size(r.code) DESC, id
				RETURN t.helper AS helper, t.recipient AS recipient, collect(id) AS ids""")
			.bind(pairs)
			.to("pairs")
			.fetch()
			.all()
			.forEach((row) -> covering.put(PairingState.pair((String) row.get("helper"), (String) row.get("recipient")),
					strings(row.get("ids"))));
		Set<String> provinces = new HashSet<>();
		parties.values()
			.stream()
			.filter((party) -> party.placeCode() != null && party.placeCode().length() >= 2)
			.forEach((party) -> provinces.add(party.placeCode().substring(0, 2)));
		Map<String, List<String>> partners = new HashMap<>();
		this.neo4j.query("""
				UNWIND $codes AS code
				MATCH (:Province {code: code})<-[:RECIPIENT]-(p:Pairing {program: 'EAST_WEST', status: 'ACTIVE'})
				WHERE p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR'] AND NOT coalesce(p.exception, false)
				  AND NOT coalesce(p.centralArrangement, false)
				WITH code, p.id AS id ORDER BY id
				RETURN code, collect(id) AS ids""")
			.bind(List.copyOf(provinces))
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> partners.put((String) row.get("code"), strings(row.get("ids"))));
		Set<String> found = new HashSet<>(this.neo4j.query("MATCH (p:Pairing) WHERE p.id IN $ids RETURN p.id")
			.bind(List.copyOf(pairingIds))
			.to("ids")
			.fetchAs(String.class)
			.all());
		return new PairingState(Set.copyOf(existing), parties, between, covering, partners, found);
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

	/**
	 * Takes the write lock of a party node until the transaction ends, so two concurrent
	 * mutations on the same recipient cannot both pass the duplicate and one-partner
	 * checks.
	 */
	void lock(String id) {
		this.neo4j.query("WITH $id AS id " + PARTY + " " + Locks.writeLock("n")).bind(id).to("id").run();
	}

	/**
	 * Takes the write lock of a pairing until the transaction ends, so that what a writer
	 * reads of it afterwards stays true until it commits: two amendments, an amendment
	 * and its ending, or an ending and a new pairing under it, one after the other; and
	 * two writers of the same pairing's figures ({@link PairingResultsService}) or staff
	 * ({@link StaffingService}) one after the other, each seeing what the other wrote.
	 */
	void lockPairing(String id) {
		this.neo4j.query("MATCH (p:Pairing {id: $id}) " + Locks.writeLock("p")).bind(id).to("id").run();
	}

	/**
	 * Takes the write locks of many pairings as {@link #lockPairing} takes one, in the
	 * order of their ids, so two writers of overlapping sets cannot deadlock.
	 */
	void lockPairings(Collection<String> ids) {
		for (String id : new TreeSet<>(ids)) {
			lockPairing(id);
		}
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

	/** The pairings with these ids, as a ledger row compares with them, by id. */
	Map<String, PairingWriteService.StoredPairing> stored(Collection<String> ids) {
		Map<String, PairingWriteService.StoredPairing> found = new HashMap<>();
		this.neo4j.query("""
				MATCH (p:Pairing) WHERE p.id IN $ids
				RETURN p {.id, .program, .kind, .startDate, .endDate, .status, .exception, .exceptionReason,
				  .investment,
				  helperId: head([(p)-[:HELPER]->(h) | coalesce(h.code, h.creditCode)]),
				  recipientId: head([(p)-[:RECIPIENT]->(r) | coalesce(r.code, r.creditCode)]),
				  .helperPlace, .recipientPlace,
				  parentId: head([(p)-[:UNDER]->(u) | u.id])} AS p""")
			.bind(List.copyOf(ids))
			.to("ids")
			.fetch()
			.all()
			.forEach((row) -> {
				Map<String, Object> p = PairingRepository.map(row.get("p"));
				found.put((String) p.get("id"), new PairingWriteService.StoredPairing((String) p.get("id"),
						PairingProgram.valueOf((String) p.get("program")), PairingKind.valueOf((String) p.get("kind")),
						(String) p.get("helperId"), (String) p.get("recipientId"), (String) p.get("parentId"),
						(java.time.LocalDate) p.get("startDate"), (java.time.LocalDate) p.get("endDate"),
						PairingStatus.valueOf((String) p.get("status")), Boolean.TRUE.equals(p.get("exception")),
						(String) p.get("exceptionReason"),
						(p.get("investment") instanceof Number n) ? Long.valueOf(n.longValue()) : null,
						(String) p.get("recipientPlace"), (String) p.get("helperPlace")));
			});
		return found;
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

	/** The years the pairing has figures recorded for, in order. */
	List<Long> resultYears(String id) {
		return List.copyOf(this.neo4j.query(
				"MATCH (:Pairing {id: $id})<-[:RESULT_OF]-(r:PairingResult) RETURN DISTINCT r.year AS year ORDER BY year")
			.bind(id)
			.to("id")
			.fetchAs(Long.class)
			.all());
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
					%s
					WITH p
					OPTIONAL MATCH (u:Pairing {id: $parentId})
					FOREACH (parent IN CASE WHEN u IS NULL THEN [] ELSE [u] END | CREATE (p)-[:UNDER]->(parent))
					RETURN count(p)""".formatted(Model.HELPER.findEnd("", "$helperId", "h"),
					Model.RECIPIENT.findEnd("", "$recipientId", "r"), PairingPlaces.SET))
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
