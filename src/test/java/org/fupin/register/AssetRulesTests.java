package org.fupin.register;

import java.time.LocalDate;
import java.util.List;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetRulesTests {

	private static final LocalDate D2020 = LocalDate.of(2020, 1, 1);

	private static final LocalDate D2023 = LocalDate.of(2023, 6, 1);

	@Test
	void sharesAddUpToExactlyOneHundred() {
		assertThatCode(() -> AssetRules
			.requireOwnerShares(List.of(share("A", "33.33"), share("B", "33.33"), share("C", "33.34")), "owners"))
			.doesNotThrowAnyException();
		assertRefused(
				() -> AssetRules.requireOwnerShares(
						List.of(share("A", "33.33"), share("B", "33.33"), share("C", "33.33")), "owners"),
				ErrorCode.INVALID_ARGUMENT, "owners");
		assertRefused(
				() -> AssetRules.requireOwnerShares(
						List.of(share("A", "33.34"), share("B", "33.34"), share("C", "33.33")), "owners"),
				ErrorCode.INVALID_ARGUMENT, "owners");
		assertRefused(() -> AssetRules.requireOwnerShares(List.of(share("A", "0"), share("B", "100")), "owners"),
				ErrorCode.INVALID_ARGUMENT, "owners[0].share");
		assertRefused(() -> AssetRules.requireOwnerShares(List.of(), "owners"), ErrorCode.INVALID_ARGUMENT, "owners");
	}

	@Test
	void partsMustAddUpToTheirTotalToTheFen() {
		assertThatCode(() -> AssetRules.requireSum(yuan("0.30"), List.of(yuan("0.10"), yuan("0.20")), "uses", "amount"))
			.doesNotThrowAnyException();
		assertRefused(
				() -> AssetRules.requireSum(yuan("100.00"), List.of(yuan("60.00"), yuan("39.99")), "uses", "amount"),
				ErrorCode.INVALID_ARGUMENT, "uses");
		assertRefused(
				() -> AssetRules.requireSum(yuan("100.00"), List.of(yuan("60.00"), yuan("40.01")), "uses", "amount"),
				ErrorCode.INVALID_ARGUMENT, "uses");
	}

	@Test
	void aTransferContinuesTheHistoryAfterItsLatestStart() {
		List<OwnershipPeriod> open = List.of(period(D2020, null));
		assertThatCode(() -> OwnershipPeriod.requireContinuation(open, D2023, "date")).doesNotThrowAnyException();
		assertRefused(() -> OwnershipPeriod.requireContinuation(open, D2020, "date"), ErrorCode.CONFLICT, "date");
		assertRefused(() -> OwnershipPeriod.requireContinuation(open, D2020.minusDays(1), "date"), ErrorCode.CONFLICT,
				"date");
		assertThatCode(() -> OwnershipPeriod.requireContinuation(List.of(), D2020, "date")).doesNotThrowAnyException();
	}

	@Test
	void aTransferNeitherOverlapsAClosedPeriodNorLeavesAGap() {
		// The seed's overlap shape: closed until 2023-06-01, the open one began
		// 2022-01-01.
		List<OwnershipPeriod> overlapping = List.of(period(D2020, D2023), period(LocalDate.of(2022, 1, 1), null));
		assertRefused(() -> OwnershipPeriod.requireContinuation(overlapping, LocalDate.of(2023, 1, 1), "date"),
				ErrorCode.CONFLICT, "date");
		assertThatCode(() -> OwnershipPeriod.requireContinuation(overlapping, D2023, "date"))
			.doesNotThrowAnyException();
		List<OwnershipPeriod> ended = List.of(period(D2020, D2023));
		assertRefused(() -> OwnershipPeriod.requireContinuation(ended, D2023.plusDays(1), "date"), ErrorCode.CONFLICT,
				"date");
		assertThatCode(() -> OwnershipPeriod.requireContinuation(ended, D2023, "date")).doesNotThrowAnyException();
	}

	@Test
	void datesInTheFutureAndEndsBeforeStartsAreRefused() {
		LocalDate today = LocalDate.of(2026, 3, 31);
		assertRefused(() -> AssetRules.requireNotFuture(today.plusDays(1), "date", today), ErrorCode.INVALID_ARGUMENT,
				"date");
		assertThatCode(() -> AssetRules.requireNotFuture(today, "date", today)).doesNotThrowAnyException();
		assertRefused(() -> AssetRules.requireAfter(D2023, "startDate", D2023, "endDate"), ErrorCode.INVALID_ARGUMENT,
				"endDate");
	}

	private static OwnerShareInput share(String owner, String percent) {
		return new OwnerShareInput(owner, Share.parse(percent), null);
	}

	private static Money yuan(String yuan) {
		return Money.parse(yuan);
	}

	private static OwnershipPeriod period(LocalDate from, LocalDate to) {
		return new OwnershipPeriod("N1", Share.HUNDRED_PERCENT, from, to, null);
	}

	private static void assertRefused(Runnable check, ErrorCode code, String field) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(ApiException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.field()).isEqualTo(field);
		});
	}

}
