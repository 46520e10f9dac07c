package org.fupin.ledger.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.WritingIntegrationTest;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.read.ReportLine;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledgers of an asset's events imported as jobs: a clean file of each is written
 * change by change in file order, as its mutation writes it, with a change event naming
 * the import and the row; a file breaking each rule of the change once is reported row by
 * row and column by column, and writes nothing. Subjects are assets of 融安县 (450224),
 * which no other writing test touches.
 */
class EventLedgerImportIT extends WritingIntegrationTest {

	private static final Caller ADMIN = new Caller("test-admin", Set.of(Role.ADMIN), null, null, false);

	/** Asset ZC-450102101203-0003 was disposed on 2023-11-07. */
	private static final String DISPOSED = "ZC-450102101203-0003";

	@Autowired
	private LedgerImports imports;

	@Autowired
	private EventLedger events;

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void eachTemplatesExampleRowPassesTheRules() {
		for (LedgerForm form : List.of(LedgerForm.OWNERSHIP_CHANGES, LedgerForm.CUSTODY, LedgerForm.CONTRACTS,
				LedgerForm.INCOME, LedgerForm.STATUS_CHANGES, LedgerForm.DISPOSALS)) {
			String example = form.columns()
				.stream()
				.map((column) -> (column.example() != null) ? column.example() : "")
				.collect(Collectors.joining(","));
			ImportJob job = run(form, example + "\n", false);
			assertThat(report(job)).as(form.slug()).isEmpty();
			assertThat(job.state()).as(form.slug()).isEqualTo(ImportState.VALIDATED);
			assertThat(job.rowsValid()).as(form.slug()).isEqualTo(1);
		}
	}

	// 产权变更台账

	@Test
	void ownershipChangesAreWrittenInFileOrder() {
		ImportJob job = run(LedgerForm.OWNERSHIP_CHANGES,
				"""
						ZC-450224101201-0003,2024-05-01,N1450224EHT2M64NBE;N2450224EJH1G8F366,,70.00;30.00,QZ-450224-2024-00901;,
						ZC-450224101201-0003,2025-05-01,N1450224EHT2M64NBE,,100.00,QZ-450224-2025-00902,融安县农振批〔2025〕1号
						""");
		assertThat(job.state()).isEqualTo(ImportState.COMMITTED);
		assertThat(job.rowsWritten()).isEqualTo(2);
		assertThat(strings("""
				MATCH (:Asset {registerNo: $no})-[o:OWNED_BY]->(p)
				WITH coalesce(p.creditCode, p.householdNo) AS owner, o ORDER BY o.validFrom, owner
				RETURN owner + '|' + o.share + '|' + toString(o.validFrom) + '|' + coalesce(toString(o.validTo), '')
				  + '|' + coalesce(o.certificateNo, '') + '|' + coalesce(o.approvalRef, '')""", "ZC-450224101201-0003"))
			.containsExactly("N1450224EHT2M64NBE|10000|2016-05-02|2024-05-01|QZ-450224-2016-00013|",
					"N1450224EHT2M64NBE|7000|2024-05-01|2025-05-01|QZ-450224-2024-00901|",
					"N2450224EJH1G8F366|3000|2024-05-01|2025-05-01||",
					"N1450224EHT2M64NBE|10000|2025-05-01||QZ-450224-2025-00902|融安县农振批〔2025〕1号");
		assertThat(events("ZC-450224101201-0003", job.id())).containsExactly("TRANSFER_OWNERSHIP|test-admin|2",
				"TRANSFER_OWNERSHIP|test-admin|3");
	}

