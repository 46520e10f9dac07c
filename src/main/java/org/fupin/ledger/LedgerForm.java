package org.fupin.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.fupin.party.PersonalData;

/**
 * The ledgers (台账) a county keeps and the platform takes in, each described once: the
 * columns a clerk fills and the columns that identify a row, so that a file naming the
 * same thing twice is caught before anything is checked against the graph. Where a ledger
 * also goes out ({@link Ledger}), it has the same columns, so an exported ledger comes
 * back in unchanged.
 */
public enum LedgerForm {

	/** 扶贫项目资产台账: one row per asset, its current owners and custody. */
	ASSETS("assets", Ledger.ASSETS.title(), Ledger.ASSETS.columns(), List.of("registerNo")),

	/** 产权变更台账: one row per transfer of an asset to new owners on a date. */
	OWNERSHIP_CHANGES("ownership-changes", "产权变更台账", EventLedgerColumns.OWNERSHIP_CHANGES,
			List.of("registerNo", "date")),

	/** 管护台账: one row per new custody of an asset. */
	CUSTODY("custody", "管护台账", EventLedgerColumns.CUSTODY, List.of("registerNo", "validFrom")),

	/** 经营合同台账: one row per operation contract. */
	CONTRACTS("contracts", "经营合同台账", EventLedgerColumns.CONTRACTS, List.of("contractNo")),

	/**
	 * 收益分配台账: one row per beneficiary of a use of an asset's income of a year; the rows
	 * of one register number and year make one income record.
	 */
	INCOME("income", "收益分配台账", EventLedgerColumns.INCOME, List.of("registerNo", "year", "use", "beneficiaryId")),

	/** 资产状态变更台账: one row per new status of an asset. */
	STATUS_CHANGES("status-changes", "资产状态变更台账", EventLedgerColumns.STATUS_CHANGES, List.of("registerNo", "since")),

	/** 资产处置台账: one row per disposal. */
	DISPOSALS("disposals", "资产处置台账", EventLedgerColumns.DISPOSALS, List.of("registerNo")),

	/** 项目台账: one row per project and fund source, with the amount it put in. */
	PROJECTS("projects", "项目台账", RecordLedgerColumns.PROJECTS, List.of("code", "fundCode")),

	/** 组织台账: one row per organisation; the columns of its export. */
	ORGANISATIONS("organisations", Ledger.ORGANISATIONS.title(), RecordLedgerColumns.ORGANISATIONS,
			List.of("creditCode")),

	/** 农户台账: one row per household; the columns of its export. Personal data. */
	HOUSEHOLDS("households", Ledger.HOUSEHOLDS.title(), RecordLedgerColumns.HOUSEHOLDS, List.of("householdNo")),

	/**
	 * 结对帮扶台账: one row per pairing of any program; the columns of its export. A program
	 * links a helper to a recipient once from a start date.
	 */
	PAIRINGS("pairings", Ledger.PAIRINGS.title(), RecordLedgerColumns.PAIRINGS,
			List.of("program", "helperId", "recipientId", "startDate")),

	/** 驻村干部台账: one row per person's term on a pairing. */
	CADRES("cadres", "驻村干部台账", RecordLedgerColumns.CADRES, List.of("pairingId", "personId", "startDate")),

	/** 结对成效台账: one row per pairing, year and indicator. */
	PAIRING_RESULTS("pairing-results", "结对成效台账", RecordLedgerColumns.PAIRING_RESULTS,
			List.of("pairingId", "year", "indicator"));

	private final String slug;

	private final String title;

	private final List<LedgerColumn> columns;

	private final List<String> key;

	LedgerForm(String slug, String title, List<LedgerColumn> columns, List<String> key) {
		this.slug = slug;
		this.title = title;
		this.columns = List.copyOf(columns);
		this.key = List.copyOf(key);
	}

	/** The ledger's name in URLs: {@code /ledgers/<slug>/imports}. */
	public String slug() {
		return this.slug;
	}

	/** The Chinese title. */
	public String title() {
		return this.title;
	}

	public List<LedgerColumn> columns() {
		return this.columns;
	}

	/**
	 * The fields whose values name one row's subject; no two rows of a file share them.
	 */
	public List<String> key() {
		return this.key;
	}

	/**
	 * How the cells of personal data are shown to whoever reads an import's report or
	 * marked workbook, by field: masked as the API masks them for a caller without the
	 * grant (the head's name and ID number of a household).
	 */
	public Map<String, UnaryOperator<String>> masks() {
		return (this == HOUSEHOLDS) ? Map.of("headName", PersonalData::maskName, "idNumber", PersonalData::maskIdNumber)
				: Map.of();
	}

	/** The masks of the form with these columns: none when no form has them. */
	public static Map<String, UnaryOperator<String>> masksOf(List<LedgerColumn> columns) {
		return Arrays.stream(values())
			.filter((form) -> form.columns.equals(columns))
			.findFirst()
			.map(LedgerForm::masks)
			.orElse(Map.of());
	}

	public static Optional<LedgerForm> ofSlug(String slug) {
		return Arrays.stream(values()).filter((form) -> form.slug.equals(slug)).findFirst();
	}

}
