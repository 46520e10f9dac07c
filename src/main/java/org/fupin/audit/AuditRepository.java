package org.fupin.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fupin.asset.Asset;
import org.fupin.asset.AssetTypeCategories;
import org.fupin.graphql.Keyset;
import org.fupin.graphql.SortKey;
import org.fupin.money.Money;
import org.fupin.neo4j.CypherStatement;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/**
 * Runs the rules' queries as one {@code UNION ALL}, over the assets below a place or over
 * given assets, and pages, counts or groups the findings.
 */
@Repository
class AuditRepository {

	/** Assets in or below the place {@code $place} (the empty string: everywhere). */
	static final String BELOW_PLACE = "a.placeCode STARTS WITH $place";

	/**
	 * The shortest place code (a county's) whose findings a page holds all at once to
	 * count them.
	 */
	private static final int COLLECTED_PLACE_LENGTH = 6;

	/** The assets {@code $registerNos}. */
	static final String ASSETS = "a.registerNo IN $registerNos";

	private final SingleStatementReads reads;

	AuditRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	/** Findings by register number, then rule. */
	static final Keyset<AuditFinding> FINDINGS = Keyset.of("auditFindings",
			SortKey.text("no", "registerNo", AuditFinding::registerNo),
			SortKey.constant("rule", "rule", AuditRule.class, AuditFinding::rule));

	/**
	 * Up to {@code limit} findings in {@link #FINDINGS} order, after the cursor position
	 * {@code after} (its parameters) when given, with the total below the place when
	 * {@code withTotal}, and the asset of each finding on the page when
	 * {@code withAssets}: one statement, which runs the rules once.
	 */
	FindingsPage findPage(Collection<AuditRule> rules, String place, Map<String, Object> after, int limit,
			boolean withTotal, boolean withAssets, LocalDate today) {
		Map<String, Object> parameters = parameters(today);
		parameters.put("place", place);
		parameters.put("limit", limit);
		String keyset = "";
		if (after != null) {
			keyset = "WHERE " + FINDINGS.condition();
			parameters.putAll(after);
		}
		String finding = "{registerNo: registerNo, rule: rule, placeCode: placeCode, detail: detail%s}"
			.formatted(withAssets ? ", asset: head(COLLECT { MATCH (a:Asset {registerNo: registerNo}) RETURN %s })"
				.formatted(Asset.PROJECTION) : "");
		String cypher;
		if (withTotal && place.length() >= COLLECTED_PLACE_LENGTH) {
			// A county's findings are counted and kept for the page in one pass: the page
			// needs them all sorted anyway, and the rules run once, not twice.
			cypher = """
					%s
					WITH collect({registerNo: registerNo, rule: rule, placeCode: placeCode, detail: detail}) AS rows
					CALL (rows) {
					  UNWIND rows AS f
					  WITH f.registerNo AS registerNo, f.rule AS rule, f.placeCode AS placeCode, f.detail AS detail %s
					  WITH * ORDER BY %s LIMIT $limit
					  RETURN collect(%s) AS page
					}
					RETURN size(rows) AS total, page""".formatted(union(rules, BELOW_PLACE), keyset, FINDINGS.orderBy(),
					finding);
		}
		else {
			// Above a county the findings are too many to hold: the count runs the rules
			// again, in the same statement.
			String total = withTotal ? """
					CALL () {
					  %s
					  RETURN count(*) AS total
					}
					""".formatted(union(rules, BELOW_PLACE)) : "";
			cypher = """
					%sCALL () {
					  %s
					  WITH registerNo, rule, placeCode, detail %s
					  WITH * ORDER BY %s LIMIT $limit
					  RETURN collect(%s) AS page
					}
					RETURN %s AS total, page""".formatted(total, union(rules, BELOW_PLACE), keyset, FINDINGS.orderBy(),
					finding, withTotal ? "total" : "null");
		}
		Map<String, Object> row = this.reads.one(cypher, parameters).orElseThrow();
		List<AuditFinding> findings = new ArrayList<>();
		Map<String, Asset> assets = new HashMap<>();
		for (Object item : (List<?>) row.get("page")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> values = (Map<String, Object>) item;
			AuditFinding found = finding(values, today);
			findings.add(found);
			if (values.get("asset") instanceof Map<?, ?> asset) {
				@SuppressWarnings("unchecked")
				Map<String, Object> projection = (Map<String, Object>) asset;
				assets.put(found.registerNo(), Asset.of(projection));
			}
		}
		Object total = row.get("total");
		return new FindingsPage(findings, (total != null) ? ((Number) total).longValue() : null, assets);
	}

