package org.fupin.pairing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Cypher of the yearly results of pairings:
 * {@code (:PairingResult)-[:RESULT_OF]->(:Pairing)}, one node per pairing, year and
 * recorded indicator, and the graph the derived figures are counted from.
 */
@Repository
class PairingResultsRepository {

	/**
	 * Per pairing and year: the recorded figures, what the year's funds through the
	 * pairing paid to projects, and the distinct people staffed on it during the year.
	 */
	private static final String FIGURES = """
			UNWIND $keys AS key
			MATCH (p:Pairing {id: key.id})
			CALL (p, key) {
			  OPTIONAL MATCH (p)<-[:THROUGH]-(f:FundSource {year: key.year})-[x:FUNDED]->(:Project)
			  RETURN coalesce(sum(x.amount), 0) AS funds
			}
			CALL (p, key) {
			  OPTIONAL MATCH (p)-[s:STAFFED_BY]->(person:Person)
			  WHERE s.startDate <= date({year: key.year, month: 12, day: 31})
			    AND (s.endDate IS NULL OR s.endDate >= date({year: key.year, month: 1, day: 1}))
			  RETURN count(DISTINCT person) AS staff
			}
			RETURN key.id AS id, key.year AS year, p.program AS program, funds, staff,
			       [(p)<-[:RESULT_OF]-(r:PairingResult {year: key.year}) |
			          r {.indicator, .target, .actual, .source, .illustrative, .correctionReason}] AS recorded""";

	/**
	 * Pairings with any figure in the year and the place their recipient lies at (its own
	 * code, or where a recipient organisation is located): those with a recorded figure,
	 * with funds of the year paid through them, or with people staffed during the year on
	 * a program that counts them.
	 */
	private static final String REPORTING = """
			CALL () {
			  MATCH (:PairingResult {year: $year})-[:RESULT_OF]->(p:Pairing) RETURN p
			  UNION
			  MATCH (:FundSource {year: $year})-[:THROUGH]->(p:Pairing) RETURN p
			  UNION
			  MATCH (p:Pairing)-[s:STAFFED_BY]->(:Person)
			  WHERE p.program IN $staffPrograms AND s.startDate <= $yearEnd
			    AND (s.endDate IS NULL OR s.endDate >= $yearStart)
			  RETURN p
			}
			WITH p WHERE p.recipientPlace STARTS WITH $place
			RETURN p.id AS id, p.recipientPlace AS place""";

	private final Neo4jClient neo4j;

	PairingResultsRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/** A pairing and year as read: the raw numbers figures are made of. */
	record Raw(String id, int year, PairingProgram program, long funds, long staff,
			Map<PairingIndicator, Map<String, Object>> recorded) {
	}

	record Key(String id, int year) {
	}

	Map<Key, Raw> raw(Collection<Key> keys) {
		List<Map<String, Object>> parameters = keys.stream()
			.map((key) -> Map.<String, Object>of("id", key.id(), "year", (long) key.year()))
			.toList();
		Map<Key, Raw> found = new HashMap<>();
		this.neo4j.query(FIGURES).bind(parameters).to("keys").fetch().all().forEach((row) -> {
			Map<PairingIndicator, Map<String, Object>> recorded = new LinkedHashMap<>();
			for (Object figure : (List<?>) row.get("recorded")) {
				Map<String, Object> values = PairingRepository.map(figure);
				recorded.put(PairingIndicator.valueOf((String) values.get("indicator")), values);
			}
			Key key = new Key((String) row.get("id"), ((Number) row.get("year")).intValue());
			found.put(key, new Raw(key.id(), key.year(), PairingProgram.valueOf((String) row.get("program")),
					((Number) row.get("funds")).longValue(), ((Number) row.get("staff")).longValue(), recorded));
		});
		return found;
	}

	/**
	 * The pairings under each of {@code ids}, at any depth, the pairing itself included.
	 */
	Map<String, List<String>> withDescendants(Collection<String> ids) {
		Map<String, List<String>> found = new HashMap<>();
		this.neo4j.query("""
				UNWIND $ids AS id
				MATCH (p:Pairing {id: id})
				RETURN id, [id] + [(p)<-[:UNDER*1..3]-(c:Pairing) | c.id] AS ids""")
			.bind(List.copyOf(ids))
			.to("ids")
			.fetch()
			.all()
			.forEach((row) -> found.put((String) row.get("id"),
					((List<?>) row.get("ids")).stream().map(String::valueOf).distinct().toList()));
		return found;
	}

