package org.fupin.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.fupin.graph.Model;

import static org.fupin.ledger.EventLedgerColumns.of;
import static org.fupin.ledger.LedgerColumn.code;
import static org.fupin.ledger.LedgerColumn.money;
import static org.fupin.ledger.LedgerColumn.text;

/**
 * The columns of the ledgers of the records assets and help come from: projects with
 * their fund sources (项目台账), organisations (组织台账), households (农户台账), pairings (结对帮扶台账),
 * resident cadres (驻村干部台账) and a pairing's yearly results (结对成效台账). Where the platform
 * exports the ledger ({@link Ledger}), its columns are the export's, marked for import,
 * so that an exported ledger comes back in; other columns take their type from the graph
 * declaration ({@link Model}). Example texts name seed records.
 */
final class RecordLedgerColumns {

	private RecordLedgerColumns() {
	}

	/**
	 * 项目台账: one row per project and fund source, the project's own columns repeated on
	 * each of its rows; a fund source the register lacks is created by naming its kind
	 * and year.
	 */
	static final List<LedgerColumn> PROJECTS = List.of(
			of("项目编号", "code", Model.PROJECT, "code").asRequired().withExample("PRJ-450102-2025-01"),
			of("项目名称", "name", Model.PROJECT, "name").asRequired().withExample("2025年兴宁区竹坝村产业路硬化项目"),
			of("项目年度", "year", Model.PROJECT, "year").asRequired().alsoHeaded("年度", "实施年度").withExample("2025"),
			code("所在县代码", "countyCode").asRequired().alsoHeaded("县区划代码", "区划代码").withExample("450102"),
			text("所在县", "countyName").withExample("兴宁区"), code("结对编号", "pairingId"),
			of("资金来源编号", "fundCode", Model.FUND_SOURCE, "code").asRequired()
				.alsoHeaded("资金编号")
				.withExample("F-450102-2021-CL"),
			of("资金来源名称", "fundName", Model.FUND_SOURCE, "name").alsoHeaded("资金名称"),
			of("资金类型", "fundKind", Model.FUND_SOURCE, "kind").ofValues("FundKind").alsoHeaded("资金性质"),
			of("资金年度", "fundYear", Model.FUND_SOURCE, "year"), code("资金提供方代码", "providerCode"),
			of("投入金额(元)", "amount", Model.FUNDED, "amount").asRequired()
				.alsoHeaded("资金金额(元)", "投入资金(元)", "金额")
				.withExample("380000.00"));

	/** 组织台账: the export's columns. */
	static final List<LedgerColumn> ORGANISATIONS = dressed(Ledger.ORGANISATIONS, Map.of("creditCode",
			(c) -> c.asRequired().alsoHeaded("信用代码", "统一社会信用代码证号").withExample("11450102X24ELF5XK4"), "name",
			(c) -> c.asRequired().alsoHeaded("组织名称", "单位名称").withExample("兴宁区乡村振兴局"), "kind",
			(c) -> c.asRequired().ofValues("OrganisationKind").withExample("GOVERNMENT_DEPARTMENT"), "enterpriseType",
			(c) -> c.ofValues("EnterpriseType"), "placeCode",
			(c) -> c.asRequired().alsoHeaded("区划代码").withExample("450102"), "placeName", (c) -> c.withExample("兴宁区")));

	/**
	 * 农户台账: the export's columns; 脱贫户 holds 是 or 否. The head's name and ID number are
	 * personal data.
	 */
	static final List<LedgerColumn> HOUSEHOLDS = dressed(Ledger.HOUSEHOLDS,
			Map.of("householdNo", (c) -> c.asRequired().alsoHeaded("农户编号", "户号").withExample("H45010210120101"),
					"headName", (c) -> c.asRequired().alsoHeaded("户主").withExample("罗芳德"), "idNumber",
					(c) -> c.asRequired().alsoHeaded("户主身份证号", "身份证号码").withExample("450102000000000011"), "size",
					(c) -> c.asRequired().alsoHeaded("家庭人口数", "人口数").withExample("4"), "formerlyPoor",
					(c) -> c.alsoHeaded("是否脱贫户").withExample("否"), "villageCode",
					(c) -> c.asRequired().alsoHeaded("村区划代码").withExample("450102101201"), "villageName",
					(c) -> c.withExample("竹坝村")));