	@Test
	void anOwnershipChangeFileIsReportedRuleByRuleAndWritesNothing() {
		Map<String, Object> before = register();
		ImportJob job = run(LedgerForm.OWNERSHIP_CHANGES, """
				ZC-450224999999-0001,2025-01-01,N1450224EHT2M64NBE,,100.00,,
				ZC-450224102202-0001,2025-01-01,N1450224M28LY56416;N24502246KBDJ64B4U,,60.00;30.00,,
				ZC-450224102202-0001,2017-07-31,N24502246KBDJ64B4U,,100.00,,
				%s,2025-01-01,N1450224EHT2M64NBE,,100.00,,
				ZC-450224102204-0001,2025-01-01,N1450224ZZZZZZZZZZ,,100.00,,
				ZC-450224102204-0001,2026-04-01,N24502246KBDJ64B4U,,100.00,,
				ZC-450224102204-0004,2025-01-01,N1450224QDR44XHH1Y;N24502246KBDJ64B4U,,100.00,,
				ZC-450224102202-0001,2025-01-01,N1450224M28LY56416,,100.00,,
				""".formatted(DISPOSED));
		assertThat(job.state()).isEqualTo(ImportState.INVALID);
		assertThat(job.rowsRead()).isEqualTo(8);
		assertThat(job.rowsInvalid()).isEqualTo(8);
		assertThat(report(job)).containsExactly("2|登记编号|ZC-450224999999-0001|NOT_FOUND",
				"3|产权份额(%)|60.00;30.00|INVALID_ARGUMENT", "4|变更日期|2017-07-31|CONFLICT",
				"5|登记编号|" + DISPOSED + "|CONFLICT", "6|新产权主体代码|N1450224ZZZZZZZZZZ|NOT_FOUND",
				"7|变更日期|2026-04-01|INVALID_ARGUMENT", "8|产权份额(%)|100.00|INVALID_ARGUMENT",
				"9|登记编号|ZC-450224102202-0001|DUPLICATE_KEY");
		assertThat(this.imports.allLines(job.id(), ADMIN).get(1).message()).isEqualTo("产权主体的份额合计必须正好是100(%)，现合计90.00。"
				+ " The shares in owners must add up to exactly 100 (percent); they add up to 90.00.");
		assertThat(register()).isEqualTo(before);
	}

	// 管护台账

	@Test
	void custodyIsWrittenInFileOrder() {
		ImportJob job = run(LedgerForm.CUSTODY, """
				ZC-450224101202-0002,N1450224NA6442PKX4,,P000239,,日常管理、维修养护、保洁,2025-01-01
				ZC-450224101202-0002,11450224B425KWUPMC,上山镇人民政府,P000238,,日常管理,2025-06-01
				""");
		assertThat(job.state()).isEqualTo(ImportState.COMMITTED);
		assertThat(strings("""
				MATCH (:Asset {registerNo: $no})-[:HAS_CUSTODY]->(c:Custody)-[:CUSTODIAN]->(o),
				  (c)-[:RESPONSIBLE_PERSON]->(p)
				RETURN c.id + '|' + o.creditCode + '|' + p.personId + '|' + c.duty + '|' + toString(c.validFrom) + '|'
				  + coalesce(toString(c.validTo), '')
				ORDER BY c.validFrom""", "ZC-450224101202-0002")).containsExactly(
				"CU-ZC-450224101202-0002-1|N1450224NA6442PKX4|P000239|日常管理、维修养护|2017-01-17|2025-01-01",
				"CU-ZC-450224101202-0002-2|N1450224NA6442PKX4|P000239|日常管理、维修养护、保洁|2025-01-01|2025-06-01",
				"CU-ZC-450224101202-0002-3|11450224B425KWUPMC|P000238|日常管理|2025-06-01|");
		assertThat(events("ZC-450224101202-0002", job.id())).containsExactly("ASSIGN_CUSTODY|test-admin|2",
				"ASSIGN_CUSTODY|test-admin|3");
	}

