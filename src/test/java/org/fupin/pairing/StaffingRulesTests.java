package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.register.Violation;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class StaffingRulesTests {

	private static final String RC = "RC-11450103QALXDP05PY-450103101204";

	private static final String DA = "DA-91110000AG822488E5-513331";

	private static final Caller COORDINATOR = new Caller("rc", Set.of(Role.COORDINATOR), "45", "RESIDENT_CADRE", false);

	private static final StaffingRules.State STATE = new StaffingRules.State(Map.of(RC,
			new StaffingRules.PairingTerm(RC, "RESIDENT_CADRE", "450103101204", LocalDate.of(2021, 12, 4), null), DA,
			new StaffingRules.PairingTerm(DA, "DESIGNATED_ASSISTANCE", "513331", LocalDate.of(2021, 8, 18), null)),
			Set.of("P000024"), Set.of("11450103QALXDP05PY"), Map.of(StaffingRules.State.key(RC, "P000024"),
					List.of(new StaffingRules.Term(LocalDate.of(2021, 12, 4), null))));

	@Test
	void aNewFirstSecretaryAndTheSameTermAgainBreakNoRule() {
		assertThat(StaffingRules.staff(new StaffingRules.StaffRow(RC, "P100001", "黄立新", "FIRST_SECRETARY",
				"11450103QALXDP05PY", LocalDate.of(2025, 9, 1), null), STATE, COORDINATOR))
			.isEmpty();
		assertThat(StaffingRules.staff(new StaffingRules.StaffRow(RC, "P000024", null, "FIRST_SECRETARY", null,
				LocalDate.of(2021, 12, 4), null), STATE, COORDINATOR))
			.isEmpty();
	}

	@Test
	void everyRuleARowBreaks() {
		assertThat(StaffingRules.staff(new StaffingRules.StaffRow(RC, "P100002", null, "LIAISON", "91440000AAAAAAAAAA",
				LocalDate.of(2021, 1, 1), null), STATE, COORDINATOR))
			.extracting(Violation::code, Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(
					tuple(ErrorCode.INVALID_ARGUMENT, "name", "人员P100002尚未登记；新人员须填写姓名。",
							"Person P100002 is not registered yet; give their name to register them."),
					tuple(ErrorCode.INVALID_ARGUMENT, "role",
							"驻村第一书记只派驻于驻村帮扶（RESIDENT_CADRE）结对，其他结对派驻联络员；结对" + RC + "属于RESIDENT_CADRE。",
							"A first secretary serves on a resident cadre (RESIDENT_CADRE) pairing, a liaison on the "
									+ "others; pairing " + RC + " is RESIDENT_CADRE."),
					tuple(ErrorCode.NOT_FOUND, "organisationCode", "没有统一社会信用代码为91440000AAAAAAAAAA的组织。",
							"No organisation has the credit code 91440000AAAAAAAAAA."),
					tuple(ErrorCode.INVALID_ARGUMENT, "startDate", "派驻期限须在结对期限（2021-12-04至今）之内。",
							"A term of staff lies within the pairing's term (2021-12-04 to now)."));
		assertThat(StaffingRules.staff(new StaffingRules.StaffRow(RC, "P000024", null, "FIRST_SECRETARY", null,
				LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)), STATE, COORDINATOR))
			.extracting(Violation::field, Violation::messageEn)
			.containsExactly(tuple("endDate",
					"The end date 2023-01-01 is before the start date 2024-01-01; dates must be in order."));
		assertThat(StaffingRules.staff(new StaffingRules.StaffRow(RC, "P000024", null, "FIRST_SECRETARY", null,
				LocalDate.of(2024, 1, 1), null), STATE, COORDINATOR))
			.extracting(Violation::code, Violation::messageZh)
			.containsExactly(tuple(ErrorCode.CONFLICT, "人员P000024已于2021-12-04起派驻结对" + RC + "，与本行期限重叠。"));
		assertThat(StaffingRules.staff(new StaffingRules.StaffRow("RC-X", "P000024", null, "FIRST_SECRETARY", null,
				LocalDate.of(2024, 1, 1), null), STATE, COORDINATOR))
			.extracting(Violation::code, Violation::messageEn)
			.containsExactly(tuple(ErrorCode.NOT_FOUND, "No pairing has the id RC-X."));
	}

	@Test
	void aCoordinatorStaffsOnlyItsProgramsPairings() {
		assertThat(StaffingRules.staff(
				new StaffingRules.StaffRow(DA, "P100003", "周敏", "LIAISON", null, LocalDate.of(2025, 1, 1), null), STATE,
				COORDINATOR))
			.extracting(Violation::code, Violation::field, Violation::messageZh)
			.containsExactly(
					tuple(ErrorCode.FORBIDDEN, "pairingId", "你无权修改受援方位于513331的DESIGNATED_ASSISTANCE结对：你的地区范围是45。"));
	}

}
