package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.money.Money;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/** Cypher of the coverage rules and of the dashboard numbers. */
@Repository
class CoverageRepository {

	/**
	 * Provinces without a partner of the program that serves them, and western provinces
	 * with more than one regular eastern partner ({@link ProvinceCoverage}).
	 */
	private static final String PROVINCES = ProvinceCoverage.PROVINCES + """

			WITH province, program, partners, regular
			WHERE partners = 0 OR (program = 'EAST_WEST' AND regular > 1)
			RETURN CASE WHEN partners > 0 THEN 'WESTERN_PROVINCE_MULTIPLE_PARTNERS'
			            WHEN program = 'EAST_WEST' THEN 'WESTERN_PROVINCE_NO_PARTNER'
			            ELSE 'COUNTERPART_PROVINCE_NO_SUPPORT' END AS rule,
			       province.code AS subjectId, province.name AS subjectName,
			       CASE WHEN partners > 0 THEN province.name + '有' + toString(regular) + '个东部协作方，既非特例也非中央统筹安排'
			            WHEN program = 'EAST_WEST' THEN province.name + '没有进行中的东西部协作结对'
			            ELSE province.name + '没有进行中的对口支援结对' END AS message""";

	private static final String KEY_COUNTIES = """
			MATCH (c:County {nationalKeyCounty: true}) WHERE c.code STARTS WITH $place
			  AND NOT EXISTS { (c)<-[:RECIPIENT]-(:Pairing {program: 'DESIGNATED_ASSISTANCE', status: 'ACTIVE'}) }
			  AND NOT EXISTS { MATCH (x:Place) WHERE x.code STARTS WITH c.code
			                   MATCH (x)<-[:RECIPIENT]-(:Pairing {program: 'ENTERPRISE_VILLAGE', status: 'ACTIVE'}) }
			RETURN 'KEY_COUNTY_NO_LINK' AS rule, c.code AS subjectId, c.name AS subjectName,
			       c.name + '是国家乡村振兴重点帮扶县，但没有进行中的万企兴万村结对，也没有定点帮扶单位' AS message""";

	private static final String KEY_VILLAGES = """
			MATCH (v:Village {keyVillage: true}) WHERE v.code STARTS WITH $place
			  AND NOT EXISTS { (v)<-[:RECIPIENT]-(:Pairing {status: 'ACTIVE'}) }
			RETURN 'KEY_VILLAGE_NO_PAIRING' AS rule, v.code AS subjectId, v.name AS subjectName,
			       v.name + '是重点帮扶村，但没有进行中的结对帮扶' AS message""";

	private static final String EXPIRED = """
			MATCH (p:Pairing {status: 'ACTIVE'}) WHERE p.endDate < $today AND p.recipientPlace STARTS WITH $place
			MATCH (p)-[:HELPER]->(h), (p)-[:RECIPIENT]->(r)
			RETURN 'EXPIRED_PAIRING_ACTIVE' AS rule, p.id AS subjectId, h.name + ' → ' + r.name AS subjectName,
			       '结对已于' + toString(p.endDate) + '到期，状态仍为进行中' AS message""";

	/**
	 * 摘帽不摘帮扶: an ended pairing whose recipient lies in a national key county, and no
	 * other pairing of its program with a recipient in that county (a place in it, or an
	 * organisation located there) is active or runs past its end.
	 */
	private static final String ASSISTANCE_ENDED = """
			MATCH (p:Pairing {status: 'ENDED'}) WHERE size(p.recipientPlace) >= 6 AND p.recipientPlace STARTS WITH $place
			MATCH (c:County {code: left(p.recipientPlace, 6), nationalKeyCounty: true})
			WHERE NOT EXISTS {
			        MATCH (q:Pairing {program: p.program}) WHERE q.recipientPlace STARTS WITH c.code
			          AND q <> p AND (q.status = 'ACTIVE' OR q.endDate > p.endDate) }
			MATCH (p)-[:HELPER]->(h), (p)-[:RECIPIENT]->(r)
			RETURN 'KEY_COUNTY_ASSISTANCE_ENDED' AS rule, p.id AS subjectId, h.name + ' → ' + r.name AS subjectName,
			       c.name + '是国家乡村振兴重点帮扶县，' + $programNames[p.program] + '结对已于' + toString(p.endDate)
			       + '结束，此后该县没有同类结对接续（摘帽不摘帮扶）' AS message""";

	private final SingleStatementReads reads;

	CoverageRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	record GapPage(List<CoverageGap> gaps, long total) {
	}