	@Test
	void aCustodyFileIsReportedRuleByRuleAndWritesNothing() {
		Map<String, Object> before = register();
		ImportJob job = run(LedgerForm.CUSTODY, """
				ZC-450224102201-0003,N14502240CF2H6RXX8,,P999999,,巡查,2025-01-01
				ZC-450224102201-0003,H45022410120101,,P000241,,巡查,2025-02-01
				ZC-450224102201-0003,N14502240CF2H6RXX8,,P000241,,巡查,2016-11-24
				ZC-450224102201-0003,N14502240CF2H6RXX8,,P000241,,,2025-03-01
				%s,N14502240CF2H6RXX8,,P000241,,巡查,2025-04-01
				""".formatted(DISPOSED));
		assertThat(job.state()).isEqualTo(ImportState.INVALID);
		assertThat(report(job)).containsExactly("2|管护责任人编号|P999999|NOT_FOUND",
				"3|管护主体代码|H45022410120101|INVALID_ARGUMENT", "4|管护起始日期|2016-11-24|CONFLICT", "5|管护责任||INVALID_ARGUMENT",
				"6|登记编号|" + DISPOSED + "|CONFLICT");
		assertThat(register()).isEqualTo(before);
	}

	// 经营合同台账

	@Test
	void contractsAreWrittenWithTheirOperators() {
		ImportJob job = run(LedgerForm.CONTRACTS, """
				HT-IMPORT-450224-1,ZC-450224102202-0003,N24502246KBDJ64B4U,,LEASE,2025-01-01,2030-01-01,20000.00
				HT-IMPORT-450224-2,ZC-450224102202-0003,H45022410120101,,CONTRACTING,2025-02-01,2026-02-01,1200.50
				""");
		assertThat(job.state()).isEqualTo(ImportState.COMMITTED);
		assertThat(strings("""
				MATCH (:Asset {registerNo: $no})-[:HAS_CONTRACT]->(k)-[:OPERATOR]->(o)
				RETURN k.contractNo + '|' + coalesce(o.creditCode, o.householdNo) + '|' + k.mode + '|'
				  + toString(k.startDate) + '|' + toString(k.endDate) + '|' + k.annualRent + '|' + k.illustrative
				ORDER BY k.contractNo""", "ZC-450224102202-0003")).containsExactly(
				"HT-IMPORT-450224-1|N24502246KBDJ64B4U|LEASE|2025-01-01|2030-01-01|2000000|false",
				"HT-IMPORT-450224-2|H45022410120101|CONTRACTING|2025-02-01|2026-02-01|120050|false",
				"HT-ZC-450224102202-0003-1|91451121FG3MFTKQ6D|ENTRUSTED|2023-09-28|2028-09-28|1900000|true");
		assertThat(events("ZC-450224102202-0003", job.id())).containsExactly("RECORD_OPERATION_CONTRACT|test-admin|2",
				"RECORD_OPERATION_CONTRACT|test-admin|3");
	}

	@Test
	void aContractFileIsReportedRuleByRuleAndWritesNothing() {
		Map<String, Object> before = register();
		ImportJob job = run(LedgerForm.CONTRACTS, """
				HT-ZC-450224101201-0002-1,ZC-450224102204-0001,N24502246KBDJ64B4U,,LEASE,2025-01-01,2030-01-01,1.00
				HT-IMPORT-450224-E2,ZC-450224102204-0001,N24502246KBDJ64B4U,,LEASE,2025-01-01,2025-01-01,1.00
				HT-IMPORT-450224-E3,ZC-450224102204-0001,N2450224ZZZZZZZZZZ,,LEASE,2025-01-01,2026-01-01,1.00
				HT-IMPORT-450224-E4,ZC-450224102204-0001,450224102204,,LEASE,2025-01-01,2026-01-01,1.00
				HT-IMPORT-450224-E5,%s,N24502246KBDJ64B4U,,LEASE,2025-01-01,2026-01-01,1.00
				HT-IMPORT-450224-E3,ZC-450224102204-0001,N24502246KBDJ64B4U,,LEASE,2025-01-01,2026-01-01,1.00
				""".formatted(DISPOSED));
		assertThat(job.state()).isEqualTo(ImportState.INVALID);
		assertThat(report(job)).containsExactly("2|合同编号|HT-ZC-450224101201-0002-1|CONFLICT",
				"3|结束日期|2025-01-01|INVALID_ARGUMENT", "4|经营主体代码|N2450224ZZZZZZZZZZ|NOT_FOUND",
				"5|经营主体代码|450224102204|INVALID_ARGUMENT", "6|登记编号|" + DISPOSED + "|CONFLICT",
				"7|合同编号|HT-IMPORT-450224-E3|DUPLICATE_KEY");
		assertThat(register()).isEqualTo(before);
	}

