package org.fupin.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.fupin.party.PartyKind;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

	private static final LocalDate D2020 = LocalDate.of(2020, 1, 1);

	private static final LocalDate D2023 = LocalDate.of(2023, 6, 1);

	private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, null, false);

	private static final Caller OFFICER = new Caller("officer", Set.of(Role.OFFICER), "450102", null, false);

	private static final String COLLECTIVE = "N1450102XKLFEJ2XR0";

	private static final String HOUSEHOLD = "H45010210120104";

	/** A village, a project, a collective, a household, a person and one asset. */
	private static final RegisterState STATE = new RegisterState(Set.of("450102101201", "450102"),
			Set.of("PRJ-450102-2024-01"),
			Map.of(COLLECTIVE, PartyKind.ORGANISATION, HOUSEHOLD, PartyKind.HOUSEHOLD, "450102101201", PartyKind.PLACE),
			Set.of("P000183"), Set.of("HT-1"),
			Map.of("ZC-1",
					asset("ZC-1", "450102101201", List.of(period(D2020, null)), List
						.of(new AssetState.CustodyPeriod("CU-ZC-1-1", COLLECTIVE, "P000183", "看护", D2020, null)),
							null)));

	@Test
	void aValidNewAssetBreaksNoRule() {
		assertThat(RegisterRules.registerAsset(newAsset(), STATE, ADMIN, TODAY)).isEmpty();
		assertThat(RegisterRules.registerAsset(newAsset(), STATE, OFFICER, TODAY)).isEmpty();
	}

	@Test
	void everyBrokenRuleOfANewAssetIsAnsweredInOrder() {
		RegisterAssetInput input = new RegisterAssetInput("ZC-1", " ", "COLD_STORE", "PUBLIC_WELFARE", null,
				TODAY.plusDays(1), "DISPOSED", "450102101299", "PRJ-X",
				List.of(owner(COLLECTIVE, "60"), owner(COLLECTIVE, "30"), owner("N1450102ZZZZZZZZZZ", "0")), null);
		List<Violation> violations = RegisterRules.registerAsset(input, STATE, ADMIN, TODAY);
		assertThat(violations).extracting(Violation::code, Violation::field)
			.containsExactly(tuple(ErrorCode.INVALID_ARGUMENT, "name"), tuple(ErrorCode.INVALID_ARGUMENT, "category"),
					tuple(ErrorCode.INVALID_ARGUMENT, "originalValue"),
					tuple(ErrorCode.INVALID_ARGUMENT, "completionDate"), tuple(ErrorCode.INVALID_ARGUMENT, "status"),
					tuple(ErrorCode.INVALID_ARGUMENT, "owners[1].ownerId"),
					tuple(ErrorCode.INVALID_ARGUMENT, "owners[2].share"), tuple(ErrorCode.INVALID_ARGUMENT, "owners"),
					tuple(ErrorCode.NOT_FOUND, "placeCode"), tuple(ErrorCode.NOT_FOUND, "projectCode"),
					tuple(ErrorCode.CONFLICT, "registerNo"));
		assertThat(violations.get(0))
			.isEqualTo(new Violation(ErrorCode.INVALID_ARGUMENT, "name", "资产名称不能为空。", "name must not be empty."));
		assertThat(violations.get(5).messageZh()).isEqualTo("N1450102XKLFEJ2XR0在产权主体中出现了两次；每个产权主体只填一次，填其全部份额。");
		assertThat(violations.get(6).messageZh()).isEqualTo("第3项产权主体的产权份额必须大于零，现为0.00。");
		assertThat(violations.get(7).messageZh()).isEqualTo("产权主体的份额合计必须正好是100(%)，现合计90.00。");
		assertThat(violations.get(7).messageEn())
			.isEqualTo("The shares in owners must add up to exactly 100 (percent); they add up to 90.00.");
		assertThat(violations.get(10).message()).isEqualTo("登记编号为ZC-1的资产已经登记；请换一个登记编号。"
				+ " An asset with the register number ZC-1 is already registered; choose another register number.");
	}

	@Test
	void ownersAreLookedUpOnlyOnceTheyAreEachNamedOnce() {
		RegisterAssetInput input = with(newAsset(),
				List.of(owner("N1450102ZZZZZZZZZZ", "50"), owner(HOUSEHOLD, "25"), owner("450102101201", "25")));
		assertThat(RegisterRules.registerAsset(input, STATE, ADMIN, TODAY)).containsExactly(
				new Violation(ErrorCode.NOT_FOUND, "owners[0].ownerId",
						"没有代码为N1450102ZZZZZZZZZZ的组织或农户（应为18位统一社会信用代码，或以H开头的户编号）。",
						"No organisation or household has the id N1450102ZZZZZZZZZZ (an 18-character credit code, or a "
								+ "household number starting with H)."),
				new Violation(ErrorCode.INVALID_ARGUMENT, "owners[2].ownerId",
						"450102101201是一个地方；请填写组织的统一社会信用代码或农户的户编号。",
						"450102101201 is a place; give an organisation's credit code or a household number."));
	}

	@Test
	void aPeriodHasAtMostAHundredOwners() {
		List<OwnerShareInput> hundred = new java.util.ArrayList<>();
		for (int i = 0; i < 100; i++) {
			hundred.add(owner(HOUSEHOLD, "1"));
		}
		List<OwnerShareInput> more = new java.util.ArrayList<>(hundred);
		more.add(owner(HOUSEHOLD, "1"));
		assertThat(RegisterRules.registerAsset(with(newAsset(), more), STATE, ADMIN, TODAY))
			.containsExactly(new Violation(ErrorCode.INVALID_ARGUMENT, "owners", "产权主体最多填100个，现有101个。",
					"owners names 101 owners; an ownership period has at most 100."));
		// A hundred is allowed: what it breaks is only that one household is named again.
		assertThat(RegisterRules.registerAsset(with(newAsset(), hundred), STATE, ADMIN, TODAY))
			.extracting(Violation::field)
			.doesNotContain("owners");
	}

	@Test
	void aRegisterNumberHasNoSpaceAndAtMost64Characters() {
		for (String number : List.of("ZC-450102101201 0902", "ZC-450102101201\u30000902", "ZC-450102101201\t0902",
				"Z".repeat(65))) {
			assertThat(RegisterRules.registerAsset(withRegisterNo(newAsset(), number), STATE, ADMIN, TODAY))
				.containsExactly(new Violation(ErrorCode.INVALID_ARGUMENT, "registerNo",
						"登记编号最长64个字符，不能含空格或控制字符；现为“" + number + "”。",
						"registerNo must be at most 64 characters without spaces or control characters, was '" + number
								+ "'."));
		}
		for (String number : List.of(" " + "Z".repeat(64) + " ", "兴宁区扶资-2019/001")) {
			assertThat(RegisterRules.registerAsset(withRegisterNo(newAsset(), number), STATE, ADMIN, TODAY)).isEmpty();
		}
	}

	@Test
	void aPlaceCodeIsADivisionCodeOfAVillageOrCounty() {
		assertThat(RegisterRules.registerAsset(withPlace(newAsset(), "45010"), STATE, ADMIN, TODAY))
			.containsExactly(new Violation(ErrorCode.INVALID_CODE, "placeCode", "“45010”不是统计用区划代码：应为2、4、6、9或12位数字。",
					"'45010' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码)."));
		// Full-width digits, as a spreadsheet cell typed with a Chinese input method
		// holds.
		assertThat(RegisterRules.registerAsset(withPlace(newAsset(), "４５０１０２"), STATE, ADMIN, TODAY))
			.containsExactly(new Violation(ErrorCode.INVALID_CODE, "placeCode", "“４５０１０２”不是统计用区划代码：应为2、4、6、9或12位数字。",
					"'４５０１０２' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码)."));
		assertThat(RegisterRules.registerAsset(withPlace(newAsset(), "450102101"), STATE, ADMIN, TODAY))
			.containsExactly(new Violation(ErrorCode.INVALID_ARGUMENT, "placeCode",
					"资产位于行政村（12位区划代码），跨村工程位于县（6位区划代码）；450102101是乡级代码。",
					"An asset lies in a village (12 digits), or in a county (6 digits) for cross-village works; "
							+ "450102101 is a township code."));
	}

	@Test
	void aWriterOutsideThePlaceIsRefusedBeforeAnythingIsLookedUp() {
		Caller elsewhere = new Caller("officer", Set.of(Role.OFFICER), "450103", null, false);
		RegisterAssetInput input = new RegisterAssetInput("ZC-1", "冷库", "COLD_STORE", "OPERATING", Money.parse("1.00"),
				D2020, null, "450102101201", "PRJ-X", List.of(), null);
		assertThat(RegisterRules.registerAsset(input, STATE, elsewhere, TODAY))
			.containsExactly(new Violation(ErrorCode.FORBIDDEN, "placeCode", "你无权修改位于450102101201的资产：你的地区范围是450103。",
					"You may not change assets at 450102101201: your token (officer) has roles [OFFICER], place "
							+ "450103."));
		Caller auditor = new Caller("auditor", Set.of(Role.AUDITOR), null, null, false);
		assertThat(RegisterRules.transferOwnership(
				new TransferOwnershipInput("ZC-1", D2023, List.of(owner(COLLECTIVE, "100")), null), STATE, auditor,
				TODAY))
			.extracting(Violation::code, Violation::field)
			.containsExactly(tuple(ErrorCode.FORBIDDEN, "registerNo"));
	}

	@Test
	void sharesAddUpToExactlyOneHundred() {
		assertThat(RegisterRules.registerAsset(
				with(newAsset(),
						List.of(owner(COLLECTIVE, "33.33"), owner(HOUSEHOLD, "33.33"),
								owner("N2450102E5UWQ9GANH", "33.34"))),
				withParty(STATE, "N2450102E5UWQ9GANH"), ADMIN, TODAY))
			.isEmpty();
		assertThat(RegisterRules
			.registerAsset(with(newAsset(), List.of(owner(COLLECTIVE, "33.34"), owner(HOUSEHOLD, "66.67"))), STATE,
					ADMIN, TODAY)
			.get(0)
			.messageEn())
			.isEqualTo("The shares in owners must add up to exactly 100 (percent); they add up to 100.01.");
	}

	@Test
	void aTransferContinuesTheHistoryAfterItsLatestStart() {
		List<OwnershipPeriod> open = List.of(period(D2020, null));
		assertThat(RegisterRules.continuation(open, D2023, "date")).isNull();
		assertThat(RegisterRules.continuation(open, D2020, "date")).isEqualTo(new Violation(ErrorCode.CONFLICT, "date",
				"该资产最近一次产权自2020-01-01起；产权变更日期必须在此之后，2020-01-01不在此之后。",
				"The latest ownership period of this asset started on 2020-01-01; a transfer must be dated after it, "
						+ "and 2020-01-01 is not."));
		assertThat(RegisterRules.continuation(open, D2020.minusDays(1), "date").code()).isEqualTo(ErrorCode.CONFLICT);
		assertThat(RegisterRules.continuation(List.of(), D2020, "date")).isNull();
	}

	@Test
	void aTransferNeitherOverlapsAClosedPeriodNorLeavesAGap() {
		// The seed's overlap shape: closed until 2023-06-01, the open one began
		// 2022-01-01.
		List<OwnershipPeriod> overlapping = List.of(period(D2020, D2023), period(LocalDate.of(2022, 1, 1), null));
		assertThat(RegisterRules.continuation(overlapping, LocalDate.of(2023, 1, 1), "date").messageZh())
			.isEqualTo("该资产有一段产权到2023-06-01为止；2023-01-01的产权变更会与之重叠。请填2023-06-01或更晚的日期。");
		assertThat(RegisterRules.continuation(overlapping, D2023, "date")).isNull();
		List<OwnershipPeriod> ended = List.of(period(D2020, D2023));
		assertThat(RegisterRules.continuation(ended, D2023.plusDays(1), "date").messageEn())
			.isEqualTo("The last ownership period of this asset ended on 2023-06-01 and none is open; date the "
					+ "transfer 2023-06-01 so that no gap is left.");
		assertThat(RegisterRules.continuation(ended, D2023, "date")).isNull();
	}

	@Test
	void aTransferOfAnUnknownOrDisposedAssetStopsThere() {
		TransferOwnershipInput input = new TransferOwnershipInput("ZC-9", TODAY.plusDays(1),
				List.of(owner(COLLECTIVE, "100")), null);
		assertThat(RegisterRules.transferOwnership(input, STATE, ADMIN, TODAY)).extracting(Violation::field)
			.containsExactly("date", "registerNo");
		RegisterState disposed = new RegisterState(Set.of(), Set.of(), Map.of(COLLECTIVE, PartyKind.ORGANISATION),
				Set.of(), Set.of(), Map.of("ZC-9", asset("ZC-9", "450102101201", List.of(), List.of(), D2023)));
		assertThat(RegisterRules.transferOwnership(
				new TransferOwnershipInput("ZC-9", D2020, List.of(owner(COLLECTIVE, "100")), null), disposed, ADMIN,
				TODAY))
			.containsExactly(new Violation(ErrorCode.CONFLICT, "registerNo", "资产ZC-9已于2023-06-01处置；已处置的资产不能再变更产权。",
					"Asset ZC-9 was disposed on 2023-06-01; a disposed asset takes no ownership changes."));
	}

	@Test
	void aCustodyNamesAnOrganisationAPersonAndBeginsAfterTheLatest() {
		AssignCustodyInput valid = new AssignCustodyInput("ZC-1", COLLECTIVE, "P000183", "看护", D2023);
		assertThat(RegisterRules.assignCustody(valid, STATE, OFFICER, TODAY)).isEmpty();
		assertThat(RegisterRules.assignCustody(new AssignCustodyInput("ZC-1", HOUSEHOLD, "P999999", "", D2020), STATE,
				ADMIN, TODAY))
			.containsExactly(new Violation(ErrorCode.INVALID_ARGUMENT, "duty", "管护责任不能为空。", "duty must not be empty."),
					new Violation(ErrorCode.INVALID_ARGUMENT, "custodianId", "H45010210120104不是组织；管护主体应填组织的统一社会信用代码。",
							"H45010210120104 is not an organisation; a custodian (管护主体) is an organisation's credit code."),
					new Violation(ErrorCode.NOT_FOUND, "responsiblePersonId", "没有编号为P999999的人员。",
							"No person has the id P999999."),
					new Violation(ErrorCode.CONFLICT, "validFrom",
							"该资产最近一次管护自2020-01-01起；新的管护必须在此之后开始，2020-01-01不在此之后。",
							"The latest custody of this asset began on 2020-01-01; a new custody must begin after it, "
									+ "and 2020-01-01 does not."));
		assertThat(RegisterRules.assignCustody(
				new AssignCustodyInput("ZC-1", "11450102ZZZZZZZZZZ", "P000183", "看护", TODAY.plusDays(1)), STATE, ADMIN,
				TODAY))
			.containsExactly(
					new Violation(ErrorCode.INVALID_ARGUMENT, "validFrom", "管护起始日期不能晚于今天（2026-03-31），现为2026-04-01。",
							"validFrom must not be after today (2026-03-31), was 2026-04-01."),
					new Violation(ErrorCode.NOT_FOUND, "custodianId", "没有统一社会信用代码为11450102ZZZZZZZZZZ的组织。",
							"No organisation has the credit code 11450102ZZZZZZZZZZ."));
	}

	@Test
	void aCustodyDoesNotOverlapOneThatEnded() {
		RegisterState ended = new RegisterState(Set.of(), Set.of(), Map.of(COLLECTIVE, PartyKind.ORGANISATION),
				Set.of("P000183"), Set.of(),
				Map.of("ZC-1",
						asset("ZC-1", "450102101201", List.of(), List
							.of(new AssetState.CustodyPeriod("CU-ZC-1-1", COLLECTIVE, "P000183", "看护", D2020, D2023)),
								null)));
		assertThat(RegisterRules.assignCustody(
				new AssignCustodyInput("ZC-1", COLLECTIVE, "P000183", "看护", LocalDate.of(2022, 1, 1)), ended, ADMIN,
				TODAY))
			.containsExactly(new Violation(ErrorCode.CONFLICT, "validFrom",
					"该资产有一段管护到2023-06-01为止；自2022-01-01开始的新管护会与之重叠。",
					"A custody of this asset ran until 2023-06-01; a new custody beginning 2022-01-01 would overlap it."));
	}

	@Test
	void inputPathsReadInChinese() {
		assertThat(RegisterRules.label("uses[1].beneficiaries[0].beneficiaryId")).isEqualTo("第2项收益用途的第1项受益对象的受益对象代码");
		assertThat(RegisterRules.label("registerNo")).isEqualTo("登记编号");
	}

	private static RegisterAssetInput newAsset() {
		return new RegisterAssetInput("ZC-450102101201-0902", "竹坝村冷库", "COLD_STORE", "OPERATING",
				Money.parse("200000.00"), LocalDate.of(2025, 5, 1), null, "450102101201", "PRJ-450102-2024-01",
				List.of(owner(COLLECTIVE, "100")), null);
	}

	private static RegisterAssetInput with(RegisterAssetInput input, List<OwnerShareInput> owners) {
		return new RegisterAssetInput(input.registerNo(), input.name(), input.type(), input.category(),
				input.originalValue(), input.completionDate(), input.status(), input.placeCode(), input.projectCode(),
				owners, input.ownedFrom());
	}

	private static RegisterAssetInput withRegisterNo(RegisterAssetInput input, String registerNo) {
		return new RegisterAssetInput(registerNo, input.name(), input.type(), input.category(), input.originalValue(),
				input.completionDate(), input.status(), input.placeCode(), input.projectCode(), input.owners(),
				input.ownedFrom());
	}

	private static RegisterAssetInput withPlace(RegisterAssetInput input, String placeCode) {
		return new RegisterAssetInput(input.registerNo(), input.name(), input.type(), input.category(),
				input.originalValue(), input.completionDate(), input.status(), placeCode, input.projectCode(),
				input.owners(), input.ownedFrom());
	}

	private static RegisterState withParty(RegisterState state, String organisation) {
		Map<String, PartyKind> parties = new java.util.HashMap<>(state.parties());
		parties.put(organisation, PartyKind.ORGANISATION);
		return new RegisterState(state.places(), state.projects(), parties, state.persons(), state.contracts(),
				state.assets());
	}

	private static OwnerShareInput owner(String owner, String percent) {
		return new OwnerShareInput(owner, Share.parse(percent), null);
	}

	private static OwnershipPeriod period(LocalDate from, LocalDate to) {
		return new OwnershipPeriod(COLLECTIVE, Share.HUNDRED_PERCENT, from, to, null);
	}

	static AssetState asset(String registerNo, String placeCode, List<OwnershipPeriod> ownership,
			List<AssetState.CustodyPeriod> custody, LocalDate disposed) {
		return new AssetState(registerNo, "资产", "COLD_STORE", "OPERATING", Money.parse("1.00"),
				LocalDate.of(2019, 1, 1), (disposed != null) ? "DISPOSED" : "IN_USE",
				(disposed != null) ? disposed : LocalDate.of(2019, 1, 1), placeCode, null, 0, ownership, custody,
				List.of(), List.of(), disposed);
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
