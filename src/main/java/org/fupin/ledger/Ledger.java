package org.fupin.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fupin.asset.AssetFilter;
import org.fupin.audit.AuditFindingFilter;
import org.fupin.change.ChangeFilter;
import org.fupin.graph.Model;
import org.fupin.pairing.PairingFilter;
import org.fupin.party.HouseholdFilter;
import org.fupin.party.OrganisationFilter;

import static org.fupin.ledger.LedgerColumn.code;
import static org.fupin.ledger.LedgerColumn.date;
import static org.fupin.ledger.LedgerColumn.integer;
import static org.fupin.ledger.LedgerColumn.money;
import static org.fupin.ledger.LedgerColumn.percent;
import static org.fupin.ledger.LedgerColumn.text;

/**
 * The ledgers (台账) the platform hands out, each described once: its columns, the GraphQL
 * filter input it takes (so the list and the ledger select the same records), and the
 * Cypher that turns the selected nodes into rows keyed by the columns' fields, in the
 * ledger's order. The asset ledger has every column the asset register's import needs:
 * enum values are the API's (PV_STATION, OPERATING ...), owners are lists in one cell
 * each, aligned item by item.
 */
public enum Ledger {

	/** 扶贫项目资产台账: current owners and custody as of {@code $ledgerDate}. */
	ASSETS("assets", "资产台账", "AssetFilter", AssetFilter.class,
			// The template's example row is an asset of the seed: 竹坝村's processing plant
			// (seed/illustrative/assets.csv, ownerships.csv, custody.csv).
			List.of(code("登记编号", "registerNo").asRequired()
				.alsoHeaded("资产编号", "资产登记编号")
				.withExample("ZC-450102101201-0002"), text("资产名称", "name").asRequired().withExample("竹坝村农产品加工厂"),
					text("资产类型", "type").asRequired().ofValues("AssetType").withExample("农产品加工厂"),
					text("资产类别", "category").asRequired().ofValues("AssetCategory").withExample("经营性资产"),
					money("原值(元)", "originalValue").asRequired().alsoHeaded("资产原值(元)", "原值").withExample("903971.05"),
					date("建成日期", "completionDate").asRequired().alsoHeaded("竣工日期").withExample("2019-07-26"),
					text("资产状态", "status").ofValues("AssetStatus").withExample("在用"),
					code("所在地代码", "placeCode").alsoHeaded("区划代码").withExample("450102101201"),
					text("所在地", "placeName").alsoHeaded("所在村", "坐落位置").withExample("竹坝村"),
					code("项目编号", "projectCode").withExample("PRJ-450102-2019-01"),
					text("项目名称", "projectName").withExample("2019年兴宁区产业扶贫项目"),
					code("产权主体代码", "ownerIds").asList().withExample("N1450102XKLFEJ2XR0"),
					text("产权主体", "ownerNames").asList().alsoHeaded("产权归属").withExample("竹坝村股份经济合作社"),
					percent("产权份额(%)", "ownerShares").asList().withExample("100.00"),
					code("确权证书号", "certificateNos").asList().withExample("QZ-450102-2019-00007"),
					code("管护主体代码", "custodianCode").withExample("N1450102XKLFEJ2XR0"),
					text("管护主体", "custodianName").withExample("竹坝村股份经济合作社"),
					code("管护责任人编号", "responsiblePersonId").withExample("P000182"),
					text("管护责任人", "responsiblePersonName").withExample("罗荣"),
					text("管护责任", "duty").withExample("日常巡查、设施设备维护")),
			"""
					WITH a ORDER BY a.placeCode, a.registerNo
					CALL (a) {
					  MATCH (a)-[o:OWNED_BY]->(p)
					  WHERE %1$s
					  WITH o, p, coalesce(p.creditCode, p.householdNo, p.code) AS ownerId ORDER BY ownerId
					  RETURN collect(ownerId) AS ownerIds, collect(coalesce(p.name, '')) AS ownerNames,
					         collect(o.share) AS ownerShares, collect(coalesce(o.certificateNo, '')) AS certificateNos
					}
					CALL (a) {
					  MATCH (a)-[:HAS_CUSTODY]->(c:Custody)
					  WHERE %2$s
					  WITH c ORDER BY c.validFrom DESC, c.id DESC LIMIT 1
					  RETURN collect(c {.duty,
					    custodianCode: head([(c)-[:CUSTODIAN]->(k) | k.creditCode]),
					    custodianName: head([(c)-[:CUSTODIAN]->(k) | k.name]),
					    responsiblePersonId: head([(c)-[:RESPONSIBLE_PERSON]->(r) | r.personId]),
					    responsiblePersonName: head([(c)-[:RESPONSIBLE_PERSON]->(r) | r.name])})[0] AS custody
					}
					CALL (a) {
					  MATCH (place:Place {code: a.placeCode})
					  RETURN collect(place.name)[0] AS placeName
					}
					WITH a, ownerIds, ownerNames, ownerShares, certificateNos, custody, placeName,
					     head([(pr:Project)-[:FORMED]->(a) | pr]) AS project
					RETURN a {.registerNo, .name, .type, .category, .originalValue, .completionDate, .status,
					          .placeCode, placeName: placeName, projectCode: project.code, projectName: project.name,
					          ownerIds: ownerIds, ownerNames: ownerNames, ownerShares: ownerShares,
					          certificateNos: certificateNos, custodianCode: custody.custodianCode,
					          custodianName: custody.custodianName, responsiblePersonId: custody.responsiblePersonId,
					          responsiblePersonName: custody.responsiblePersonName, duty: custody.duty} AS row"""
				.formatted(Model.OWNED_BY.period().currentOn("o", "$ledgerDate"),
						Model.CUSTODY.period().currentOn("c", "$ledgerDate"))),

