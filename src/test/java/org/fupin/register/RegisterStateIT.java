package org.fupin.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.IntegrationTest;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.fupin.party.PartyKind;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state the register's rules read for a batch of changes, against the seed: every key
 * of every change looked up at once, and exactly what exists.
 */
class RegisterStateIT extends IntegrationTest {

	@Autowired
	private RegisterService register;

	@Test
	void readsWhatExistsOfEveryKeyOfTheBatch() {
		RegisterKeys keys = new RegisterKeys()
			.add(new RegisterAssetInput("ZC-450102101201-0002", "x", "COLD_STORE", "OPERATING", Money.ZERO,
					LocalDate.of(2020, 1, 1), null, "450102101201", "PRJ-450102-2019-01",
					List.of(owner("N1450102XKLFEJ2XR0"), owner("H45010210120101"), owner("450102101201"),
							owner("N1450102ZZZZZZZZZZ")),
					null))
			.add(new RegisterAssetInput("ZC-450102101201-9999", "x", "COLD_STORE", "OPERATING", Money.ZERO,
					LocalDate.of(2020, 1, 1), null, " 450102101299 ", "PRJ-X", List.of(), null))
			.add(new AssignCustodyInput("ZC-450102101201-0003", "11450102D5EPKCB98P", "P000182", "看护",
					LocalDate.of(2025, 1, 1)))
			.add(new AssignCustodyInput("ZC-450102101203-0003", "", "P999999", "看护", LocalDate.of(2025, 1, 1)))
			.add(new RecordOperationContractInput("ZC-450102101201-0002", "HT-ZC-450102101201-0002-1",
					"N2450102E5UWQ9GANH", "LEASE", null, null, null))
			.add(new RecordOperationContractInput("ZC-450102101201-0002", "HT-NONE", null, "LEASE", null, null, null))
			.add(new ChangeAssetStatusInput(null, "IDLE", null));
		RegisterState state = this.register.readState(keys);

		assertThat(state.places()).containsExactly("450102101201");
		assertThat(state.projects()).containsExactly("PRJ-450102-2019-01");
		assertThat(state.parties()).isEqualTo(Map.of("N1450102XKLFEJ2XR0", PartyKind.ORGANISATION, "H45010210120101",
				PartyKind.HOUSEHOLD, "450102101201", PartyKind.PLACE, "11450102D5EPKCB98P", PartyKind.ORGANISATION,
				"N2450102E5UWQ9GANH", PartyKind.ORGANISATION));
		assertThat(state.persons()).containsExactly("P000182");
		assertThat(state.contracts()).containsExactly("HT-ZC-450102101201-0002-1");
		assertThat(state.assets().keySet())
			.isEqualTo(Set.of("ZC-450102101201-0002", "ZC-450102101201-0003", "ZC-450102101203-0003"));

		assertThat(state.asset("ZC-450102101201-0002")).isEqualTo(new AssetState("ZC-450102101201-0002", "竹坝村农产品加工厂",
				"PROCESSING_PLANT", "OPERATING", Money.parse("903971.05"), LocalDate.of(2019, 7, 26), "IN_USE",
				LocalDate.of(2019, 7, 26), "450102101201", "PRJ-450102-2019-01", 0,
				List.of(new OwnershipPeriod("N1450102XKLFEJ2XR0", Share.HUNDRED_PERCENT, LocalDate.of(2019, 7, 26),
						null, "QZ-450102-2019-00007")),
				List.of(new AssetState.CustodyPeriod("CU-ZC-450102101201-0002-1", "N1450102XKLFEJ2XR0", "P000182",
						"日常巡查、设施设备维护", LocalDate.of(2019, 7, 26), null)),
				List.of(new AssetState.Contract("HT-ZC-450102101201-0002-1", LocalDate.of(2019, 7, 28),
						LocalDate.of(2022, 7, 28))),
				List.of(2022, 2023, 2024), null));

		AssetState disposed = state.asset("ZC-450102101203-0003");
		assertThat(disposed.disposed()).isTrue();
		assertThat(disposed.disposalDate()).isEqualTo(LocalDate.of(2023, 11, 7));
		assertThat(disposed.status()).isEqualTo("DISPOSED");
		assertThat(disposed.ownership()).hasSize(2);
		assertThat(disposed.openOwnership()).containsExactly(new OwnershipPeriod("11450102X24ELF5XK4",
				Share.HUNDRED_PERCENT, LocalDate.of(2023, 11, 7), null, "QZ-450102-2023-00035"));
		assertThat(disposed.openCustody()).isNull();
	}

	@Test
	void anEmptyBatchReadsNothing() {
		assertThat(this.register.readState(new RegisterKeys())).isEqualTo(RegisterState.EMPTY);
	}

	private static OwnerShareInput owner(String id) {
		return new OwnerShareInput(id, Share.HUNDRED_PERCENT, null);
	}

}