	// 收益分配台账

	@Test
	void incomeRowsOfAnAssetAndYearAreOneIncomeRecord() {
		ImportJob job = run(LedgerForm.INCOME, """
				ZC-450224103202-0005,2025,30000.00,MAINTENANCE,5000.00,,,
				ZC-450224103202-0005,2025,30000.00,HOUSEHOLD_DIVIDEND,20000.00,H45022410320101,顾**,12000.00
				ZC-450224103202-0005,2025,30000.00,HOUSEHOLD_DIVIDEND,20000.00,H45022410320102,,8000.00
				ZC-450224103202-0005,2025,30000.00,VILLAGE_PUBLIC_WELFARE,5000.00,450224103202,西营村,5000.00
				""");
		assertThat(job.state()).isEqualTo(ImportState.COMMITTED);
		assertThat(strings("""
				MATCH (:Asset {registerNo: $no})-[:EARNED]->(i:Income {year: 2025})-[:USED_FOR]->(u)
				OPTIONAL MATCH (u)-[b:BENEFITS]->(p)
				WITH i, u, b, coalesce(p.householdNo, p.code) AS beneficiary ORDER BY u.id, beneficiary
				RETURN i.id + '|' + i.amount + '|' + u.id + '|' + u.use + '|' + u.amount + '|'
				  + coalesce(beneficiary + ':' + b.amount, '')""", "ZC-450224103202-0005")).containsExactly(
				"INC-ZC-450224103202-0005-2025|3000000|INC-ZC-450224103202-0005-2025-U1|MAINTENANCE|500000|",
				"INC-ZC-450224103202-0005-2025|3000000|INC-ZC-450224103202-0005-2025-U2|HOUSEHOLD_DIVIDEND|2000000"
						+ "|H45022410320101:1200000",
				"INC-ZC-450224103202-0005-2025|3000000|INC-ZC-450224103202-0005-2025-U2|HOUSEHOLD_DIVIDEND|2000000"
						+ "|H45022410320102:800000",
				"INC-ZC-450224103202-0005-2025|3000000|INC-ZC-450224103202-0005-2025-U3|VILLAGE_PUBLIC_WELFARE"
						+ "|500000|450224103202:500000");
		assertThat(events("ZC-450224103202-0005", job.id())).containsExactly("RECORD_INCOME|test-admin|2");
	}

	@Test
	void anIncomeFileIsReportedOnTheRowsAtFaultAndWritesNothing() {
		Map<String, Object> before = register();
		ImportJob job = run(LedgerForm.INCOME, """
				ZC-450224102204-0001,2024,100.00,MAINTENANCE,100.00,,,
				ZC-450224102204-0004,2025,1000.00,MAINTENANCE,900.00,,,
				ZC-450224101201-0004,2025,500.00,HOUSEHOLD_DIVIDEND,500.00,H45022410120101,,200.00
				ZC-450224101201-0004,2025,500.00,HOUSEHOLD_DIVIDEND,500.00,H45022410120102,,200.00
				ZC-450224103201-0003,2025,300.00,HOUSEHOLD_DIVIDEND,300.00,H45022499999999,,300.00
				ZC-450224101202-0001,2025,300.00,MAINTENANCE,100.00,,,
				ZC-450224101202-0001,2025,350.00,COLLECTIVE_RESERVE,200.00,,,
				""");
		assertThat(job.state()).isEqualTo(ImportState.INVALID);
		assertThat(report(job)).containsExactly("2|年度|2024|CONFLICT", "3|收益总额(元)|1000.00|INVALID_ARGUMENT",
				"4|用途金额(元)|500.00|INVALID_ARGUMENT", "6|受益对象代码|H45022499999999|NOT_FOUND",
				"8|收益总额(元)|350.00|INVALID_ARGUMENT");
		assertThat(register()).isEqualTo(before);
	}