	/**
	 * A page of findings, the total when asked, and the assets of the page's findings
	 * when asked (by register number).
	 */
	record FindingsPage(List<AuditFinding> findings, Long total, Map<String, Asset> assets) {
	}

	/** Findings per rule below a place. */
	Map<AuditRule, Long> countByRule(Collection<AuditRule> rules, String place, LocalDate today) {
		Map<String, Object> parameters = parameters(today);
		parameters.put("place", place);
		Map<AuditRule, Long> counts = new EnumMap<>(AuditRule.class);
		this.reads.rows(union(rules, BELOW_PLACE) + "\nRETURN rule, count(*) AS count", parameters)
			.forEach((row) -> counts.put(AuditRule.valueOf((String) row.get("rule")),
					((Number) row.get("count")).longValue()));
		return counts;
	}

	/**
	 * Findings per rule below a place, grouped by the first {@code keyLength} characters
	 * of the asset's place code (6: per county), with the assets' original values summed.
	 */
	List<AuditRuleTally> tally(String place, int keyLength, LocalDate today) {
		Map<String, Object> parameters = parameters(today);
		parameters.put("place", place);
		return tally(BELOW_PLACE, parameters, keyLength);
	}

	/** The same for the given assets alone. */
	List<AuditRuleTally> tallyOf(Collection<String> registerNos, int keyLength, LocalDate today) {
		Map<String, Object> parameters = parameters(today);
		parameters.put("registerNos", List.copyOf(registerNos));
		return tally(ASSETS, parameters, keyLength);
	}

	private List<AuditRuleTally> tally(String selector, Map<String, Object> parameters, int keyLength) {
		parameters.put("keyLength", keyLength);
		String cypher = union(List.of(AuditRule.values()), selector) + """

				WITH left(placeCode, $keyLength) AS key, rule, registerNo
				MATCH (a:Asset {registerNo: registerNo})
				RETURN key, rule, count(*) AS count, sum(a.originalValue) AS value""";
		return this.reads.rows(cypher, parameters)
			.stream()
			.map((row) -> new AuditRuleTally((String) row.get("key"), AuditRule.valueOf((String) row.get("rule")),
					((Number) row.get("count")).longValue(), Money.ofFen(((Number) row.get("value")).longValue())))
			.toList();
	}

	/** Every finding on the given assets, per asset, ordered by rule. */
	Map<String, List<AuditFinding>> findByAssets(Collection<String> registerNos, LocalDate today) {
		Map<String, Object> parameters = parameters(today);
		parameters.put("registerNos", List.copyOf(registerNos));
		String cypher = union(List.of(AuditRule.values()), ASSETS)
				+ "\nRETURN registerNo, rule, placeCode, detail ORDER BY registerNo, rule";
		return findings(cypher, parameters, today).stream().collect(Collectors.groupingBy(AuditFinding::registerNo));
	}

	/**
	 * The findings of {@code rules} below a place as one statement (no rules: none), rows
	 * {@code registerNo, rule, placeCode, detail} in no particular order.
	 */
	CypherStatement selection(Collection<AuditRule> rules, String place, LocalDate today) {
		Map<String, Object> parameters = parameters(today);
		parameters.put("place", place);
		if (rules.isEmpty()) {
			return new CypherStatement(
					"UNWIND [] AS registerNo WITH registerNo, '' AS rule, '' AS placeCode, {} AS detail", parameters);
		}
		return new CypherStatement(union(rules, BELOW_PLACE) + "\nWITH registerNo, rule, placeCode, detail",
				parameters);
	}

	private List<AuditFinding> findings(String cypher, Map<String, Object> parameters, LocalDate today) {
		return this.reads.rows(cypher, parameters).stream().map((row) -> finding(row, today)).toList();
	}

	private static AuditFinding finding(Map<String, Object> row, LocalDate today) {
		AuditRule rule = AuditRule.valueOf((String) row.get("rule"));
		@SuppressWarnings("unchecked")
		Map<String, Object> detail = (Map<String, Object>) row.get("detail");
		return new AuditFinding((String) row.get("registerNo"), rule, rule.message(detail, today),
				(String) row.get("placeCode"));
	}

	private static String union(Collection<AuditRule> rules, String selector) {
		return "CALL () {\n"
				+ rules.stream().map((rule) -> rule.cypher(selector)).collect(Collectors.joining("\nUNION ALL\n"))
				+ "\n}";
	}

	private static Map<String, Object> parameters(LocalDate today) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("today", today);
		parameters.put("idleBefore", today.minusDays(AuditRule.IDLE_DAYS));
		parameters.put("categories", AssetTypeCategories.ALLOWED);
		return parameters;
	}

}
