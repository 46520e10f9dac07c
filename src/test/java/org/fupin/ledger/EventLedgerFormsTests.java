package org.fupin.ledger;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLedgerFormsTests {

	@Test
	void eachEventLedgerHasItsSlugTitleAndKey() {
		assertThat(List.of(LedgerForm.OWNERSHIP_CHANGES, LedgerForm.CUSTODY, LedgerForm.CONTRACTS, LedgerForm.INCOME,
				LedgerForm.STATUS_CHANGES, LedgerForm.DISPOSALS))
			.extracting(LedgerForm::slug, LedgerForm::title, LedgerForm::key)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("ownership-changes", "产权变更台账", List.of("registerNo", "date")),
					org.assertj.core.groups.Tuple.tuple("custody", "管护台账", List.of("registerNo", "validFrom")),
					org.assertj.core.groups.Tuple.tuple("contracts", "经营合同台账", List.of("contractNo")),
					org.assertj.core.groups.Tuple.tuple("income", "收益分配台账",
							List.of("registerNo", "year", "use", "beneficiaryId")),
					org.assertj.core.groups.Tuple.tuple("status-changes", "资产状态变更台账", List.of("registerNo", "since")),
					org.assertj.core.groups.Tuple.tuple("disposals", "资产处置台账", List.of("registerNo")));
		assertThat(LedgerForm.ofSlug("income")).contains(LedgerForm.INCOME);
	}

	@Test
	void everyKeyFieldIsARequiredColumn() {
		for (LedgerForm form : LedgerForm.values()) {
			Map<String, LedgerColumn> columns = form.columns()
				.stream()
				.collect(Collectors.toMap(LedgerColumn::field, (c) -> c));
			assertThat(columns).as(form.slug()).containsKeys(form.key().toArray(String[]::new));
			if (form != LedgerForm.INCOME) {
				assertThat(form.key()).as(form.slug()).allMatch((field) -> columns.get(field).required());
			}
		}
	}

	@Test
	void columnTypesFollowTheGraphDeclaration() {
		assertThat(types(LedgerForm.OWNERSHIP_CHANGES)).isEqualTo("registerNo:CODE date:DATE ownerIds:CODE[] "
				+ "ownerNames:TEXT[] ownerShares:PERCENT[] certificateNos:CODE[] approvalRef:TEXT");
		assertThat(types(LedgerForm.CONTRACTS)).isEqualTo("contractNo:CODE registerNo:CODE operatorId:CODE "
				+ "operatorName:TEXT mode:CODE startDate:DATE endDate:DATE annualRent:MONEY");
		assertThat(types(LedgerForm.INCOME)).isEqualTo("registerNo:CODE year:INTEGER amount:MONEY use:CODE "
				+ "useAmount:MONEY beneficiaryId:CODE beneficiaryName:TEXT beneficiaryAmount:MONEY");
		assertThat(types(LedgerForm.DISPOSALS)).isEqualTo("registerNo:CODE mode:CODE date:DATE approvalRef:TEXT "
				+ "proceeds:MONEY transfereeId:CODE transfereeName:TEXT");
		assertThat(LedgerForm.INCOME.columns().get(3).values()).isEqualTo("IncomeUseKind");
		assertThat(LedgerForm.STATUS_CHANGES.columns().get(1).values()).isEqualTo("AssetStatus");
		assertThatThrownBy(() -> EventLedgerColumns.of("x", "x", org.fupin.graph.Model.ASSET, "rent"))
			.hasMessage("Asset declares no rent");
	}

	@Test
	void eachTemplateRowIsFilledInEveryRequiredColumn() {
		for (LedgerForm form : LedgerForm.values()) {
			if (form == LedgerForm.ASSETS) {
				continue;
			}
			assertThat(form.columns()).as(form.slug())
				.filteredOn(LedgerColumn::required)
				.allMatch((column) -> column.example() != null && !column.example().isBlank());
		}
		assertThat(LedgerForm.OWNERSHIP_CHANGES.columns().stream().map(LedgerColumn::example).toList()).containsExactly(
				"ZC-450226101204-0002", "2025-03-01", "N14502261M9WNEKW0L;N2450226Q1BT9HT1LF",
				"白峰村股份经济合作社;新桥村食用菌种植专业合作社", "60.00;40.00", "QZ-450226-2025-00101;", "三江县农振批〔2025〕3号");
	}

	private static String types(LedgerForm form) {
		return form.columns()
			.stream()
			.map((c) -> c.field() + ":" + c.type() + (c.list() ? "[]" : ""))
			.collect(Collectors.joining(" "));
	}

}
