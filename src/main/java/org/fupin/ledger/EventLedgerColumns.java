package org.fupin.ledger;

import java.util.List;

import org.fupin.graph.Model;
import org.fupin.graph.NodeType;
import org.fupin.graph.Property;
import org.fupin.graph.RelationshipType;
import org.fupin.graph.ValueType;

import static org.fupin.ledger.LedgerColumn.code;
import static org.fupin.ledger.LedgerColumn.text;

/**
 * The columns of the ledgers of events in an asset's life (产权变更, 管护, 经营合同, 收益分配, 状态变更,
 * 处置), each row one change of the register, filled as its mutation's input. Where the
 * graph declares the value ({@link Model}), the column's type is derived from the
 * declared property (money stays money, shares percent, dates dates), so a column cannot
 * disagree with what it is written to. Example texts name seed records, so that each
 * template's example row passes the rules against the seed.
 */
final class EventLedgerColumns {

	private EventLedgerColumns() {
	}

	private static final LedgerColumn REGISTER_NO = of("登记编号", "registerNo", Model.ASSET, "registerNo").asRequired()
		.alsoHeaded("资产编号", "资产登记编号");

	/** 产权变更台账: one row per transfer, its new owners aligned item by item. */
	static final List<LedgerColumn> OWNERSHIP_CHANGES = List.of(REGISTER_NO.withExample("ZC-450226101204-0002"),
			of("变更日期", "date", Model.OWNED_BY, "validFrom").asRequired()
				.alsoHeaded("产权变更日期", "转让日期")
				.withExample("2025-03-01"),
			code("新产权主体代码", "ownerIds").asRequired()
				.asList()
				.alsoHeaded("产权主体代码")
				.withExample("N14502261M9WNEKW0L;N2450226Q1BT9HT1LF"),
			text("新产权主体", "ownerNames").asList().alsoHeaded("产权主体").withExample("白峰村股份经济合作社;新桥村食用菌种植专业合作社"),
			of("产权份额(%)", "ownerShares", Model.OWNED_BY, "share").asRequired()
				.asList()
				.alsoHeaded("份额(%)", "产权份额")
				.withExample("60.00;40.00"),
			of("确权证书号", "certificateNos", Model.OWNED_BY, "certificateNo").asList()
				.withExample("QZ-450226-2025-00101;"),
			of("审批文号", "approvalRef", Model.OWNED_BY, "approvalRef").withExample("三江县农振批〔2025〕3号"));

	/** 管护台账: one row per new custody. */
	static final List<LedgerColumn> CUSTODY = List.of(REGISTER_NO.withExample("ZC-450226101204-0004"),
			code("管护主体代码", "custodianId").asRequired().alsoHeaded("管护主体统一社会信用代码").withExample("N14502261M9WNEKW0L"),
			text("管护主体", "custodianName").withExample("白峰村股份经济合作社"),
			of("管护责任人编号", "responsiblePersonId", Model.PERSON, "personId").asRequired().withExample("P000269"),
			of("管护责任人", "responsiblePersonName", Model.PERSON, "name"),
			of("管护责任", "duty", Model.CUSTODY, "duty").asRequired().alsoHeaded("管护职责").withExample("校舍安全巡查、维修养护"),
			of("管护起始日期", "validFrom", Model.CUSTODY, "validFrom").asRequired()
				.alsoHeaded("管护开始日期", "起始日期")
				.withExample("2025-09-01"));

	/** 经营合同台账: one row per contract. */
	static final List<LedgerColumn> CONTRACTS = List.of(
			of("合同编号", "contractNo", Model.OPERATION_CONTRACT, "contractNo").asRequired()
				.withExample("HT-ZC-450226102202-0003-2"),
			REGISTER_NO.withExample("ZC-450226102202-0003"),
			code("经营主体代码", "operatorId").asRequired().withExample("N2450226Q1BT9HT1LF"),
			text("经营主体", "operatorName").withExample("新桥村食用菌种植专业合作社"),
			of("经营方式", "mode", Model.OPERATION_CONTRACT, "mode").asRequired()
				.ofValues("OperationMode")
				.withExample("LEASE"),
			of("开始日期", "startDate", Model.OPERATION_CONTRACT, "startDate").asRequired()
				.alsoHeaded("合同开始日期")
				.withExample("2025-01-01"),
			of("结束日期", "endDate", Model.OPERATION_CONTRACT, "endDate").asRequired()
				.alsoHeaded("合同结束日期", "到期日期")
				.withExample("2030-01-01"),
			of("年租金(元)", "annualRent", Model.OPERATION_CONTRACT, "annualRent").asRequired()
				.alsoHeaded("年租金", "租金(元)")
				.withExample("20000.00"));

