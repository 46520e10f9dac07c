package org.fupin.ledger;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RecordLedgerFormsTests {

	@Test
	void eachLedgerHasItsSlugTitleAndKey() {
		assertThat(List.of(LedgerForm.PROJECTS, LedgerForm.ORGANISATIONS, LedgerForm.HOUSEHOLDS, LedgerForm.PAIRINGS,
				LedgerForm.CADRES, LedgerForm.PAIRING_RESULTS))
			.extracting(LedgerForm::slug, LedgerForm::title, LedgerForm::key)
			.containsExactly(tuple("projects", "项目台账", List.of("code", "fundCode")),
					tuple("organisations", "组织台账", List.of("creditCode")),
					tuple("households", "农户台账", List.of("householdNo")),
					tuple("pairings", "结对帮扶台账", List.of("program", "helperId", "recipientId", "startDate")),
					tuple("cadres", "驻村干部台账", List.of("pairingId", "personId", "startDate")),
					tuple("pairing-results", "结对成效台账", List.of("pairingId", "year", "indicator")));
		assertThat(LedgerForm.ofSlug("pairing-results")).contains(LedgerForm.PAIRING_RESULTS);
	}

	@Test
	void anExportedLedgerHasTheColumnsOfItsImport() {
		for (Ledger ledger : List.of(Ledger.ORGANISATIONS, Ledger.HOUSEHOLDS, Ledger.PAIRINGS)) {
			LedgerForm form = LedgerForm.ofSlug(ledger.slug()).orElseThrow();
			assertThat(form.columns().subList(0, ledger.columns().size()))
				.extracting(LedgerColumn::header, LedgerColumn::field, LedgerColumn::type)
				.as(ledger.slug())
				.containsExactlyElementsOf(
						ledger.columns().stream().map((c) -> tuple(c.header(), c.field(), c.type())).toList());
			assertThat(form.title()).isEqualTo(ledger.title());
		}
		assertThat(LedgerForm.PAIRINGS.columns().size()).isEqualTo(Ledger.PAIRINGS.columns().size() + 2);
	}

	@Test
	void columnsAreTypedAndCoded() {
		assertThat(describe(LedgerForm.PROJECTS)).isEqualTo("code:CODE! name:TEXT! year:INTEGER! countyCode:CODE! "
				+ "countyName:TEXT pairingId:CODE fundCode:CODE! fundName:TEXT fundKind:CODE=FundKind fundYear:INTEGER "
				+ "providerCode:CODE amount:MONEY!");
		assertThat(describe(LedgerForm.ORGANISATIONS)).isEqualTo("creditCode:CODE! name:TEXT! "
				+ "kind:TEXT!=OrganisationKind enterpriseType:TEXT=EnterpriseType placeCode:CODE! placeName:TEXT");
		assertThat(describe(LedgerForm.HOUSEHOLDS)).isEqualTo("householdNo:CODE! headName:TEXT! idNumber:CODE! "
				+ "size:INTEGER! formerlyPoor:TEXT villageCode:CODE! villageName:TEXT");
		assertThat(describe(LedgerForm.PAIRINGS)).isEqualTo("id:CODE program:TEXT!=PairingProgram "
				+ "kind:TEXT!=PairingKind helperId:CODE! helperName:TEXT recipientId:CODE! recipientName:TEXT "
				+ "parentId:CODE startDate:DATE! endDate:DATE status:TEXT=PairingStatus investment:MONEY "
				+ "exception:TEXT exceptionReason:TEXT");
		assertThat(describe(LedgerForm.CADRES)).isEqualTo("pairingId:CODE! personId:CODE! name:TEXT "
				+ "role:CODE!=StaffingRole organisationCode:CODE organisationName:TEXT startDate:DATE! endDate:DATE");
		assertThat(describe(LedgerForm.PAIRING_RESULTS)).isEqualTo("pairingId:CODE! year:INTEGER! "
				+ "indicator:CODE!=PairingIndicator target:MONEY actual:MONEY source:TEXT reason:TEXT");
	}

	@Test
	void realLedgersOtherHeadersAreKnown() {
		assertThat(LedgerForm.PROJECTS.columns().get(11).aliases()).containsExactly("资金金额(元)", "投入资金(元)", "金额");
		assertThat(LedgerForm.HOUSEHOLDS.columns().get(0).aliases()).containsExactly("农户编号", "户号");
		assertThat(LedgerForm.CADRES.columns().get(6).aliases()).containsExactly("到岗日期", "开始日期");
	}

	@Test
	void eachTemplateRowNamesSeedRecords() {
		assertThat(examples(LedgerForm.PROJECTS))
			.isEqualTo("PRJ-450102-2025-01|2025年兴宁区竹坝村产业路硬化项目|2025|450102|兴宁区||" + "F-450102-2021-CL|||||380000.00");
		assertThat(examples(LedgerForm.ORGANISATIONS))
			.isEqualTo("11450102X24ELF5XK4|兴宁区乡村振兴局|GOVERNMENT_DEPARTMENT||450102|兴宁区");
		assertThat(examples(LedgerForm.HOUSEHOLDS))
			.isEqualTo("H45010210120101|罗芳德|450102000000000011|4|否|450102101201|竹坝村");
		assertThat(examples(LedgerForm.PAIRINGS)).isEqualTo("|ENTERPRISE_VILLAGE|PUBLIC_WELFARE|91441900TWXLM6C1JW|"
				+ "东莞汇通食品有限公司|450102101201|竹坝村||2025-03-01|||500000.00||");
		assertThat(examples(LedgerForm.CADRES)).isEqualTo(
				"RC-11450103QALXDP05PY-450103101204|P100001|黄立新|FIRST_SECRETARY|11450103QALXDP05PY||2025-09-01|");
		assertThat(examples(LedgerForm.PAIRING_RESULTS))
			.isEqualTo("CP-4419-450226|2025|RURAL_LABOUR_EMPLOYED|1200|1350||");
	}

	private static String describe(LedgerForm form) {
		return form.columns()
			.stream()
			.map((c) -> c.field() + ":" + c.type() + (c.required() ? "!" : "")
					+ ((c.values() != null) ? "=" + c.values() : ""))
			.collect(Collectors.joining(" "));
	}

	private static String examples(LedgerForm form) {
		return form.columns()
			.stream()
			.map((c) -> (c.example() != null) ? c.example() : "")
			.collect(Collectors.joining("|"));
	}

}