	/** 审计发现台账: every finding of the rules, worded as the API words it. */
	AUDIT_FINDINGS("audit-findings", "审计发现台账", "AuditFindingFilter", AuditFindingFilter.class,
			List.of(code("登记编号", "registerNo"), text("资产名称", "assetName"), code("所在地代码", "placeCode"),
					text("规则", "rule"), text("严重程度", "severity"), text("说明", "message")),
			"""
					WITH registerNo, rule, placeCode, detail ORDER BY registerNo, rule
					OPTIONAL MATCH (x:Asset {registerNo: registerNo})
					RETURN {registerNo: registerNo, rule: rule, placeCode: placeCode, detail: detail,
					        assetName: x.name} AS row"""),

	/** 变更记录台账: the change history, newest first. */
	CHANGES("changes", "变更记录台账", "ChangeFilter", ChangeFilter.class,
			List.of(code("变更编号", "id"), text("时间", "at"), text("操作人", "actor"), text("操作", "operation"),
					text("对象类型", "subjectType"), code("对象编号", "subjectId"), text("变更前", "before"),
					text("变更后", "after")),
			"""
					WITH e ORDER BY e.at DESC, e.id DESC
					RETURN e {.id, at: toString(e.at), .actor, .operation, .subjectType, .subjectId, .before,
					          .after} AS row"""),

	/** 结对帮扶台账. */
	PAIRINGS("pairings", "结对帮扶台账", "PairingFilter", PairingFilter.class,
			List.of(code("结对编号", "id"), text("帮扶类型", "program"), text("结对层级", "kind"), code("帮扶方代码", "helperId"),
					text("帮扶方", "helperName"), code("受援方代码", "recipientId"), text("受援方", "recipientName"),
					code("上级结对编号", "parentId"), date("开始日期", "startDate"), date("结束日期", "endDate"),
					text("状态", "status"), money("投入资金(元)", "investment")),
			"""
					WITH p ORDER BY p.id
					RETURN p {.id, .program, .kind, .startDate, .endDate, .status, .investment,
					   helperId: head([(p)-[:HELPER]->(h) | coalesce(h.code, h.creditCode)]),
					   helperName: head([(p)-[:HELPER]->(h) | h.name]),
					   recipientId: head([(p)-[:RECIPIENT]->(r) | coalesce(r.code, r.creditCode)]),
					   recipientName: head([(p)-[:RECIPIENT]->(r) | r.name]),
					   parentId: head([(p)-[:UNDER]->(u) | u.id])} AS row"""),

	/** 组织台账: enterprises, collectives, departments and other units. */
	ORGANISATIONS("organisations", "组织台账", "OrganisationFilter", OrganisationFilter.class,
			List.of(code("统一社会信用代码", "creditCode"), text("名称", "name"), text("组织类型", "kind"),
					text("企业类型", "enterpriseType"), code("所在地代码", "placeCode"), text("所在地", "placeName")),
			"""
					WITH o ORDER BY o.creditCode
					RETURN o {.creditCode, .name, .kind, .enterpriseType,
					          placeCode: head([(o)-[:LOCATED_IN]->(l:Place) | l.code]),
					          placeName: head([(o)-[:LOCATED_IN]->(l:Place) | l.name])} AS row"""),

	/**
	 * 农户台账: the head's name and ID number masked unless the caller holds the
	 * personal-data grant, and logged when shown.
	 */
	HOUSEHOLDS("households", "农户台账", "HouseholdFilter", HouseholdFilter.class,
			List.of(code("户编号", "householdNo"), text("户主姓名", "headName"), code("身份证号", "idNumber"),
					integer("家庭人口", "size"), text("脱贫户", "formerlyPoor"), code("所在村代码", "villageCode"),
					text("所在村", "villageName")),
			"""
					WITH h ORDER BY h.householdNo
					RETURN h {.householdNo, .headName, .idNumber, .size,
					          formerlyPoor: CASE WHEN h.formerlyPoor THEN '是' ELSE '否' END,
					          villageCode: head([(h)-[:LOCATED_IN]->(v:Village) | v.code]),
					          villageName: head([(h)-[:LOCATED_IN]->(v:Village) | v.name])} AS row""");

	private final String slug;

	private final String title;

	private final String filterType;

	private final Class<?> filterClass;

	private final List<LedgerColumn> columns;

	private final String rows;

	Ledger(String slug, String title, String filterType, Class<?> filterClass, List<LedgerColumn> columns,
			String rows) {
		this.slug = slug;
		this.title = title;
		this.filterType = filterType;
		this.filterClass = filterClass;
		this.columns = columns;
		this.rows = rows;
	}

	/** The ledger's name in its URL, {@code /ledgers/<slug>.xlsx}. */
	public String slug() {
		return this.slug;
	}

	/** The Chinese title: the sheet's name and the start of the file's. */
	public String title() {
		return this.title;
	}

	/** The GraphQL input type of the filter. */
	public String filterType() {
		return this.filterType;
	}

	Class<?> filterClass() {
		return this.filterClass;
	}

	public List<LedgerColumn> columns() {
		return this.columns;
	}

	/**
	 * Cypher that follows the feature's selection and returns one {@code row} map per
	 * record, in the ledger's order.
	 */
	String rows() {
		return this.rows;
	}

	/** The access policy's name of the endpoint. */
	String endpoint() {
		return "GET /ledgers/" + this.slug;
	}

	public static Optional<Ledger> ofSlug(String slug) {
		return Arrays.stream(values()).filter((ledger) -> ledger.slug.equals(slug)).findFirst();
	}

}