	// 资产状态变更台账

	@Test
	void statusChangesAreWrittenInFileOrder() {
		ImportJob job = run(LedgerForm.STATUS_CHANGES, """
				ZC-450224101201-0005,DAMAGED,2025-01-01
				ZC-450224101201-0005,IN_USE,2025-06-01
				""");
		assertThat(job.state()).isEqualTo(ImportState.COMMITTED);
		assertThat(strings("""
				MATCH (a:Asset {registerNo: $no}) RETURN a.status + '|' + toString(a.statusSince)""",
				"ZC-450224101201-0005"))
			.containsExactly("IN_USE|2025-06-01");
		assertThat(events("ZC-450224101201-0005", job.id())).containsExactly("CHANGE_ASSET_STATUS|test-admin|2",
				"CHANGE_ASSET_STATUS|test-admin|3");
	}

	@Test
	void aStatusFileIsReportedRuleByRuleAndWritesNothing() {
		Map<String, Object> before = register();
		ImportJob job = run(LedgerForm.STATUS_CHANGES, """
				ZC-450224102201-0003,DISPOSED,2025-01-01
				ZC-450224102201-0003,IN_USE,2025-02-01
				ZC-450224102201-0003,IDLE,2016-11-23
				ZC-450224102201-0003,IDLE,2026-04-01
				%s,IDLE,2025-05-01
				""".formatted(DISPOSED));
		assertThat(job.state()).isEqualTo(ImportState.INVALID);
		assertThat(report(job)).containsExactly("2|资产状态|DISPOSED|INVALID_ARGUMENT", "3|资产状态|IN_USE|CONFLICT",
				"4|状态起始日期|2016-11-23|CONFLICT", "5|状态起始日期|2026-04-01|INVALID_ARGUMENT",
				"6|登记编号|" + DISPOSED + "|CONFLICT");
		assertThat(register()).isEqualTo(before);
	}

	// 资产处置台账

	@Test
	void disposalsEndTheAssetsActiveLife() {
		ImportJob job = run(LedgerForm.DISPOSALS, """
				ZC-450224102204-0004,SALE,2026-01-15,融安县农振批〔2026〕2号,300000.00,N24502246KBDJ64B4U,
				""");
		assertThat(job.state()).isEqualTo(ImportState.COMMITTED);
		assertThat(strings("""
				MATCH (a:Asset {registerNo: $no})-[:DISPOSED_BY]->(d)-[:TRANSFERRED_TO]->(t)
				RETURN a.status + '|' + toString(a.statusSince) + '|' + d.id + '|' + d.mode + '|' + d.approvalRef
				  + '|' + d.proceeds + '|' + t.creditCode""", "ZC-450224102204-0004")).containsExactly(
				"DISPOSED|2026-01-15|DSP-ZC-450224102204-0004|SALE|融安县农振批〔2026〕2号|30000000|N24502246KBDJ64B4U");
		assertThat(strings("""
				MATCH (:Asset {registerNo: $no})-[o:OWNED_BY]->(p)
				RETURN p.creditCode + '|' + toString(o.validFrom) + '|' + coalesce(toString(o.validTo), '')
				ORDER BY o.validFrom""", "ZC-450224102204-0004"))
			.containsExactly("N1450224QDR44XHH1Y|2017-08-19|2026-01-15", "N24502246KBDJ64B4U|2026-01-15|");
		assertThat(events("ZC-450224102204-0004", job.id())).containsExactly("DISPOSE_ASSET|test-admin|2");
	}

