package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a year's figures as plain functions: a ledger row gets every violation at
 * once, the mutations the first.
 */
class PairingResultRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

	private static final PairingResultRules.State LINK = new PairingResultRules.State("EV-1-2",
			PairingProgram.ENTERPRISE_VILLAGE, LocalDate.of(2022, 5, 1), null,
			Map.of(PairingIndicator.JOBS, new PairingResultRules.Recorded(10L, 8L)));

	@Test
	void aRowBreakingSeveralRulesGetsEveryViolation() {
		PairingResultsInput row = new PairingResultsInput("EV-1-2", 2021,
				List.of(figure(PairingIndicator.JOBS, null, null, 5, -1),
						figure(PairingIndicator.DONATIONS, null, Money.parse("10.00"), null, null),
						figure(PairingIndicator.TEACHERS_TRAINED, null, null, 3, null)),
				null, null);
		assertThat(PairingResultRules.record(LINK, row, TODAY)).extracting(PairingResultRules.Violation::field)
			.containsExactly("input.year", "input.figures[0].actualCount", "input.figures[1].actualAmount",
					"input.figures[2].indicator", "input.figures[0].indicator");
		assertThat(PairingResultRules.record(LINK, row, TODAY)).extracting(PairingResultRules.Violation::code)
			.containsExactly(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT,
					ErrorCode.INVALID_ARGUMENT, ErrorCode.CONFLICT);
		assertThat(PairingResultRules.record(LINK, row, TODAY)).extracting(PairingResultRules.Violation::messageZh)
			.containsExactly("年度2021不在结对EV-1-2的期限之内（2022-05-01至今）；可填报2022至2026年的数值。", "数值不能为负，填的是-1。",
					"万企兴万村的DONATIONS（捐赠）完成值由经结对拨付的资金推算，不填报：只填目标值。", "万企兴万村不含指标TEACHERS_TRAINED（培训教师）。",
					"结对EV-1-2的JOBS（带动就业）2021年数值已填报；如需修改，请更正（correctPairingResults）并写明原因。");
	}

	@Test
	void aGoodRowAndAGoodCorrectionPass() {
		PairingResultsInput row = new PairingResultsInput("EV-1-2", 2025,
				List.of(figure(PairingIndicator.ENTERPRISE_INVESTMENT, Money.parse("5000000.00"),
						Money.parse("3800000.00"), null, null),
						figure(PairingIndicator.DONATIONS, Money.parse("1.00"), null, null, null)),
				"台账", null);
		assertThat(PairingResultRules.record(LINK, row, TODAY)).isEmpty();
		PairingResultsInput correction = new PairingResultsInput("EV-1-2", 2025,
				List.of(figure(PairingIndicator.JOBS, null, null, null, 9)), null, "复核");
		assertThat(PairingResultRules.correct(LINK, correction, TODAY)).isEmpty();
	}

	@Test
	void aYearAfterAnEndedTermIsOutside() {
		PairingResultRules.State ended = new PairingResultRules.State("DA-1-2", PairingProgram.DESIGNATED_ASSISTANCE,
				LocalDate.of(2021, 5, 1), LocalDate.of(2023, 6, 30), Map.of());
		PairingResultsInput row = new PairingResultsInput("DA-1-2", 2024,
				List.of(figure(PairingIndicator.PEOPLE_TRAINED, null, null, 5, 6)), null, null);
		assertThat(PairingResultRules.record(ended, row, TODAY)).singleElement()
			.extracting(PairingResultRules.Violation::message)
			.isEqualTo("input.year 2024 lies outside the term of pairing DA-1-2 (2021-05-01 to 2023-06-30); "
					+ "figures are for the years 2021 to 2023.");
	}

	private static PairingResultsInput.FigureInput figure(PairingIndicator indicator, Money target, Money actual,
			Integer targetCount, Integer actualCount) {
		return new PairingResultsInput.FigureInput(indicator, target, actual, targetCount, actualCount);
	}

}
