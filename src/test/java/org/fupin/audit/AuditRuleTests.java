package org.fupin.audit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences findings say, from the facts each rule's query returns. */
class AuditRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

	@Test
	void noOwnerSaysWhetherThereEverWasOne() {
		assertThat(AuditRule.OPERATING_NO_OWNER.message(detail("periods", 0L, "lastEnd", null), TODAY))
			.isEqualTo("经营性资产从未登记产权");
		assertThat(AuditRule.OPERATING_NO_OWNER.message(detail("periods", 2L, "lastEnd", LocalDate.of(2024, 11, 2)),
				TODAY))
			.isEqualTo("产权登记于2024-11-02终止，此后无产权人");
		// A period that only starts in the future: no end, still no owner today.
		assertThat(AuditRule.OPERATING_NO_OWNER.message(detail("periods", 1L, "lastEnd", null), TODAY))
			.isEqualTo("经营性资产当前无产权人");
	}

	@Test
	void sharesAndOverlapsShowPercentagesToTheCentFromHundredthsOfAPercent() {
		assertThat(AuditRule.OWNERSHIP_SHARES_NOT_100.message(detail("total", 9500L), TODAY))
			.isEqualTo("当前产权份额合计95.00%，应为100%");
		assertThat(AuditRule.OWNERSHIP_PERIODS_OVERLAP.message(
				detail("from", LocalDate.of(2019, 7, 8), "until", LocalDate.of(2020, 2, 9), "total", 20000L), TODAY))
			.isEqualTo("2019-07-08至2020-02-09产权期间重叠，份额合计200.00%");
		assertThat(AuditRule.OWNERSHIP_PERIODS_OVERLAP
			.message(detail("from", LocalDate.of(2019, 7, 8), "until", null, "total", 15000L), TODAY))
			.isEqualTo("2019-07-08起产权期间重叠，份额合计150.00%");
	}

	@Test
	void gapsAreListedInOrder() {
		assertThat(
				AuditRule.OWNERSHIP_PERIODS_GAP.message(
						detail("gaps",
								List.of(detail("from", LocalDate.of(2019, 10, 17), "to", LocalDate.of(2020, 1, 14)),
										detail("from", LocalDate.of(2021, 1, 1), "to", LocalDate.of(2021, 2, 1)))),
						TODAY))
			.isEqualTo("2019-10-17至2020-01-14、2021-01-01至2021-02-01无产权人");
	}

	@Test
	void incomeMessagesNameTheRecordAndTheMoneyFromFen() {
		assertThat(
				AuditRule.INCOME_NOT_DISTRIBUTED
					.message(
							detail("incomes",
									List.of(detail("income", "INC-1", "amount", 100000L, "distributed", 0L),
											detail("income", "INC-2", "amount", 100000L, "distributed", 75050L))),
							TODAY))
			.isEqualTo("INC-1收益1000.00元未作任何分配；INC-2分配合计750.50元，少于收益金额1000.00元");
		assertThat(AuditRule.INCOME_WITHOUT_BENEFICIARY.message(
				detail("uses", List.of(detail("income", "INC-1", "use", "HOUSEHOLD_DIVIDEND", "amount", 30000L))),
				TODAY))
			.isEqualTo("INC-1的到户分红300.00元未落实到受益对象");
	}

	@Test
	void idleDaysCountFromTheStatusDateToToday() {
		assertThat(AuditRule.LONG_IDLE_OR_DAMAGED
			.message(detail("status", "DAMAGED", "since", LocalDate.of(2025, 3, 31)), TODAY))
			.isEqualTo("自2025-03-31起损毁，已365天未处理");
	}

	@Test
	void disposalWithoutRecordOrApproval() {
		assertThat(AuditRule.DISPOSED_WITHOUT_APPROVAL.message(detail("date", LocalDate.of(2023, 7, 6), "mode", "SALE"),
				TODAY))
			.isEqualTo("于2023-07-06出售处置，无审批文号");
		assertThat(AuditRule.DISPOSED_WITHOUT_APPROVAL.message(detail("date", null, "mode", null), TODAY))
			.isEqualTo("状态为已处置，但无处置记录和审批文号");
	}

	@Test
	void everyRuleSelectsItsAssetsOnlyThroughTheSelectorAndParameters() {
		for (AuditRule rule : AuditRule.values()) {
			String cypher = rule.cypher("a.registerNo IN $registerNos");
			assertThat(cypher).contains("a.registerNo IN $registerNos")
				.contains("'" + rule.name() + "' AS rule")
				.doesNotContain("%");
		}
	}

	private static Map<String, Object> detail(Object... keysAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
