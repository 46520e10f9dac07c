package org.fupin.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fupin.graph.Model;
import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * The asset rules checked automatically (domain.md, "Rules worth checking
 * automatically"). Each rule is one Cypher query over the current graph that yields, per
 * asset breaking it, the facts its message needs ({@code detail}); the queries share a
 * placeholder {@code %1$s} for the condition selecting the assets looked at ({@code a}),
 * and read {@code $today} and {@code $idleBefore}. The periods of the declaration
 * ({@code org.fupin.graph.Model}) say what "current" means: {@code %3$s} is an ownership
 * period {@code o} current today, {@code %4$s} a custody {@code c} current today,
 * {@code %5$s} an operation contract {@code c} in force today, {@code %6$s} and
 * {@code %7$s} an ownership period {@code o} current on {@code at} and on {@code end}.
 * Constants in the queries are fixed text; values are parameters.
 */
public enum AuditRule {

	/** An operating asset with no current owner. */
	OPERATING_NO_OWNER(Severity.HIGH, """
			MATCH (a:Asset) WHERE %1$s AND a.category = 'OPERATING' AND a.status <> 'DISPOSED'
			  AND NOT EXISTS { (a)-[o:OWNED_BY]->() WHERE %3$s }
			CALL (a) { OPTIONAL MATCH (a)-[o:OWNED_BY]->() RETURN count(o) AS periods, max(o.validTo) AS lastEnd }
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
			       {periods: periods, lastEnd: lastEnd} AS detail"""),

	/** The current owners' shares do not add up to 100%. */
	OWNERSHIP_SHARES_NOT_100(Severity.HIGH, """
			MATCH (a:Asset)-[o:OWNED_BY]->() WHERE %1$s
			  AND %3$s
			WITH a, sum(o.share) AS total WHERE total <> 10000
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {total: total} AS detail"""),

	/** A public-welfare asset in use with no current custodian. */
	PUBLIC_WELFARE_NO_CUSTODIAN(Severity.HIGH,
			"""
					MATCH (a:Asset) WHERE %1$s AND a.category = 'PUBLIC_WELFARE' AND a.status <> 'DISPOSED'
					  AND NOT EXISTS { (a)-[:HAS_CUSTODY]->(c:Custody) WHERE %4$s }
					CALL (a) { OPTIONAL MATCH (a)-[:HAS_CUSTODY]->(c:Custody) RETURN count(c) AS records, max(c.validTo) AS lastEnd }
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
					       {records: records, lastEnd: lastEnd} AS detail"""),

	/** A public-welfare asset whose current custody names no responsible person. */
	PUBLIC_WELFARE_NO_RESPONSIBLE_PERSON(Severity.MEDIUM,
			"""
					MATCH (a:Asset)-[:HAS_CUSTODY]->(c:Custody) WHERE %1$s AND a.category = 'PUBLIC_WELFARE' AND a.status <> 'DISPOSED'
					  AND %4$s
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
			  MATCH (a)-[o:OWNED_BY]->() WHERE %6$s
			  RETURN sum(o.share) AS total, min(o.validTo) AS until
			}
			WITH a, at, total, until WHERE total > 10000
			WITH a, at, total, until ORDER BY at
			WITH a, collect({from: at, until: until, total: total})[0] AS detail
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, detail"""),

	/** Time without any owner between two ownership periods. */
	OWNERSHIP_PERIODS_GAP(Severity.LOW, """
			MATCH (a:Asset)-[e:OWNED_BY]->() WHERE %1$s AND e.validTo IS NOT NULL
			WITH DISTINCT a, e.validTo AS end
			WHERE NOT EXISTS { (a)-[o:OWNED_BY]->() WHERE %7$s }
			CALL (a, end) { MATCH (a)-[n:OWNED_BY]->() WHERE n.validFrom > end RETURN min(n.validFrom) AS next }
			WITH a, end, next WHERE next IS NOT NULL
			WITH a, end, next ORDER BY end
			WITH a, collect({from: end, to: next}) AS gaps
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {gaps: gaps} AS detail"""),

	/**
	 * An operating asset (not disposed) with a current owner that may not hold it without
	 * a contract, and no operation contract in force today. The guidance's local rules
	 * let the village collective, a township or county department (an organisation of
	 * kind GOVERNMENT_DEPARTMENT, or a place) and the benefiting household own an
	 * operating asset outright; any other owner (an enterprise, a cooperative ...) holds
	 * it under a contract, and one whose contracts have all ended holds it without one.
	 */
	NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT(Severity.HIGH,
			"""
					MATCH (a:Asset)-[o:OWNED_BY]->(p) WHERE %1$s AND a.category = 'OPERATING' AND a.status <> 'DISPOSED'
					  AND %3$s
					  AND NOT p:Collective AND NOT p:GovernmentDepartment AND NOT p:Household AND NOT p:Place
					  AND NOT EXISTS { (a)-[:HAS_CONTRACT]->(c:OperationContract)
					                   WHERE %5$s }
					WITH a, p, o ORDER BY o.share DESC, o.validFrom
					WITH a, collect({owner: p.name, share: o.share}) AS owners
					CALL (a) { OPTIONAL MATCH (a)-[:HAS_CONTRACT]->(c:OperationContract) RETURN count(c) AS contracts, max(c.endDate) AS lastEnd }
					RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
					       {owners: owners, contracts: contracts, lastEnd: lastEnd} AS detail"""),

	/**
	 * Income whose uses add up to less than the income, or of which no part reaches
	 * households or village public welfare (no household dividend, public-welfare jobs or
	 * village public welfare above zero), whatever it is kept as (running and
	 * maintenance, collective reserve).
	 */
	INCOME_NOT_DISTRIBUTED(Severity.HIGH,
			"""
					MATCH (a:Asset)-[:EARNED]->(i:Income) WHERE %1$s
					CALL (i) { OPTIONAL MATCH (i)-[:USED_FOR]->(u:IncomeUse) RETURN sum(u.amount) AS distributed,
					  sum(CASE WHEN u.use IN ['HOUSEHOLD_DIVIDEND', 'PUBLIC_WELFARE_JOBS', 'VILLAGE_PUBLIC_WELFARE']
					      THEN u.amount ELSE 0 END) AS reaching }
					WITH a, i, distributed, reaching WHERE distributed < i.amount
					  OR (i.amount > 0 AND reaching <= 0)
					WITH a, i, distributed, reaching ORDER BY i.year, i.id
					WITH a, collect({income: i.id, amount: i.amount, distributed: distributed, reaching: reaching}) AS incomes
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
			       {date: d.date, mode: d.mode} AS detail"""),

	/**
	 * A category that does not fit the asset's type ({@code AssetTypeCategories}, passed
	 * as {@code $categories}).
	 */
	CATEGORY_TYPE_MISMATCH(Severity.MEDIUM, """
			MATCH (a:Asset) WHERE %1$s AND NOT a.category IN coalesce($categories[a.type], [])
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode,
			       {type: a.type, category: a.category, allowed: coalesce($categories[a.type], [])} AS detail"""),

	/**
	 * Asset loss (防止流失和被侵占): an operating asset whose ownership passed to a private
	 * enterprise without an approval reference (a transfer, or a disposal by sale or
	 * transfer), or that was sold without proceeds.
	 */
	OPERATING_ASSET_LOSS(Severity.HIGH, """
			MATCH (a:Asset) WHERE %1$s AND a.category = 'OPERATING'
			CALL (a) {
			  MATCH (a)-[o:OWNED_BY]->(e:Enterprise {enterpriseType: 'PRIVATE'})
			  WHERE (o.approvalRef IS NULL OR trim(o.approvalRef) = '')
			    AND EXISTS { (a)-[before:OWNED_BY]->() WHERE before.validTo = o.validFrom }
			    AND NOT EXISTS { (a)-[:DISPOSED_BY]->(d:Disposal) WHERE d.date = o.validFrom }
			  RETURN {kind: 'TRANSFER', date: o.validFrom, party: e.name} AS loss
			  UNION ALL
			  MATCH (a)-[:DISPOSED_BY]->(d:Disposal)
			  OPTIONAL MATCH (d)-[:TRANSFERRED_TO]->(t)
			  WITH d, t, d.mode = 'SALE' AND coalesce(d.proceeds, 0) <= 0 AS unpaid
			  WHERE unpaid OR (t:Enterprise AND t.enterpriseType = 'PRIVATE'
			                   AND (d.approvalRef IS NULL OR trim(d.approvalRef) = ''))
			  RETURN {kind: CASE WHEN unpaid THEN 'UNPAID_SALE' ELSE 'DISPOSAL' END, date: d.date, party: t.name,
			          mode: d.mode} AS loss
			}
			WITH a, loss ORDER BY loss.date
			WITH a, collect(loss) AS losses
			RETURN a.registerNo AS registerNo, '%2$s' AS rule, a.placeCode AS placeCode, {losses: losses} AS detail""");

	/** How long an asset may stay idle or damaged before it is a finding. */
	static final int IDLE_DAYS = 365;

	private static final Map<String, String> USES = Map.of("HOUSEHOLD_DIVIDEND", "到户分红", "PUBLIC_WELFARE_JOBS", "公益岗位",
			"VILLAGE_PUBLIC_WELFARE", "村级公益事业");

	private static final Map<String, String> DISPOSALS = Map.of("SCRAP", "报废", "SALE", "出售", "TRANSFER", "移交");

	private static final Map<String, String> CATEGORIES = Map.of("PUBLIC_WELFARE", "公益性资产", "OPERATING", "经营性资产",
			"ASSIGNED", "确权到户资产");

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("ROAD", "道路"), Map.entry("BRIDGE", "桥梁"),
			Map.entry("WATER_SUPPLY", "供水工程"), Map.entry("IRRIGATION", "灌溉设施"), Map.entry("SERVICE_CENTRE", "村级综合服务中心"),
			Map.entry("CLINIC", "卫生室"), Map.entry("SCHOOL_BUILDING", "教学楼"), Map.entry("ORCHARD", "果园"),
			Map.entry("GREENHOUSE", "大棚"), Map.entry("WORKSHOP", "扶贫车间"), Map.entry("PV_STATION", "光伏电站"),
			Map.entry("PROCESSING_PLANT", "农产品加工厂"), Map.entry("COLD_STORE", "冷库"), Map.entry("LIVESTOCK_SHED", "养殖圈舍"),
			Map.entry("EQUITY", "股权"), Map.entry("FARM_MACHINERY", "农机具"), Map.entry("LIVESTOCK", "牲畜"));

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
		return this.cypher.formatted(selector, name(), Model.OWNED_BY.period().currentOn("o", "$today"),
				Model.CUSTODY.period().currentOn("c", "$today"),
				Model.OPERATION_CONTRACT.period().currentOn("c", "$today"),
				Model.OWNED_BY.period().currentOn("o", "at"), Model.OWNED_BY.period().currentOn("o", "end"));
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
				.collect(Collectors.joining("、")) + "产权，非村集体、乡镇、县级部门或受益农户，"
					+ ((number(detail, "contracts") == 0) ? "且无经营合同" : "经营合同已于" + detail.get("lastEnd") + "到期，无在期合同");
			case INCOME_NOT_DISTRIBUTED -> list(detail, "incomes").stream()
				.map((income) -> (((Number) income.get("distributed")).longValue() == 0)
						? income.get("income") + "收益" + money(income.get("amount")) + "元未作任何分配"
						: (income.get("reaching") instanceof Number reaching && reaching.longValue() <= 0)
								? income.get("income") + "收益" + money(income.get("amount"))
										+ "元全部留作运营维护或村集体积累，没有到户分红、公益岗位或村级公益事业部分"
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
			case CATEGORY_TYPE_MISMATCH ->
				TYPES.getOrDefault(text(detail.get("type")), text(detail.get("type"))) + "登记为"
						+ CATEGORIES.getOrDefault(text(detail.get("category")), text(detail.get("category"))) + "，应为"
						+ ((List<?>) detail.get("allowed")).stream()
							.map((category) -> CATEGORIES.getOrDefault(text(category), text(category)))
							.collect(Collectors.joining("或"));
			case OPERATING_ASSET_LOSS -> list(detail, "losses").stream().map((loss) -> switch (text(loss.get("kind"))) {
				case "TRANSFER" -> "产权于" + loss.get("date") + "转让给民营企业" + text(loss.get("party")) + "，无审批文号";
				case "UNPAID_SALE" -> "于" + loss.get("date") + "出售"
						+ ((loss.get("party") != null) ? "给" + loss.get("party") : "") + "，无处置收入";
				default -> "于" + loss.get("date") + DISPOSALS.getOrDefault(text(loss.get("mode")), "处置") + "给民营企业"
						+ text(loss.get("party")) + "，无审批文号";
			}).collect(Collectors.joining("；"));
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
