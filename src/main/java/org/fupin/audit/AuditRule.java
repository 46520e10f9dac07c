package org.fupin.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * The asset rules checked automatically (domain.md, "Rules worth checking
 * automatically"). Each rule is one Cypher query over the current graph that yields, per
 * asset breaking it, the facts its message needs ({@code detail}); the queries share a
 * placeholder {@code %1$s} for the condition selecting the assets looked at ({@code a}),
 * and read {@code $today} and {@code $idleBefore}. Constants in the queries are fixed
 * text; values are parameters.
 */
public enum AuditRule {

	/** An operating asset with no current owner. */
	OPERATING_NO_OWNER(Severity.HIGH,
			"""
					MATCH (a:Asset) WHERE %1$s AND a.category = 'OPERATING' AND a.status <> 'DISPOSED'
					  AND NOT EXISTS { (a)-[o:OWNED_BY]->() WHERE o.validFrom <= $today AND (o.validTo IS NULL OR o.validTo > $today) }
					CALL (a) { OPTIONAL MATCH (a)-[o:OWNED_BY]->() RETURN count(o) AS periods, max(o.validTo) AS lastEnd }
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
					       {periods: periods, lastEnd: lastEnd} AS detail"""),

	/** The current owners' shares do not add up to 100%. */
	OWNERSHIP_SHARES_NOT_100(Severity.HIGH, """
			MATCH (a:Asset)-[o:OWNED_BY]->() WHERE %1$s
			  AND o.validFrom <= $today AND (o.validTo IS NULL OR o.validTo > $today)
			WITH a, sum(o.share) AS total WHERE total <> 10000
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {total: total} AS detail"""),

	/** A public-welfare asset in use with no current custodian. */
	PUBLIC_WELFARE_NO_CUSTODIAN(Severity.HIGH,
			"""
					MATCH (a:Asset) WHERE %1$s AND a.category = 'PUBLIC_WELFARE' AND a.status <> 'DISPOSED'
					  AND NOT EXISTS { (a)-[:HAS_CUSTODY]->(c:Custody) WHERE c.validFrom <= $today AND (c.validTo IS NULL OR c.validTo > $today) }
					CALL (a) { OPTIONAL MATCH (a)-[:HAS_CUSTODY]->(c:Custody) RETURN count(c) AS records, max(c.validTo) AS lastEnd }
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
					       {records: records, lastEnd: lastEnd} AS detail"""),

	/** A public-welfare asset whose current custody names no responsible person. */
	PUBLIC_WELFARE_NO_RESPONSIBLE_PERSON(Severity.MEDIUM,
			"""
					MATCH (a:Asset)-[:HAS_CUSTODY]->(c:Custody) WHERE %1$s AND a.category = 'PUBLIC_WELFARE' AND a.status <> 'DISPOSED'
					  AND c.validFrom <= $today AND (c.validTo IS NULL OR c.validTo > $today)
					WITH a, c, EXISTS { (c)-[:RESPONSIBLE_PERSON]->(:Person) } AS named
					WITH a, collect(c)[0] AS custody, sum(CASE WHEN named THEN 1 ELSE 0 END) AS withPerson
					WHERE withPerson = 0
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
					       {custodian: head([(custody)-[:CUSTODIAN]->(o) | o.name])} AS detail"""),

	/** Ownership periods that overlap and together claim more than 100%. */
	OWNERSHIP_PERIODS_OVERLAP(Severity.HIGH, """
			MATCH (a:Asset)-[s:OWNED_BY]->() WHERE %1$s
			WITH DISTINCT a, s.validFrom AS at
			CALL (a, at) {
			  MATCH (a)-[o:OWNED_BY]->() WHERE o.validFrom <= at AND (o.validTo IS NULL OR o.validTo > at)
			  RETURN sum(o.share) AS total, min(o.validTo) AS until
			}
			WITH a, at, total, until WHERE total > 10000
			WITH a, at, total, until ORDER BY at
			WITH a, collect({from: at, until: until, total: total})[0] AS detail
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, detail"""),

	/** Time without any owner between two ownership periods. */
	OWNERSHIP_PERIODS_GAP(Severity.LOW,
			"""
					MATCH (a:Asset)-[e:OWNED_BY]->() WHERE %1$s AND e.validTo IS NOT NULL
					WITH DISTINCT a, e.validTo AS end
					WHERE NOT EXISTS { (a)-[o:OWNED_BY]->() WHERE o.validFrom <= end AND (o.validTo IS NULL OR o.validTo > end) }
					CALL (a, end) { MATCH (a)-[n:OWNED_BY]->() WHERE n.validFrom > end RETURN min(n.validFrom) AS next }
					WITH a, end, next WHERE next IS NOT NULL
					WITH a, end, next ORDER BY end
					WITH a, collect({from: end, to: next}) AS gaps
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {gaps: gaps} AS detail"""),

	/**
	 * An operating asset with a current owner other than a village collective, and no
	 * operation contract on record.
	 */
	NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT(Severity.HIGH,
			"""
					MATCH (a:Asset)-[o:OWNED_BY]->(p) WHERE %1$s AND a.category = 'OPERATING' AND a.status <> 'DISPOSED'
					  AND o.validFrom <= $today AND (o.validTo IS NULL OR o.validTo > $today)
					  AND NOT p:Collective AND NOT EXISTS { (a)-[:HAS_CONTRACT]->(:OperationContract) }
					WITH a, p, o ORDER BY o.share DESC, o.validFrom
					WITH a, collect({owner: CASE WHEN p:Household THEN '农户' + p.householdNo ELSE p.name END, share: o.share}) AS owners
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {owners: owners} AS detail"""),

	/** Income recorded but not (fully) distributed. */
	INCOME_NOT_DISTRIBUTED(Severity.HIGH,
			"""
					MATCH (a:Asset)-[:EARNED]->(i:Income) WHERE %1$s
					CALL (i) { OPTIONAL MATCH (i)-[:USED_FOR]->(u:IncomeUse) RETURN sum(u.amount) AS distributed }
					WITH a, i, distributed WHERE distributed < i.amount
					WITH a, i, distributed ORDER BY i.year, i.id
					WITH a, collect({income: i.id, amount: i.amount, distributed: distributed}) AS incomes
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {incomes: incomes} AS detail"""),

	/**
	 * A part of an income meant for beneficiaries (dividends, public-welfare jobs,
	 * village public welfare) paid to none.
	 */
	INCOME_WITHOUT_BENEFICIARY(Severity.MEDIUM, """
			MATCH (a:Asset)-[:EARNED]->(i:Income)-[:USED_FOR]->(u:IncomeUse) WHERE %1$s
			  AND u.use IN ['HOUSEHOLD_DIVIDEND', 'PUBLIC_WELFARE_JOBS', 'VILLAGE_PUBLIC_WELFARE']
			  AND NOT EXISTS { (u)-[:BENEFITS]->() }
			WITH a, i, u ORDER BY i.year, u.id
			WITH a, collect({income: i.id, use: u.use, amount: u.amount}) AS uses
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {uses: uses} AS detail"""),

	/** Idle or damaged for more than 365 days. */
	LONG_IDLE_OR_DAMAGED(Severity.MEDIUM, """
			MATCH (a:Asset) WHERE %1$s AND a.status IN ['IDLE', 'DAMAGED'] AND a.statusSince < $idleBefore
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
			       {status: a.status, since: a.statusSince} AS detail"""),

	/** Disposed without an approval reference. */
	DISPOSED_WITHOUT_APPROVAL(Severity.HIGH, """
			MATCH (a:Asset) WHERE %1$s AND (a.status = 'DISPOSED' OR EXISTS { (a)-[:DISPOSED_BY]->(:Disposal) })
			OPTIONAL MATCH (a)-[:DISPOSED_BY]->(d:Disposal)
			WITH a, d ORDER BY d.date DESC
			WITH a, head(collect(d)) AS d
			WHERE d IS NULL OR d.approvalRef IS NULL OR trim(d.approvalRef) = ''
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
			       {date: d.date, mode: d.mode} AS detail""");

	/** How long an asset may stay idle or damaged before it is a finding. */
	static final int IDLE_DAYS = 365;

	private static final Map<String, String> USES = Map.of("HOUSEHOLD_DIVIDEND", "到户分红", "PUBLIC_WELFARE_JOBS", "公益岗位",
			"VILLAGE_PUBLIC_WELFARE", "村级公益事业");

	private static final Map<String, String> DISPOSALS = Map.of("SCRAP", "报废", "SALE", "出售", "TRANSFER", "移交");

	private final Severity severity;

	private final String cypher;

	AuditRule(Severity severity, String cypher) {
		this.severity = severity;
		this.cypher = cypher;
	}

	public Severity severity() {
		return this.severity;
	}

	/**
	 * The rule's query over the assets that {@code selector} (a condition on a) picks.
	 */
	String cypher(String selector) {
		return this.cypher.formatted(selector, name());
	}

	/** The sentence a person reads, from the facts the query found. */
	String message(Map<String, Object> detail, LocalDate today) {
		return switch (this) {
			case OPERATING_NO_OWNER -> (number(detail, "periods") == 0) ? "经营性资产从未登记产权"
					: (detail.get("lastEnd") != null) ? "产权登记于" + detail.get("lastEnd") + "终止，此后无产权人" : "经营性资产当前无产权人";
			case OWNERSHIP_SHARES_NOT_100 -> "当前产权份额合计" + percent(detail.get("total")) + "，应为100%";
			case PUBLIC_WELFARE_NO_CUSTODIAN -> (number(detail, "records") == 0) ? "公益性资产从未落实管护主体"
					: (detail.get("lastEnd") != null) ? "管护协议于" + detail.get("lastEnd") + "到期后未续签" : "公益性资产当前无管护主体";
			case PUBLIC_WELFARE_NO_RESPONSIBLE_PERSON -> "管护主体" + text(detail.get("custodian")) + "已明确，但未落实管护责任人";
			case OWNERSHIP_PERIODS_OVERLAP ->
				detail.get("from") + ((detail.get("until") != null) ? "至" + detail.get("until") : "起") + "产权期间重叠，份额合计"
						+ percent(detail.get("total"));
			case OWNERSHIP_PERIODS_GAP -> list(detail, "gaps").stream()
				.map((gap) -> gap.get("from") + "至" + gap.get("to"))
				.collect(Collectors.joining("、")) + "无产权人";
			case NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT -> list(detail, "owners").stream()
				.map((owner) -> owner.get("owner") + "持有" + percent(owner.get("share")))
				.collect(Collectors.joining("、")) + "产权，非村集体经济组织，且无经营合同";
			case INCOME_NOT_DISTRIBUTED -> list(detail, "incomes").stream()
				.map((income) -> (((Number) income.get("distributed")).longValue() == 0)
						? income.get("income") + "收益" + money(income.get("amount")) + "元未作任何分配"
						: income.get("income") + "分配合计" + money(income.get("distributed")) + "元，少于收益金额"
								+ money(income.get("amount")) + "元")
				.collect(Collectors.joining("；"));
			case INCOME_WITHOUT_BENEFICIARY -> list(detail, "uses").stream()
				.map((use) -> use.get("income") + "的" + USES.get(use.get("use")) + money(use.get("amount"))
						+ "元未落实到受益对象")
				.collect(Collectors.joining("；"));
			case LONG_IDLE_OR_DAMAGED ->
				"自" + detail.get("since") + "起" + ("IDLE".equals(detail.get("status")) ? "闲置" : "损毁") + "，已"
						+ ChronoUnit.DAYS.between((LocalDate) detail.get("since"), today) + "天未处理";
			case DISPOSED_WITHOUT_APPROVAL -> (detail.get("date") != null)
					? "于" + detail.get("date") + DISPOSALS.getOrDefault(text(detail.get("mode")), "") + "处置，无审批文号"
					: "状态为已处置，但无处置记录和审批文号";
		};
	}

	private static long number(Map<String, Object> detail, String key) {
		return ((Number) detail.get(key)).longValue();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/** Shares are stored in hundredths of a percent. */
	private static String percent(Object value) {
		return Share.ofHundredths(((Number) value).longValue()) + "%";
	}

	/** Amounts are stored in fen. */
	private static String money(Object value) {
		return Money.ofFen(((Number) value).longValue()).toString();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> detail, String key) {
		return (List<Map<String, Object>>) detail.get(key);
	}

}
