package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.register.Violation;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PairingRulesTests {

	private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, null, false);

	private static final PairingState.Party ZHUHAI = new PairingState.Party("4404", "珠海市", null, null, "4404", "EAST",
			null);

	private static final PairingState.Party MASHAN = new PairingState.Party("450124", "马山县", null, null, "450124",
			"WEST", null);

	private static final PairingState.Party ZHUBA = new PairingState.Party("450102101201", "竹坝村", null, null,
			"450102101201", "WEST", null);

	private static final PairingState.Party STATE_FIRM = new PairingState.Party("91110000AG822488E5", "中国某集团有限公司",
			"ENTERPRISE", "STATE_OWNED", "11", "EAST", null);

	private static final PairingState STATE = new PairingState(
			Set.of("4404", "450124", "450102101201", "91110000AG822488E5", "H45010210120101"),
			Map.of("4404", ZHUHAI, "450124", MASHAN, "450102101201", ZHUBA, "91110000AG822488E5", STATE_FIRM), Map.of(),
			Map.of(PairingState.pair("4404", "450124"), List.of("EW-44-45")), Map.of("45", List.of("EW-44-45")),
			Set.of("EW-44-45"));

	@Test
	void aCountyPairUnderItsProvincesPairBreaksNoRule() {
		CreatePairingInput input = input(PairingProgram.EAST_WEST, PairingKind.COUNTY_PAIR, "4404", "450124");
		assertThat(PairingRules.create(input, STATE, ADMIN)).isEmpty();
		assertThat(PairingRules.id(PairingProgram.EAST_WEST, PairingKind.COUNTY_PAIR, "4404", "450124",
				LocalDate.of(2025, 3, 1), STATE))
			.isEqualTo("CP-4404-450124");
		assertThat(
				PairingRules.parentOf(PairingProgram.EAST_WEST, PairingKind.COUNTY_PAIR, "4404", "450124", null, STATE))
			.isEqualTo("EW-44-45");
	}

	@Test
	void everyShapeRuleIsReportedAtOnce() {
		CreatePairingInput input = new CreatePairingInput(PairingProgram.EAST_WEST, null, " ", "450124", null,
				LocalDate.of(2025, 3, 1), LocalDate.of(2025, 1, 1), true, null, null, null, null);
		assertThat(PairingRules.create(input, STATE, ADMIN))
			.extracting(Violation::code, Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(
					tuple(ErrorCode.INVALID_ARGUMENT, "input.helperId", "必须填写：地方的区划代码或组织的统一社会信用代码。",
							"input.helperId is required: a place code or an organisation's credit code."),
					tuple(ErrorCode.INVALID_ARGUMENT, "input.kind", "请填写结对层级或帮扶方式。",
							"Give input.kind or input.kinds: the kind of pair or of help."),
					tuple(ErrorCode.INVALID_ARGUMENT, "input.exceptionReason", "例外须说明原因。",
							"An exception needs a reason: give input.exceptionReason."),
					tuple(ErrorCode.INVALID_ARGUMENT, "input.endDate", "结束日期2025-01-01早于开始日期2025-03-01；日期须先后有序。",
							"The end date 2025-01-01 is before the start date 2025-03-01; dates must be in order."));
	}

	@Test
	void partiesAreKnownPlacesOrOrganisations() {
		CreatePairingInput input = input(PairingProgram.ENTERPRISE_VILLAGE, PairingKind.PUBLIC_WELFARE,
				"91440000AAAAAAAAAA", "H45010210120101");
		assertThat(PairingRules.create(input, STATE, ADMIN))
			.extracting(Violation::code, Violation::field, Violation::messageEn)
			.containsExactly(
					tuple(ErrorCode.NOT_FOUND, "input.helperId", "No organisation has the id 91440000AAAAAAAAAA."),
					tuple(ErrorCode.INVALID_ARGUMENT, "input.recipientId",
							"input.recipientId is a household; pairings link places and organisations, not households."));
	}

	@Test
	void whoMayHelpWhomUnderTheProgram() {
		CreatePairingInput input = input(PairingProgram.ENTERPRISE_VILLAGE, PairingKind.PUBLIC_WELFARE,
				"91110000AG822488E5", "450124");
		assertThat(PairingRules.create(input, STATE, ADMIN))
			.extracting(Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(tuple("input.helperId",
					"万企兴万村是民营企业的行动，由工商联组织；91110000AG822488E5（中国某集团有限公司）是国有企业，应通过定点帮扶（DESIGNATED_ASSISTANCE）帮扶。",
					"万企兴万村 is a program of private enterprises (民营企业), led by the federations of industry and "
							+ "commerce; 91110000AG822488E5 (中国某集团有限公司) is a state-owned enterprise. A state-owned "
							+ "enterprise helps through designated assistance (DESIGNATED_ASSISTANCE) instead."),
					tuple("input.recipientId", "万企兴万村结对帮扶的是行政村；450124（马山县）不是。",
							"An enterprise-village link goes to a village; 450124 (马山县) is not one."));
	}

	@Test
	void anActivePairingBetweenTheSamePartiesAndTakenIdsConflict() {
		PairingState taken = new PairingState(STATE.existing(), STATE.parties(),
				Map.of(PairingState.between("EAST_WEST", "4404", "450124"), List.of("CP-4404-450124")),
				STATE.covering(), STATE.easternPartners(),
				Set.of("EW-44-45", "CP-4404-450124", "CP-4404-450124-20250301"));
		CreatePairingInput input = input(PairingProgram.EAST_WEST, PairingKind.COUNTY_PAIR, "4404", "450124");
		assertThat(PairingRules.create(input, taken, ADMIN))
			.extracting(Violation::code, Violation::field, Violation::messageZh)
			.containsExactly(
					tuple(ErrorCode.CONFLICT, "input.recipientId",
							"结对CP-4404-450124已在EAST_WEST项下把4404与450124结对且仍有效；请修改它，或先结束它再新建。"),
					tuple(ErrorCode.CONFLICT, "input.startDate",
							"结对CP-4404-450124和CP-4404-450124-20250301都已存在；请换一个开始日期。"));
	}

	@Test
	void aCountyPairNeedsItsProvincesPair() {
		PairingState bare = new PairingState(STATE.existing(), STATE.parties(), Map.of(), Map.of(), Map.of(), Set.of());
		CreatePairingInput input = input(PairingProgram.EAST_WEST, PairingKind.COUNTY_PAIR, "4404", "450124");
		assertThat(PairingRules.create(input, bare, ADMIN))
			.extracting(Violation::code, Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(tuple(ErrorCode.CONFLICT, "input.parentId", "县际结对须在其省际结对之下，而44与45之间没有有效的东西部协作结对；请先建立该结对。",
					"A county pair sits under its provinces' pair, and no active east-west pair links 44 to 45; "
							+ "create that pair first."));
	}

	@Test
	void aCoordinatorWritesOnlyItsProgramAndPlace() {
		Caller coordinator = new Caller("c", Set.of(Role.COORDINATOR), "45", "ENTERPRISE_VILLAGE", false);
		CreatePairingInput input = input(PairingProgram.EAST_WEST, PairingKind.COUNTY_PAIR, "4404", "450124");
		assertThat(PairingRules.create(input, STATE, coordinator))
			.extracting(Violation::code, Violation::field, Violation::messageZh)
			.containsExactly(
					tuple(ErrorCode.FORBIDDEN, "input.recipientId", "你无权修改受援方位于450124的EAST_WEST结对：你的地区范围是45。"));
		CreatePairingInput own = input(PairingProgram.ENTERPRISE_VILLAGE, PairingKind.PUBLIC_WELFARE,
				"91110000AG822488E5", "450102101201");
		assertThat(PairingRules.create(own, STATE, coordinator)).extracting(Violation::code)
			.containsExactly(ErrorCode.INVALID_ARGUMENT);
	}

	private static CreatePairingInput input(PairingProgram program, PairingKind kind, String helper, String recipient) {
		return new CreatePairingInput(program, kind, helper, recipient, null, LocalDate.of(2025, 3, 1), null, null,
				null, Money.parse("500000.00"), null, null);
	}

}