	/**
	 * 收益分配台账: one row per beneficiary of a use of a year's income. The rows of one asset
	 * and year, wherever they stand in the file, are one income record: each repeats the
	 * year's total, and the rows of one use repeat its amount. A use that benefits no one
	 * in particular (maintenance) is one row without a beneficiary.
	 */
	static final List<LedgerColumn> INCOME = List.of(REGISTER_NO.withExample("ZC-450226101201-0004"),
			of("年度", "year", Model.INCOME, "year").asRequired().alsoHeaded("收益年度").withExample("2025"),
			of("收益总额(元)", "amount", Model.INCOME, "amount").asRequired()
				.alsoHeaded("收益金额(元)", "年收益(元)")
				.withExample("5000.00"),
			of("收益用途", "use", Model.INCOME_USE, "use").asRequired()
				.ofValues("IncomeUseKind")
				.withExample("VILLAGE_PUBLIC_WELFARE"),
			of("用途金额(元)", "useAmount", Model.INCOME_USE, "amount").asRequired().withExample("5000.00"),
			code("受益对象代码", "beneficiaryId").alsoHeaded("受益户编号").withExample("450226101201"),
			text("受益对象", "beneficiaryName").withExample("新桥村"),
			of("受益金额(元)", "beneficiaryAmount", Model.BENEFITS, "amount").alsoHeaded("分配金额(元)").withExample("5000.00"));

	/** 资产状态变更台账: one row per new status. */
	static final List<LedgerColumn> STATUS_CHANGES = List.of(REGISTER_NO.withExample("ZC-450226101204-0001"),
			of("资产状态", "status", Model.ASSET, "status").asRequired()
				.ofValues("AssetStatus")
				.alsoHeaded("新状态")
				.withExample("IDLE"),
			of("状态起始日期", "since", Model.ASSET, "statusSince").asRequired()
				.alsoHeaded("变更日期")
				.withExample("2025-09-01"));

	/** 资产处置台账: one row per disposal. */
	static final List<LedgerColumn> DISPOSALS = List.of(REGISTER_NO.withExample("ZC-450226101202-0003"),
			of("处置方式", "mode", Model.DISPOSAL, "mode").asRequired().ofValues("DisposalMode").withExample("SCRAP"),
			of("处置日期", "date", Model.DISPOSAL, "date").asRequired().withExample("2026-03-01"),
			of("审批文号", "approvalRef", Model.DISPOSAL, "approvalRef").asRequired()
				.alsoHeaded("批准文号")
				.withExample("三江县农振批〔2026〕7号"),
			of("处置收入(元)", "proceeds", Model.DISPOSAL, "proceeds").alsoHeaded("处置收益(元)").withExample("1500.00"),
			code("受让方代码", "transfereeId").alsoHeaded("接收方代码"), text("受让方", "transfereeName"));

	/** A column of a node type's declared property. */
	static LedgerColumn of(String header, String field, NodeType type, String property) {
		return column(header, field, type.property(property)
			.orElseThrow(() -> new IllegalArgumentException(type.label() + " declares no " + property)));
	}

	/** A column of a relationship type's declared property. */
	static LedgerColumn of(String header, String field, RelationshipType type, String property) {
		return column(header, field, type.property(property)
			.orElseThrow(() -> new IllegalArgumentException(type.name() + " declares no " + property)));
	}

	private static LedgerColumn column(String header, String field, Property property) {
		return new LedgerColumn(header, field, cellType(property.type()));
	}

	/** How a ledger cell holds a value stored as {@code type}. */
	static CellType cellType(ValueType type) {
		return switch (type) {
			case TEXT -> CellType.TEXT;
			case CODE -> CellType.CODE;
			case INTEGER -> CellType.INTEGER;
			case MONEY -> CellType.MONEY;
			case SHARE -> CellType.PERCENT;
			case DATE -> CellType.DATE;
			default -> throw new IllegalArgumentException("A ledger cell does not hold a " + type);
		};
	}

}
