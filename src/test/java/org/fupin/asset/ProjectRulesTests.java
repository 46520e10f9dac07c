package org.fupin.asset;

import java.time.LocalDate;
import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.register.Violation;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ProjectRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	private static final Caller OFFICER = new Caller("xingning", Set.of(Role.OFFICER), "450102", null, false);

	private static final ProjectRules.State STATE = new ProjectRules.State(Set.of("450102", "450103"),
			Set.of("F-450102-2021-CL"), Set.of("CP-4404-450124"), Set.of("45"));

	@Test
	void aProjectFundedBySeedOrNewFundSourcesBreaksNoRule() {
		assertThat(
				ProjectRules.project(
						new ProjectRules.ProjectRow("PRJ-450102-2025-01", "2025年兴宁区竹坝村产业路硬化项目", 2025L, "450102", null,
								"F-450102-2021-CL", null, null, null, null, Money.parse("380000.00")),
						STATE, OFFICER, TODAY))
			.isEmpty();
		assertThat(ProjectRules.project(new ProjectRules.ProjectRow("PRJ-450102-2025-01", "2025年兴宁区竹坝村产业路硬化项目", 2025L,
				"450102", "CP-4404-450124", "F-450102-2025-PV", "2025年广西壮族自治区财政衔接推进乡村振兴补助资金(兴宁区)", "PROVINCIAL", 2025L,
				"45", Money.ZERO), STATE, OFFICER, TODAY))
			.isEmpty();
	}

	@Test
	void everyRuleARowBreaks() {
		assertThat(
				ProjectRules.project(
						new ProjectRules.ProjectRow("PRJ-450102-2031-01", "", 2031L, "4501", "CP-0000-000000",
								"F-450102-2025-XX", "新资金", null, null, "91440000AAAAAAAAAA", null),
						STATE, OFFICER, TODAY))
			.extracting(Violation::code, Violation::field, Violation::messageZh, Violation::messageEn)
			.containsExactly(tuple(ErrorCode.INVALID_ARGUMENT, "name", "必须填写项目名称。", "name is required."),
					tuple(ErrorCode.INVALID_ARGUMENT, "year", "项目年度应在2013年到2026年之间，不是2031。",
							"year must lie between 2013 and 2026, not 2031."),
					tuple(ErrorCode.INVALID_CODE, "countyCode", "“4501”不是县的6位统计用区划代码。",
							"'4501' is not a 6-digit county code (统计用区划代码)."),
					tuple(ErrorCode.NOT_FOUND, "pairingId", "没有编号为CP-0000-000000的结对。",
							"No pairing has the id CP-0000-000000."),
					tuple(ErrorCode.NOT_FOUND, "fundCode", "没有编号为F-450102-2025-XX的资金来源；新的资金来源须在本行填写资金名称、资金类型和资金年度。",
							"No fund source has the code F-450102-2025-XX; to create it, give its fundName, fundKind "
									+ "and fundYear on this row."),
					tuple(ErrorCode.NOT_FOUND, "providerCode", "没有编号为91440000AAAAAAAAAA的地方或组织可作资金提供方。",
							"No place or organisation has the id 91440000AAAAAAAAAA to provide the funds."),
					tuple(ErrorCode.INVALID_ARGUMENT, "amount", "必须填写投入金额。",
							"amount is required: what the fund source put in."));
	}

	@Test
	void aNewFundSourcesYearIsSaneAndTheCountyInScope() {
		assertThat(
				ProjectRules.project(
						new ProjectRules.ProjectRow("PRJ-450103-2012-01", "青秀区项目", 2012L, "450103", null,
								"F-450103-2012-CL", "2012年资金", "CENTRAL_LINKAGE", 2012L, null, Money.parse("1.00")),
						STATE, OFFICER, TODAY))
			.extracting(Violation::code, Violation::field, Violation::messageZh)
			.containsExactly(tuple(ErrorCode.INVALID_ARGUMENT, "year", "项目年度应在2013年到2026年之间，不是2012。"),
					tuple(ErrorCode.FORBIDDEN, "countyCode", "你无权修改位于450103的项目：你的地区范围是450102。"),
					tuple(ErrorCode.INVALID_ARGUMENT, "fundYear", "资金年度应在2013年到2026年之间，不是2012。"));
	}

}