	/**
	 * Up to {@code limit} gaps after the cursor position {@code after} (parameters of
	 * {@link PairingCursor#GAPS}, or null for the first page), and their total.
	 */
	GapPage gaps(String place, Collection<CoverageGapRule> rules, LocalDate today, Map<String, Object> after,
			int limit) {
		List<String> branches = new ArrayList<>();
		if (rules.contains(CoverageGapRule.WESTERN_PROVINCE_NO_PARTNER)
				|| rules.contains(CoverageGapRule.WESTERN_PROVINCE_MULTIPLE_PARTNERS)
				|| rules.contains(CoverageGapRule.COUNTERPART_PROVINCE_NO_SUPPORT)) {
			branches.add(PROVINCES);
		}
		if (rules.contains(CoverageGapRule.KEY_COUNTY_NO_LINK)) {
			branches.add(KEY_COUNTIES);
		}
		if (rules.contains(CoverageGapRule.KEY_VILLAGE_NO_PAIRING)) {
			branches.add(KEY_VILLAGES);
		}
		if (rules.contains(CoverageGapRule.EXPIRED_PAIRING_ACTIVE)) {
			branches.add(EXPIRED);
		}
		if (rules.contains(CoverageGapRule.KEY_COUNTY_ASSISTANCE_ENDED)) {
			branches.add(ASSISTANCE_ENDED);
		}
		Map<String, Object> order = new HashMap<>();
		for (CoverageGapRule rule : CoverageGapRule.values()) {
			order.put(rule.name(), rule.ordinal());
		}
		String cypher = """
				CALL () {
				  %s
				}
				WITH rule, subjectId, subjectName, message, $order[rule] AS ruleOrder WHERE rule IN $rules
				WITH * ORDER BY ruleOrder, subjectId
				WITH collect({rule: rule, ruleOrder: ruleOrder, subjectId: subjectId, subjectName: subjectName,
				              message: message}) AS gaps
				RETURN size(gaps) AS total,
				       [g IN gaps WHERE %s][..$limit] AS page
				""".formatted(String.join("\nUNION ALL\n", branches),
				(after != null) ? PairingCursor.GAPS.condition() : "true");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("place", place);
		parameters.put("today", today);
		parameters.put("order", order);
		parameters.put("rules", rules.stream().map(Enum::name).toList());
		if (after != null) {
			parameters.putAll(after);
		}
		parameters.put("limit", limit);
		Map<String, Object> programNames = new HashMap<>();
		for (PairingProgram program : PairingProgram.values()) {
			programNames.put(program.name(), program.chinese());
		}
		parameters.put("programNames", programNames);
		Map<String, Object> row = this.reads.one(cypher, parameters).orElseThrow();
		List<CoverageGap> gaps = ((List<?>) row.get("page")).stream().map((g) -> {
			Map<String, Object> m = PairingRepository.map(g);
			return new CoverageGap(CoverageGapRule.valueOf((String) m.get("rule")), (String) m.get("subjectId"),
					(String) m.get("subjectName"), (String) m.get("message"));
		}).toList();
		return new GapPage(gaps, ((Number) row.get("total")).longValue());
	}

	/** Codes of the western provinces, in code order. */
	List<String> westernProvinces() {
		return this.reads.rows("MATCH (p:Province {region: 'WEST'}) RETURN p.code AS code ORDER BY p.code", Map.of())
			.stream()
			.map((row) -> (String) row.get("code"))
			.toList();
	}

	/**
	 * The summary of each place; cadres are those whose term includes {@code today} (its
	 * end date is the last day).
	 */
	List<PairingSummary> summaries(List<String> codes, LocalDate today) {
		String cypher = """
				UNWIND $codes AS code
				MATCH (place:Place {code: code})
				CALL (place) {
				  MATCH (p:Pairing {status: 'ACTIVE'}) WHERE p.recipientPlace STARTS WITH place.code
				  RETURN collect(p) AS active
				}
				CALL (place) {
				  OPTIONAL MATCH (:Province {code: left(place.code, 2)})<-[:RECIPIENT]-(p:Pairing {program: 'EAST_WEST', status: 'ACTIVE'})-[:HELPER]->(h)
				  WHERE p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR']
				  WITH h ORDER BY h.code
				  RETURN collect(h.code) AS partnerIds, collect(h.name) AS partnerNames
				}
				CALL (active) {
				  UNWIND active AS p
				  OPTIONAL MATCH (p)-[:HELPER]->(h)
				  OPTIONAL MATCH (p)-[:RECIPIENT]->(r)
				  RETURN count(CASE WHEN p.kind = 'COUNTY_PAIR' THEN p END) AS countyPairs,
				         count(DISTINCT CASE WHEN p.program = 'DESIGNATED_ASSISTANCE' THEN h END) AS designatedUnits,
				         count(DISTINCT CASE WHEN p.program = 'ENTERPRISE_VILLAGE' THEN h END) AS enterprises,
				         count(DISTINCT CASE WHEN p.program = 'ENTERPRISE_VILLAGE' THEN r END) AS villages,
				         sum(coalesce(p.investment, 0)) AS investment
				}
				CALL (active) {
				  UNWIND active AS p
				  MATCH (p {program: 'RESIDENT_CADRE'})-[s:STAFFED_BY]->(person:Person)
				  WHERE s.startDate <= $today AND (s.endDate IS NULL OR s.endDate >= $today)
				  RETURN count(DISTINCT person) AS cadres
				}
				CALL (place, active) {
				  CALL (place, active) {
				    UNWIND active AS p
				    MATCH (p)<-[:THROUGH]-(pr:Project) RETURN pr
				    UNION
				    MATCH (c:County) WHERE c.code STARTS WITH place.code
				    MATCH (c)<-[:LOCATED_IN]-(pr:Project) WHERE EXISTS { (pr)-[:THROUGH]->(:Pairing) } RETURN pr
				  }
				  RETURN count(DISTINCT pr) AS projects
				}
				RETURN place.code AS code, place.name AS name, partnerIds, partnerNames, countyPairs, designatedUnits,
				       enterprises, villages, investment, cadres, projects
				""";
		return this.reads.rows(cypher, Map.of("codes", codes, "today", today)).stream().map((row) -> {
			List<String> ids = ((List<?>) row.get("partnerIds")).stream().map(String::valueOf).toList();
			List<String> names = ((List<?>) row.get("partnerNames")).stream().map(String::valueOf).toList();
			return new PairingSummary((String) row.get("code"), (String) row.get("name"), ids, names,
					count(row, "countyPairs"), count(row, "designatedUnits"), count(row, "enterprises"),
					count(row, "villages"), Money.ofFen(((Number) row.get("investment")).longValue()),
					count(row, "cadres"), count(row, "projects"));
		}).toList();
	}

	private static int count(Map<String, Object> row, String key) {
		return ((Number) row.get(key)).intValue();
	}

}
