package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people staffed on pairings ({@code (:Pairing)-[:STAFFED_BY]->(:Person)}, 驻村干部台账):
 * the state {@link StaffingRules} judge, read for a batch of rows at once, and the writes
 * of the rows that keep them, a change event each.
 */
@Service
@Transactional(readOnly = true)
public class StaffingService {

	private static final String LABEL = "Pairing";

	private final Neo4jClient neo4j;

	private final PairingWriteRepository pairings;

	private final ChangeLog changes;

	StaffingService(Neo4jClient neo4j, PairingWriteRepository pairings, ChangeLog changes) {
		this.neo4j = neo4j;
		this.pairings = pairings;
		this.changes = changes;
	}

	/**
	 * What the rules need to know for all of {@code rows}: one read per kind of fact.
	 */
	public StaffingRules.State state(Collection<StaffingRules.StaffRow> rows) {
		Set<String> pairingIds = new HashSet<>();
		Set<String> personIds = new HashSet<>();
		Set<String> organisations = new HashSet<>();
		for (StaffingRules.StaffRow row : rows) {
			if (row.pairingId() != null) {
				pairingIds.add(row.pairingId());
			}
			if (row.personId() != null) {
				personIds.add(row.personId());
			}
			if (row.organisationCode() != null) {
				organisations.add(row.organisationCode());
			}
		}
		Map<String, StaffingRules.PairingTerm> pairings = new HashMap<>();
		Map<String, List<StaffingRules.Term>> terms = new HashMap<>();
		this.neo4j.query("""
				MATCH (p:Pairing) WHERE p.id IN $ids
				RETURN p.id AS id, p.program AS program, p.startDate AS startDate, p.endDate AS endDate,
				  p.recipientPlace AS place,
				  [(p)-[s:STAFFED_BY]->(x:Person) WHERE x.personId IN $persons
				     | {personId: x.personId, startDate: s.startDate, endDate: s.endDate}] AS terms""")
			.bindAll(Map.of("ids", List.copyOf(pairingIds), "persons", List.copyOf(personIds)))
			.fetch()
			.all()
			.forEach((row) -> {
				String id = (String) row.get("id");
				pairings.put(id, new StaffingRules.PairingTerm(id, (String) row.get("program"),
						(String) row.get("place"), (LocalDate) row.get("startDate"), (LocalDate) row.get("endDate")));
				for (Object one : (List<?>) row.get("terms")) {
					Map<String, Object> term = PairingRepository.map(one);
					terms
						.computeIfAbsent(StaffingRules.State.key(id, (String) term.get("personId")),
								(k) -> new ArrayList<>())
						.add(new StaffingRules.Term((LocalDate) term.get("startDate"),
								(LocalDate) term.get("endDate")));
				}
			});
		Set<String> persons = new HashSet<>(
				this.neo4j.query("MATCH (x:Person) WHERE x.personId IN $ids RETURN x.personId")
					.bind(List.copyOf(personIds))
					.to("ids")
					.fetchAs(String.class)
					.all());
		Set<String> found = new HashSet<>(
				this.neo4j.query("MATCH (o:Organisation) WHERE o.creditCode IN $codes RETURN o.creditCode")
					.bind(List.copyOf(organisations))
					.to("codes")
					.fetchAs(String.class)
					.all());
		return new StaffingRules.State(pairings, persons, found, terms);
	}

	/** The roles of the terms the rows name, by pairing, person and start date. */
	public Map<String, String> roles(Collection<StaffingRules.StaffRow> rows) {
		List<Map<String, Object>> keys = rows.stream()
			.filter((row) -> row.pairingId() != null && row.personId() != null && row.startDate() != null)
			.map((row) -> Map.<String, Object>of("pairingId", row.pairingId(), "personId", row.personId(), "startDate",
					row.startDate()))
			.toList();
		Map<String, String> roles = new HashMap<>();
		this.neo4j
			.query("""
					UNWIND $keys AS key
					MATCH (:Pairing {id: key.pairingId})-[s:STAFFED_BY {startDate: key.startDate}]->(:Person {personId: key.personId})
					RETURN key.pairingId AS pairingId, key.personId AS personId, s.startDate AS startDate, s.role AS role""")
			.bind(keys)
			.to("keys")
			.fetch()
			.all()
			.forEach((row) -> roles.put(termKey((String) row.get("pairingId"), (String) row.get("personId"),
					(LocalDate) row.get("startDate")), (String) row.get("role")));
		return roles;
	}

	/** The key of {@link #roles}. */
	public static String termKey(String pairingId, String personId, LocalDate startDate) {
		return pairingId + "|" + personId + "|" + startDate;
	}

	/**
	 * Takes the write locks of the pairings, in order, until the transaction ends, so two
	 * writers of one pairing's staff run one after the other.
	 */
	@Transactional
	public void lock(Collection<String> pairingIds) {
		this.pairings.lockPairings(pairingIds);
	}

	/**
	 * A row that kept the rules: a new term, or a stored term (same pairing, person and
	 * start) with a new end or role; {@code before} is the stored term's role and end, or
	 * null for a new one.
	 */
	public record Staffed(StaffingRules.StaffRow row, boolean newPerson, Map<String, Object> before,
			Map<String, Object> note) {
	}

	/**
	 * Writes the terms, creating the people the register does not hold yet (with the
	 * organisation that sends them), a change event each on the pairing.
	 */
	@Transactional
	public void writeAll(List<Staffed> all, String actor) {
		if (all.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		List<ChangeLog.Change> events = new ArrayList<>();
		for (Staffed staffed : all) {
			StaffingRules.StaffRow row = staffed.row();
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("pairingId", row.pairingId());
			parameters.put("personId", row.personId());
			parameters.put("name", row.name());
			parameters.put("role", row.role());
			parameters.put("organisationCode", row.organisationCode());
			parameters.put("startDate", row.startDate());
			parameters.put("endDate", row.endDate());
			parameters.put("newPerson", staffed.newPerson());
			rows.add(parameters);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("personId", row.personId());
			after.put("role", row.role());
			after.put("startDate", row.startDate());
			after.put("endDate", row.endDate());
			if (staffed.newPerson()) {
				after.put("organisationCode", row.organisationCode());
			}
			after.putAll(staffed.note());
			events.add(new ChangeLog.Change(ChangeOperation.STAFF_PAIRING, row.pairingId(), staffed.before(), after));
		}
		long written = this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (p:Pairing {id: row.pairingId})
				CALL (row) {
				  WITH row WHERE row.newPerson
				  CREATE (x:Person {personId: row.personId, name: row.name, role: row.role, illustrative: false})
				  WITH row, x
				  OPTIONAL MATCH (o:Organisation {creditCode: row.organisationCode})
				  FOREACH (unit IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (x)-[:WORKS_FOR]->(unit))
				}
				MATCH (x:Person {personId: row.personId})
				MERGE (p)-[s:STAFFED_BY {startDate: row.startDate}]->(x)
				SET s.role = row.role, s.endDate = row.endDate
				RETURN count(s)""").bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
		if (written != rows.size()) {
			throw new IllegalStateException("Wrote " + written + " of " + rows.size() + " terms of staff");
		}
		this.changes.recordAll(LABEL, "id", events, actor);
	}

}
