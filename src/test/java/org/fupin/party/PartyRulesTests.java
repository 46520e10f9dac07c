package org.fupin.party;

import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.register.Violation;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PartyRulesTests {

	private static final Caller OFFICER = new Caller("xingning", Set.of(Role.OFFICER), "450102", null, false);

	private static final Set<String> PLACES = Set.of("450102", "450102101201");

	@Test
	void aSeedOrganisationAndHouseholdBreakNoRule() {
		assertThat(PartyRules.organisation(new PartyRules.OrganisationRow("11450102X24ELF5XK4", "兴宁区乡村振兴局",
				"GOVERNMENT_DEPARTMENT", null, "450102"), PLACES, OFFICER))
			.isEmpty();
		assertThat(PartyRules.household(
				new PartyRules.HouseholdRow("H45010210120102", "严梅", "45010200000000002X", 5L, false, "450102101201"),
				PLACES, OFFICER))
			.isEmpty();
	}

	@Test
	void everyRuleAnOrganisationBreaks() {
		assertThat(PartyRules.organisation(
				new PartyRules.OrganisationRow("11450102X24ELF5XK5", " ", "ENTERPRISE", null, "450102101299"), PLACES,
				OFFICER))
			.extracting(Violation::code, Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(
					tuple(ErrorCode.INVALID_CODE, "creditCode", "统一社会信用代码“11450102X24ELF5XK5”的校验码应为4，不是5；请核对代码。",
							"The check character of the credit code '11450102X24ELF5XK5' is 4, not 5 (GB 32100-2015); "
									+ "check the code."),
					tuple(ErrorCode.INVALID_ARGUMENT, "name", "必须填写名称。", "name is required."),
					tuple(ErrorCode.INVALID_ARGUMENT, "enterpriseType", "企业须填写企业类型（国有、民营等）。",
							"An enterprise needs its enterpriseType (state-owned, private ...)."),
					tuple(ErrorCode.NOT_FOUND, "placeCode", "没有区划代码为450102101299的地方。",
							"No place has the code 450102101299 (统计用区划代码)."));
		assertThat(PartyRules.creditCode("11450102X24ELF5XKO", "creditCode").messageZh())
			.isEqualTo("“11450102X24ELF5XKO”不是统一社会信用代码：应为18位数字或大写字母（不含I、O、S、V、Z）。");
		assertThat(PartyRules.organisation(
				new PartyRules.OrganisationRow("11450102X24ELF5XK4", "兴宁区乡村振兴局", "COLLECTIVE", "PRIVATE", "450103"),
				Set.of("450103"), OFFICER))
			.extracting(Violation::code, Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(
					tuple(ErrorCode.INVALID_ARGUMENT, "enterpriseType", "只有企业填写企业类型；COLLECTIVE不填。",
							"Only an enterprise has an enterpriseType; leave it empty for COLLECTIVE."),
					tuple(ErrorCode.FORBIDDEN, "placeCode", "你无权修改位于450103的组织：你的地区范围是450102。",
							"You may not change organisations at 450103: your token (xingning) has roles [OFFICER], "
									+ "place 450102."));
	}

	@Test
	void everyRuleAHouseholdBreaksWithoutRepeatingPersonalData() {
		assertThat(PartyRules.household(
				new PartyRules.HouseholdRow("45010210120101", null, "450102000000000012", 0L, null, "450102101"),
				PLACES, OFFICER))
			.extracting(Violation::code, Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(tuple(ErrorCode.INVALID_CODE, "householdNo",
					"户编号“45010210120101”应以H开头，后接数字（如H45010210120101）。",
					"The household number '45010210120101' must be H followed by digits (e.g. H45010210120101)."),
					tuple(ErrorCode.INVALID_ARGUMENT, "headName", "必须填写户主姓名。", "headName is required."),
					tuple(ErrorCode.INVALID_CODE, "idNumber", "身份证号的校验码不符（GB 11643）；请核对号码。",
							"The check digit of the resident ID number does not match (GB 11643); check the number."),
					tuple(ErrorCode.INVALID_ARGUMENT, "size", "家庭人口至少为1，不是0。",
							"A household has at least one person, not 0."),
					tuple(ErrorCode.INVALID_CODE, "villageCode", "“450102101”不是行政村的12位统计用区划代码。",
							"'450102101' is not a 12-digit village division code (统计用区划代码)."));
		assertThat(PartyRules.idNumber("4501020000000000", "idNumber").messageEn())
			.isEqualTo("A resident ID number has 18 characters: 17 digits and a check digit or X.");
		assertThat(PartyRules.household(
				new PartyRules.HouseholdRow("H45010310120101", "某某", "45010200000000002X", null, true, "450103101201"),
				PLACES, OFFICER))
			.extracting(Violation::code, Violation::field)
			.containsExactly(tuple(ErrorCode.INVALID_ARGUMENT, "size"), tuple(ErrorCode.FORBIDDEN, "villageCode"));
	}

}
