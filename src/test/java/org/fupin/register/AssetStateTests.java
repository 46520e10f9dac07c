package org.fupin.register;

import java.time.LocalDate;
import java.util.List;

import org.fupin.money.Share;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An asset's state after each change, as an import carries it from one row of a file to
 * the next: the same periods the writes leave in the graph.
 */
class AssetStateTests {

	private static final LocalDate D2019 = LocalDate.of(2019, 1, 1);

	private static final LocalDate D2024 = LocalDate.of(2024, 5, 1);

	private static final LocalDate D2025 = LocalDate.of(2025, 3, 1);

	private final AssetState asset = RegisterRulesTests.asset("ZC-1", "450102101201",
			List.of(new OwnershipPeriod("N1", Share.HUNDRED_PERCENT, D2019, null, "QZ-1")),
			List.of(new AssetState.CustodyPeriod("CU-ZC-1-1", "N1", "P1", "看护", D2019, null)), null);

	@Test
	void aNewAssetStartsWithItsFirstOwnersAndNoCustody() {
		AssetInputs.RegisterAssetInput input = new AssetInputs.RegisterAssetInput(" ZC-2 ", " 冷库 ", "COLD_STORE",
				"OPERATING", org.fupin.money.Money.parse("10.00"), D2019, null, "450102101201", null,
				List.of(new AssetInputs.OwnerShareInput(" N1 ", Share.HUNDRED_PERCENT, "QZ-2")), D2024);
		AssetState registered = AssetState.registered(input);
		assertThat(registered.registerNo()).isEqualTo("ZC-2");
		assertThat(registered.status()).isEqualTo("IN_USE");
		assertThat(registered.statusSince()).isEqualTo(D2019);
		assertThat(registered.ownership())
			.containsExactly(new OwnershipPeriod("N1", Share.HUNDRED_PERCENT, D2024, null, "QZ-2"));
		assertThat(registered.custody()).isEmpty();
	}

	@Test
	void aTransferEndsTheOpenPeriodsAndOpensTheNewOwners() {
		AssetState after = this.asset.afterTransfer(D2024,
				List.of(new OwnershipPeriod("N2", Share.parse("60"), D2024, null, null),
						new OwnershipPeriod("H1", Share.parse("40"), D2024, null, null)));
		assertThat(after.ownership()).containsExactly(
				new OwnershipPeriod("N1", Share.HUNDRED_PERCENT, D2019, D2024, "QZ-1"),
				new OwnershipPeriod("N2", Share.parse("60"), D2024, null, null),
				new OwnershipPeriod("H1", Share.parse("40"), D2024, null, null));
		assertThat(RegisterRules.continuation(after.ownership(), D2024, "date").field()).isEqualTo("date");
		assertThat(RegisterRules.continuation(after.ownership(), D2025, "date")).isNull();
	}

	@Test
	void aCustodyEndsTheOpenOneOnItsFirstDay() {
		AssetState after = this.asset
			.afterCustody(new AssetState.CustodyPeriod("CU-ZC-1-2", "N2", "P2", "巡查", D2024, null));
		assertThat(after.custody()).containsExactly(
				new AssetState.CustodyPeriod("CU-ZC-1-1", "N1", "P1", "看护", D2019, D2024),
				new AssetState.CustodyPeriod("CU-ZC-1-2", "N2", "P2", "巡查", D2024, null));
		assertThat(after.openCustody().id()).isEqualTo("CU-ZC-1-2");
	}

	@Test
	void statusesIncomesAndContractsAddUp() {
		AssetState after = this.asset.afterStatus("IDLE", D2024)
			.afterIncome(2024)
			.afterIncome(2022)
			.afterContract(new AssetState.Contract("HT-1", D2024, D2025));
		assertThat(after.status()).isEqualTo("IDLE");
		assertThat(after.statusSince()).isEqualTo(D2024);
		assertThat(after.incomeYears()).containsExactly(2022, 2024);
		assertThat(after.contracts()).containsExactly(new AssetState.Contract("HT-1", D2024, D2025));
		assertThat(after.version()).isEqualTo(4);
	}

	@Test
	void aSaleEndsOwnershipAndCustodyAndGivesTheTransfereeTheWholeShare() {
		AssetState after = this.asset.afterDisposal(D2025, "N9");
		assertThat(after.disposed()).isTrue();
		assertThat(after.status()).isEqualTo("DISPOSED");
		assertThat(after.disposalDate()).isEqualTo(D2025);
		assertThat(after.ownership()).containsExactly(
				new OwnershipPeriod("N1", Share.HUNDRED_PERCENT, D2019, D2025, "QZ-1"),
				new OwnershipPeriod("N9", Share.HUNDRED_PERCENT, D2025, null, null));
		assertThat(after.openCustody()).isNull();
		assertThat(this.asset.afterDisposal(D2025, null).openOwnership()).isEmpty();
	}

}