	@Test
	void aDisposalFileIsReportedRuleByRuleAndWritesNothing() {
		Map<String, Object> before = register();
		ImportJob job = run(LedgerForm.DISPOSALS, """
				ZC-450224101202-0001,SCRAP,2026-01-15,,,,
				ZC-450224101202-0002,SALE,2026-01-15,融安县农振批〔2026〕3号,,,
				ZC-450224102201-0003,SCRAP,2026-01-15,融安县农振批〔2026〕4号,,N24502246KBDJ64B4U,
				ZC-450224103201-0003,SCRAP,2017-08-01,融安县农振批〔2026〕5号,,,
				%s,SCRAP,2026-01-15,融安县农振批〔2026〕6号,,,
				""".formatted(DISPOSED));
		assertThat(job.state()).isEqualTo(ImportState.INVALID);
		assertThat(report(job)).containsExactly("2|审批文号||INVALID_ARGUMENT", "3|受让方代码||INVALID_ARGUMENT",
				"4|受让方代码|N24502246KBDJ64B4U|INVALID_ARGUMENT",
				// Before its completion, its first owners' start and its first
				// contract's.
				"5|处置日期|2017-08-01|CONFLICT", "5|处置日期|2017-08-01|CONFLICT", "5|处置日期|2017-08-01|CONFLICT",
				"6|登记编号|" + DISPOSED + "|CONFLICT");
		assertThat(register()).isEqualTo(before);
	}

	@Test
	void anOfficersFileChangesOnlyAssetsInTheirPlace() {
		Caller officer = new Caller("test-officer", Set.of(Role.OFFICER), "450224", null, false);
		String header = LedgerForm.STATUS_CHANGES.columns()
			.stream()
			.map(LedgerColumn::header)
			.collect(Collectors.joining(","));
		ImportJob job = this.imports.submit(LedgerForm.STATUS_CHANGES, "status.csv",
				new ByteArrayInputStream(
						(header + "\nZC-450224101203-0003,IDLE,2025-09-01\n" + "ZC-450226101201-0001,IDLE,2025-09-01\n")
							.getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8, false, officer);
		this.imports.drain();
		List<ReportLine> lines = this.imports.allLines(job.id(), officer);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).isEqualTo(new ReportLine(3, "registerNo", "登记编号", "ZC-450226101201-0001", "FORBIDDEN",
				"你无权修改位于450226101201的资产：你的地区范围是450224。 You may not change assets at 450226101201: your "
						+ "token (test-officer) has roles [OFFICER], place 450224."));
		assertThat(this.imports.job(job.id(), officer).state()).isEqualTo(ImportState.INVALID);
	}