	/**
	 * Pairing id to recipient place code, for the pairings with figures in the year below
	 * {@code place}.
	 */
	Map<String, String> reporting(String place, int year, List<String> staffPrograms) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("place", place);
		parameters.put("year", (long) year);
		parameters.put("staffPrograms", staffPrograms);
		parameters.put("yearStart", LocalDate.of(year, 1, 1));
		parameters.put("yearEnd", LocalDate.of(year, 12, 31));
		Map<String, String> found = new HashMap<>();
		this.neo4j.query(REPORTING)
			.bindAll(parameters)
			.fetch()
			.all()
			.forEach((row) -> found.put((String) row.get("id"), (String) row.get("place")));
		return found;
	}

	/** The pairing's program and term, or null when no pairing has the id. */
	Map<String, Object> pairing(String id) {
		return this.neo4j
			.query("MATCH (p:Pairing {id: $id}) RETURN p {.id, .program, .startDate, .endDate, .status} AS p")
			.bind(id)
			.to("id")
			.fetch()
			.one()
			.map((row) -> PairingRepository.map(row.get("p")))
			.orElse(null);
	}

	/** Where the pairing's recipient lies: its own code, or where it is located. */
	String recipientPlace(String id) {
		return this.neo4j.query("""
				MATCH (p:Pairing {id: $id}) WHERE p.recipientPlace IS NOT NULL
				RETURN p.recipientPlace""").bind(id).to("id").fetchAs(String.class).one().orElse(null);
	}

	/**
	 * For each pairing and year: the pairing's program and term, where its recipient lies
	 * and the figures recorded for the year; pairings that do not exist are left out.
	 */
	Map<PairingResultsService.PairingYear, PairingResultsService.YearState> states(
			Collection<PairingResultsService.PairingYear> keys) {
		List<Map<String, Object>> parameters = keys.stream()
			.map((key) -> Map.<String, Object>of("id", key.pairingId(), "year", (long) key.year()))
			.toList();
		Map<PairingResultsService.PairingYear, PairingResultsService.YearState> found = new HashMap<>();
		this.neo4j
			.query("""
					UNWIND $keys AS key
					MATCH (p:Pairing {id: key.id})
					RETURN key.id AS id, key.year AS year, p.program AS program, p.startDate AS startDate,
					  p.endDate AS endDate,
					  p.recipientPlace AS place,
					  [(p)<-[:RESULT_OF]-(r:PairingResult {year: key.year}) | r {.indicator, .target, .actual}] AS recorded""")
			.bind(parameters)
			.to("keys")
			.fetch()
			.all()
			.forEach((row) -> {
				Map<PairingIndicator, PairingResultRules.Recorded> recorded = new LinkedHashMap<>();
				for (Object figure : (List<?>) row.get("recorded")) {
					Map<String, Object> values = PairingRepository.map(figure);
					recorded.put(PairingIndicator.valueOf((String) values.get("indicator")),
							new PairingResultRules.Recorded(number(values.get("target")),
									number(values.get("actual"))));
				}
				String id = (String) row.get("id");
				int year = ((Number) row.get("year")).intValue();
				found.put(new PairingResultsService.PairingYear(id, year),
						new PairingResultsService.YearState(
								new PairingResultRules.State(id, PairingProgram.valueOf((String) row.get("program")),
										(LocalDate) row.get("startDate"), (LocalDate) row.get("endDate"), recorded),
								(String) row.get("place")));
			});
		return found;
	}

	/** The recorded figures of a pairing's year, by indicator. */
	Map<PairingIndicator, PairingResultRules.Recorded> recorded(String id, int year) {
		Map<PairingIndicator, PairingResultRules.Recorded> found = new LinkedHashMap<>();
		this.neo4j.query("""
				MATCH (:Pairing {id: $id})<-[:RESULT_OF]-(r:PairingResult {year: $year})
				RETURN r.indicator AS indicator, r.target AS target, r.actual AS actual""")
			.bindAll(Map.of("id", id, "year", (long) year))
			.fetch()
			.all()
			.forEach((row) -> found.put(PairingIndicator.valueOf((String) row.get("indicator")),
					new PairingResultRules.Recorded(number(row.get("target")), number(row.get("actual")))));
		return found;
	}

	/**
	 * Writes figures of a pairing's year: each row has {@code indicator}, {@code target}
	 * and {@code actual} (null keeps what is stored), and the node's other properties.
	 */
	void write(String pairingId, int year, List<Map<String, Object>> figures) {
		long written = this.neo4j.query("""
				MATCH (p:Pairing {id: $pairingId})
				UNWIND $figures AS figure
				MERGE (r:PairingResult {id: $pairingId + '/' + toString($year) + '/' + figure.indicator})
				ON CREATE SET r.pairingId = $pairingId, r.year = $year, r.indicator = figure.indicator
				SET r.target = coalesce(figure.target, r.target), r.actual = coalesce(figure.actual, r.actual),
				    r += figure.properties
				MERGE (r)-[:RESULT_OF]->(p)
				RETURN count(r)""")
			.bindAll(Map.of("pairingId", pairingId, "year", (long) year, "figures", figures))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		if (written != figures.size()) {
			throw new IllegalStateException("Figures of pairing " + pairingId + " were not written");
		}
	}

	private static Long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : null;
	}

}