	/**
	 * 结对帮扶台账: the export's columns, then whether the pairing is an exception (是 or 否) and
	 * why; the id is given to a new pairing, so a row may leave it empty.
	 */
	static final List<LedgerColumn> PAIRINGS = append(
			dressed(Ledger.PAIRINGS, Map.of("program",
					(c) -> c.asRequired().ofValues("PairingProgram").withExample("ENTERPRISE_VILLAGE"), "kind",
					(c) -> c.asRequired().ofValues("PairingKind").alsoHeaded("帮扶方式").withExample("PUBLIC_WELFARE"),
					"helperId", (c) -> c.asRequired().withExample("91441900TWXLM6C1JW"), "helperName",
					(c) -> c.withExample("东莞汇通食品有限公司"), "recipientId",
					(c) -> c.asRequired().withExample("450102101201"), "recipientName", (c) -> c.withExample("竹坝村"),
					"startDate", (c) -> c.asRequired().alsoHeaded("结对日期").withExample("2025-03-01"), "status",
					(c) -> c.ofValues("PairingStatus"), "investment", (c) -> c.withExample("500000.00"))),
			text("例外", "exception").alsoHeaded("是否例外"),
			of("例外原因", "exceptionReason", Model.PAIRING, "exceptionReason"));

	/** 驻村干部台账: one row per person's term on a pairing. */
	static final List<LedgerColumn> CADRES = List.of(
			code("结对编号", "pairingId").asRequired().withExample("RC-11450103QALXDP05PY-450103101204"),
			of("人员编号", "personId", Model.PERSON, "personId").asRequired().withExample("P100001"),
			of("姓名", "name", Model.PERSON, "name").alsoHeaded("干部姓名").withExample("黄立新"),
			of("派驻身份", "role", Model.STAFFED_BY, "role").asRequired()
				.ofValues("StaffingRole")
				.alsoHeaded("职务")
				.withExample("FIRST_SECRETARY"),
			code("选派单位代码", "organisationCode").alsoHeaded("派出单位代码").withExample("11450103QALXDP05PY"),
			text("选派单位", "organisationName").alsoHeaded("派出单位"),
			of("派驻开始日期", "startDate", Model.STAFFED_BY, "startDate").asRequired()
				.alsoHeaded("到岗日期", "开始日期")
				.withExample("2025-09-01"),
			of("派驻结束日期", "endDate", Model.STAFFED_BY, "endDate").alsoHeaded("离岗日期", "结束日期"));

	/**
	 * 结对成效台账: one row per pairing, year and indicator. Target and actual are yuan for the
	 * indicators counted in money and whole numbers for the others, so they are read as
	 * amounts and a count must have no fraction. A figure recorded already and changed by
	 * the row is a correction, which says why (更正原因).
	 */
	static final List<LedgerColumn> PAIRING_RESULTS = List.of(
			code("结对编号", "pairingId").asRequired().withExample("CP-4419-450226"),
			of("年度", "year", Model.PAIRING_RESULT, "year").asRequired().withExample("2025"),
			of("指标", "indicator", Model.PAIRING_RESULT, "indicator").asRequired()
				.ofValues("PairingIndicator")
				.withExample("RURAL_LABOUR_EMPLOYED"),
			money("目标值", "target", "目标").withExample("1200"), money("完成值", "actual", "实际完成值", "完成").withExample("1350"),
			of("出处", "source", Model.PAIRING_RESULT, "source").alsoHeaded("数据来源"),
			text("更正原因", "reason").alsoHeaded("更正说明"));

	private static LedgerColumn money(String header, String field, String... aliases) {
		return LedgerColumn.money(header, field).alsoHeaded(aliases);
	}

	/** The export's columns, each marked for import by its field's operator. */
	private static List<LedgerColumn> dressed(Ledger ledger, Map<String, UnaryOperator<LedgerColumn>> marks) {
		return ledger.columns()
			.stream()
			.map((column) -> marks.getOrDefault(column.field(), UnaryOperator.identity()).apply(column))
			.toList();
	}

	private static List<LedgerColumn> append(List<LedgerColumn> columns, LedgerColumn... more) {
		List<LedgerColumn> all = new ArrayList<>(columns);
		all.addAll(List.of(more));
		return List.copyOf(all);
	}

}