	@Test
	void anIncomeRecordRunningPastABatchIsCheckedWhenItEnds() {
		EventLedger.FileState file = new EventLedger.FileState(LedgerForm.INCOME, ADMIN,
				java.time.LocalDate.of(2026, 3, 31));
		LedgerRows.Checked<List<EventLedger.Event>> first = this.events.check(
				List.of(income(2, "ZC-450224102204-0001", 2025, "100.00", "MAINTENANCE", "100.00", null, null),
						income(3, "ZC-450224101203-0002", 2025, "300.00", "MAINTENANCE", "100.00", null, null)),
				file, false, false);
		assertThat(first.outcomes()).extracting(RowOutcome::row, RowOutcome::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, RowOutcome.Kind.CHANGE));
		LedgerRows.Checked<List<EventLedger.Event>> rest = this.events.check(List.of(income(4, "ZC-450224101203-0002",
				2025, "300.00", "HOUSEHOLD_DIVIDEND", "200.00", "H45022410120101", "200.00")), file, false, true);
		assertThat(rest.outcomes()).extracting(RowOutcome::row, RowOutcome::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, RowOutcome.Kind.CHANGE),
					org.assertj.core.groups.Tuple.tuple(4, RowOutcome.Kind.CHANGE));
		assertThat(rest.valid()).hasSize(1);
		assertThat(rest.valid().get(0).input).isEqualTo(new org.fupin.register.AssetInputs.RecordIncomeInput(
				"ZC-450224101203-0002", 2025, org.fupin.money.Money.parse("300.00"),
				List.of(new org.fupin.register.AssetInputs.IncomeUseInput("MAINTENANCE",
						org.fupin.money.Money.parse("100.00"), List.of()),
						new org.fupin.register.AssetInputs.IncomeUseInput("HOUSEHOLD_DIVIDEND",
								org.fupin.money.Money.parse("200.00"),
								List.of(new org.fupin.register.AssetInputs.BeneficiaryShareInput("H45022410120101",
										org.fupin.money.Money.parse("200.00")))))));
	}

	private static org.fupin.ledger.read.SourceRow income(int number, String registerNo, long year, String total,
			String use, String useAmount, String beneficiary, String amount) {
		Map<String, Object> values = new java.util.HashMap<>();
		values.put("registerNo", registerNo);
		values.put("year", year);
		values.put("amount", org.fupin.money.Money.parse(total));
		values.put("use", use);
		values.put("useAmount", org.fupin.money.Money.parse(useAmount));
		if (beneficiary != null) {
			values.put("beneficiaryId", beneficiary);
			values.put("beneficiaryAmount", org.fupin.money.Money.parse(amount));
		}
		Map<String, String> texts = new java.util.HashMap<>();
		values.forEach((field, value) -> texts.put(field, String.valueOf(value)));
		return new org.fupin.ledger.read.SourceRow(number, values, texts, List.of());
	}

	/** Imports {@code rows} (CSV without its header) as ADMIN, committing if valid. */
	private ImportJob run(LedgerForm form, String rows) {
		return run(form, rows, true);
	}

	private ImportJob run(LedgerForm form, String rows, boolean commit) {
		String header = form.columns().stream().map(LedgerColumn::header).collect(Collectors.joining(","));
		byte[] csv = (header + "\n" + rows).getBytes(StandardCharsets.UTF_8);
		ImportJob job = this.imports.submit(form, form.slug() + ".csv", new ByteArrayInputStream(csv),
				StandardCharsets.UTF_8, commit, ADMIN);
		this.imports.drain();
		return this.imports.job(job.id(), ADMIN);
	}

	/** The report: row|header|value|code per line. */
	private List<String> report(ImportJob job) {
		return this.imports.allLines(job.id(), ADMIN)
			.stream()
			.map((ReportLine line) -> line.row() + "|" + line.header() + "|"
					+ ((line.value() != null) ? line.value() : "") + "|" + line.code())
			.toList();
	}

	/** The asset's change events of the import: operation|actor|row, in row order. */
	private List<String> events(String registerNo, String importId) {
		return this.neo4j.query("""
				MATCH (e:ChangeEvent)-[:CHANGED]->(:Asset {registerNo: $no})
				WHERE e.after CONTAINS $importId
				RETURN e.operation + '|' + e.actor + '|' + e.after AS line""")
			.bindAll(Map.of("no", registerNo, "importId", importId))
			.fetchAs(String.class)
			.all()
			.stream()
			.map((line) -> {
				String after = line.substring(line.lastIndexOf('|') + 1);
				String row = after.replaceAll(".*\"row\":(\\d+).*", "$1");
				return line.substring(0, line.lastIndexOf('|')) + "|" + row;
			})
			.sorted()
			.toList();
	}

	/**
	 * The register in a few numbers, as a test that refuses a file compares it: every
	 * node and relationship but the import jobs and their reports, which a refused import
	 * keeps.
	 */
	private Map<String, Object> register() {
		return graphSnapshot(LedgerImportIT.IMPORT_RECORDS);
	}

	private List<String> strings(String cypher, String registerNo) {
		return List.copyOf(this.neo4j.query(cypher).bind(registerNo).to("no").fetchAs(String.class).all());
	}

}
