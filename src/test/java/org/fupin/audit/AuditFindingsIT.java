package org.fupin.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit rules against the seed, whose planted violations are listed in
 * {@code seed/illustrative/deliberate_violations.csv}: each rule finds exactly its
 * planted assets and nothing else, and none of the clean cases beside them
 * ({@code deliberate_clean_cases.csv}). "Today" is 2026-03-31 ({@code app.today} in the
 * test properties).
 */
class AuditFindingsIT extends IntegrationTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					OPERATING_NO_OWNER                   | HIGH   | ZC-510525101203-0005 ZC-520325102204-0002 ZC-520328101203-0003
					OWNERSHIP_SHARES_NOT_100             | HIGH   | ZC-510524102203-0004 ZC-522327101203-0001 ZC-522728102202-0005
					PUBLIC_WELFARE_NO_CUSTODIAN          | HIGH   | ZC-450123102202-0003 ZC-513227103204-0002 ZC-513332-0003
					PUBLIC_WELFARE_NO_RESPONSIBLE_PERSON | MEDIUM | ZC-451003102203-0005 ZC-513333101202-0002 ZC-520327103202-0002
					OWNERSHIP_PERIODS_OVERLAP            | HIGH   | ZC-510824103202-0004 ZC-513435101202-0002 ZC-520624101201-0003
					OWNERSHIP_PERIODS_GAP                | LOW    | ZC-513225101201-0001 ZC-520328101203-0004 ZC-520424102201-0002
					NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT| HIGH   | ZC-451027102201-0004 ZC-451321101204-0004 ZC-451425102201-0002 ZC-520102102203-0004
					INCOME_NOT_DISTRIBUTED               | HIGH   | ZC-511921101201-0002 ZC-520424101204-0001 ZC-520524102203-0003 ZC-520628102203-0001
					INCOME_WITHOUT_BENEFICIARY           | MEDIUM | ZC-451228101202-0002 ZC-513333102203-0004 ZC-640106101202-0004
					LONG_IDLE_OR_DAMAGED                 | MEDIUM | ZC-451226102202-0003 ZC-510823103201-0001 ZC-520525102201-0005
					DISPOSED_WITHOUT_APPROVAL            | HIGH   | ZC-510104102201-0005 ZC-510525101201-0004 ZC-520526103201-0005
					CATEGORY_TYPE_MISMATCH               | MEDIUM | ZC-450225103203-0002 ZC-520526101204-0004 ZC-522732101201-0001
					OPERATING_ASSET_LOSS                 | HIGH   | ZC-450328102203-0004 ZC-451029102202-0005 ZC-520424101203-0005
					""")
	void eachRuleFindsExactlyItsPlantedViolations(String rule, String severity, String registerNos) {
		GraphQlTester.Response response = this.graphQl.documentName("auditFindings")
			.operationName("auditFindings")
			.variable("filter", Map.of("rule", rule))
			.variable("first", 20)
			.execute();
		response.path("auditFindings.totalCount").entity(Integer.class).isEqualTo(registerNos.split(" ").length);
		response.path("auditFindings.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly(registerNos.split(" "));
		assertThat(response.path("auditFindings.edges[*].node.rule").entityList(String.class).get()).containsOnly(rule);
		assertThat(response.path("auditFindings.edges[*].node.severity").entityList(String.class).get())
			.containsOnly(severity);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					ZC-520325102204-0002 | OPERATING_NO_OWNER                    | 经营性资产从未登记产权
					ZC-510525101203-0005 | OPERATING_NO_OWNER                    | 产权登记于2024-11-02终止，此后无产权人
					ZC-510524102203-0004 | OWNERSHIP_SHARES_NOT_100              | 当前产权份额合计90.00%，应为100%
					ZC-513227103204-0002 | PUBLIC_WELFARE_NO_CUSTODIAN           | 公益性资产从未落实管护主体
					ZC-450123102202-0003 | PUBLIC_WELFARE_NO_CUSTODIAN           | 管护协议于2024-10-17到期后未续签
					ZC-520424102201-0002 | OWNERSHIP_PERIODS_GAP                 | 2019-10-17至2020-01-14无产权人
					ZC-510823103201-0001 | LONG_IDLE_OR_DAMAGED                  | 自2024-02-21起闲置，已769天未处理
					ZC-520525102201-0005 | LONG_IDLE_OR_DAMAGED                  | 自2024-04-01起损毁，已729天未处理
					ZC-520526103201-0005 | DISPOSED_WITHOUT_APPROVAL             | 于2023-07-06报废处置，无审批文号
					ZC-450225103203-0002 | CATEGORY_TYPE_MISMATCH                | 道路登记为经营性资产，应为公益性资产
					ZC-522732101201-0001 | CATEGORY_TYPE_MISMATCH                | 光伏电站登记为公益性资产，应为经营性资产
					ZC-520526101204-0004 | CATEGORY_TYPE_MISMATCH                | 卫生室登记为确权到户资产，应为公益性资产
					ZC-450328102203-0004 | OPERATING_ASSET_LOSS                  | 产权于2023-01-28转让给民营企业融安丰泽冷链物流有限公司，无审批文号
					ZC-520424101203-0005 | OPERATING_ASSET_LOSS                  | 产权于2023-01-26转让给民营企业锦屏优品农业科技有限公司，无审批文号
					ZC-451029102202-0005 | OPERATING_ASSET_LOSS                  | 于2024-12-07出售给昭平沃土农业科技有限公司，无处置收入
					ZC-451027102201-0004 | NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT | 资源锦程电子商务有限公司持有100.00%产权，非村集体、乡镇、县级部门或受益农户，经营合同已于2023-09-08到期，无在期合同
					""")
	void findingsSayWhatIsWrongInASentence(String registerNo, String rule, String message) {
		this.graphQl.documentName("auditFindings")
			.operationName("assetAuditFindings")
			.variable("registerNo", registerNo)
			.execute()
			.path("asset.auditFindings")
			.entity(List.class)
			.isEqualTo(List
				.of(Map.of("rule", rule, "severity", AuditRule.valueOf(rule).severity().name(), "message", message)));
	}

	@Test
	void findingsOfTheOtherRulesNameTheFacts() {
		assertThat(message("ZC-520624101201-0003"))
			.matches("\\d{4}-\\d{2}-\\d{2}至\\d{4}-\\d{2}-\\d{2}产权期间重叠，份额合计200.00%");
		assertThat(message("ZC-520102102203-0004")).isEqualTo("云营村食用菌种植专业合作社持有100.00%产权，非村集体、乡镇、县级部门或受益农户，且无经营合同");
		assertThat(message("ZC-511921101201-0002")).startsWith("INC-ZC-511921101201-0002-2024收益")
			.endsWith("元全部留作运营维护或村集体积累，没有到户分红、公益岗位或村级公益事业部分");
		assertThat(message("ZC-520628102203-0001")).startsWith("INC-ZC-520628102203-0001-2024收益").endsWith("元未作任何分配");
		assertThat(message("ZC-520524102203-0003")).startsWith("INC-ZC-520524102203-0003-2024分配合计")
			.contains("元，少于收益金额");
		assertThat(message("ZC-513333102203-0004")).startsWith("INC-ZC-513333102203-0004-2024的到户分红")
			.endsWith("元未落实到受益对象");
		assertThat(message("ZC-451003102203-0005")).startsWith("管护主体").endsWith("已明确，但未落实管护责任人");
	}

	/**
	 * One near miss per rule: an asset that looks like a violation but is not one, and is
	 * not flagged.
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					OPERATING_NO_OWNER                   | ZC-450124102204-0001 | operating, no owner since 2022, but disposed (with approval)
					OWNERSHIP_SHARES_NOT_100             | ZC-450103101204-0003 | two current owners, 60% and 40%
					PUBLIC_WELFARE_NO_CUSTODIAN          | ZC-450102101203-0003 | custody ended, but the asset was transferred away
					PUBLIC_WELFARE_NO_RESPONSIBLE_PERSON | ZC-450102101202-0001 | custody changed hands; the new custody names a person
					OWNERSHIP_PERIODS_OVERLAP            | ZC-450103101204-0003 | co-owners overlap, but their shares add up to 100%
					OWNERSHIP_PERIODS_GAP                | ZC-450102101203-0003 | one period ends the day the next begins (validTo exclusive)
					NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT| ZC-450103101204-0003 | a cooperative owns 40%; its first contract ended, the renewal runs
					NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT| ZC-511921101201-0005 | a township government owns it outright, as local rules allow
					NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT| ZC-513326101201-0005 | the benefiting household owns it outright
					INCOME_NOT_DISTRIBUTED               | ZC-450103101204-0003 | three years of income, each fully distributed
					INCOME_NOT_DISTRIBUTED               | ZC-513233101203-0003 | kept as reserve but for a village public-welfare part
					INCOME_WITHOUT_BENEFICIARY           | ZC-450103101204-0003 | maintenance and reserve parts name no beneficiary, as they should not
					LONG_IDLE_OR_DAMAGED                 | ZC-450123101202-0004 | idle since 2025-12-31 (the year-end inventory): 90 days
					DISPOSED_WITHOUT_APPROVAL            | ZC-450225101203-0001 | disposed, with an approval reference
					CATEGORY_TYPE_MISMATCH               | ZC-513327102201-0004 | a greenhouse assigned to a household
					OPERATING_ASSET_LOSS                 | ZC-450125101204-0005 | passed to a private enterprise with an approval reference
					OPERATING_ASSET_LOSS                 | ZC-513232103203-0004 | sold on approval, with proceeds
					""")
	void nearMissesAreNotFlagged(String rule, String registerNo, String why) {
		this.graphQl.documentName("auditFindings")
			.operationName("assetAuditFindings")
			.variable("registerNo", registerNo)
			.execute()
			.path("asset.auditFindings")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void countsPerRuleCoverEveryRuleAndNothingElseIsFlagged() {
		GraphQlTester.Response response = this.graphQl.documentName("auditFindings")
			.operationName("auditFindingCounts")
			.execute();
		response.path("auditFindingCounts[*].rule")
			.entityList(String.class)
			.containsExactly("OPERATING_NO_OWNER", "OWNERSHIP_SHARES_NOT_100", "PUBLIC_WELFARE_NO_CUSTODIAN",
					"PUBLIC_WELFARE_NO_RESPONSIBLE_PERSON", "OWNERSHIP_PERIODS_OVERLAP", "OWNERSHIP_PERIODS_GAP",
					"NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT", "INCOME_NOT_DISTRIBUTED", "INCOME_WITHOUT_BENEFICIARY",
					"LONG_IDLE_OR_DAMAGED", "DISPOSED_WITHOUT_APPROVAL", "CATEGORY_TYPE_MISMATCH",
					"OPERATING_ASSET_LOSS");
		response.path("auditFindingCounts[*].count")
			.entityList(Integer.class)
			.containsExactly(3, 3, 3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 3);
		this.graphQl.documentName("auditFindings")
			.operationName("auditFindings")
			.variable("first", 0)
			.execute()
			.path("auditFindings.totalCount")
			.entity(Integer.class)
			.isEqualTo(41);
	}

	@Test
	void countsOfAProvince() {
		GraphQlTester.Response response = this.graphQl.documentName("auditFindings")
			.operationName("auditFindingCounts")
			.variable("placeCode", "52")
			.execute();
		response.path("auditFindingCounts[*].count")
			.entityList(Integer.class)
			.containsExactly(2, 2, 0, 1, 1, 2, 1, 3, 0, 1, 1, 2, 1);
		response.path("auditFindingCounts[2]")
			.entity(Map.class)
			.isEqualTo(Map.of("rule", "PUBLIC_WELFARE_NO_CUSTODIAN", "severity", "HIGH", "count", 0));
	}

	@Test
	void findingsInACountyWithTheirAssets() {
		GraphQlTester.Response response = this.graphQl.documentName("auditFindings")
			.operationName("auditFindings")
			.variable("filter", Map.of("placeCode", "520328"))
			.execute();
		response.path("auditFindings.totalCount").entity(Integer.class).isEqualTo(2);
		response.path("auditFindings.edges[*].node.rule")
			.entityList(String.class)
			.containsExactly("OPERATING_NO_OWNER", "OWNERSHIP_PERIODS_GAP");
		response.path("auditFindings.edges[0].node")
			.entity(Map.class)
			.satisfies((node) -> assertThat(node).containsEntry("registerNo", "ZC-520328101203-0003")
				.containsEntry("placeCode", "520328101203")
				.containsEntry("message", "产权登记于2024-09-02终止，此后无产权人"));
		response.path("auditFindings.edges[0].node.asset.category").entity(String.class).isEqualTo("OPERATING");
	}

	@Test
	void findingsBySeverity() {
		assertThat(total(Map.of("severity", "HIGH"))).isEqualTo(26);
		assertThat(total(Map.of("severity", "MEDIUM"))).isEqualTo(12);
		assertThat(total(Map.of("severity", "LOW"))).isEqualTo(3);
		assertThat(total(Map.of("severity", "LOW", "rule", "OPERATING_NO_OWNER"))).isZero();
		assertThat(total(Map.of("severity", "HIGH", "placeCode", "52"))).isEqualTo(11);
	}

	@Test
	void pagingVisitsEveryFindingOnceInOrder() {
		List<String> keys = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		int pages = 0;
		while (hasNext) {
			GraphQlTester.Response page = this.graphQl.documentName("auditFindings")
				.operationName("auditFindings")
				.variable("first", 10)
				.variable("after", after)
				.execute();
			List<String> numbers = page.path("auditFindings.edges[*].node.registerNo").entityList(String.class).get();
			List<String> rules = page.path("auditFindings.edges[*].node.rule").entityList(String.class).get();
			for (int i = 0; i < numbers.size(); i++) {
				keys.add(numbers.get(i) + " " + rules.get(i));
			}
			hasNext = page.path("auditFindings.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("auditFindings.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(5);
		assertThat(keys).hasSize(41).isSorted().doesNotHaveDuplicates();
		assertThat(keys.get(0)).isEqualTo("ZC-450123102202-0003 PUBLIC_WELFARE_NO_CUSTODIAN");
	}

	@Test
	void findingsOfAPageOfAssetsAreComputedWithOneQuery() {
		long before = startedTransactions();
		GraphQlTester.Response response = this.graphQl.documentName("assetPageFindings")
			.variable("placeCode", "520328")
			.variable("first", 20)
			.execute();
		long queries = startedTransactions() - before;
		response.path("assets.edges").entityList(Object.class).hasSize(20);
		List<String> numbers = response.path("assets.edges[*].node.registerNo").entityList(String.class).get();
		List<String> flagged = new ArrayList<>();
		for (int i = 0; i < numbers.size(); i++) {
			for (String rule : response.path("assets.edges[" + i + "].node.auditFindings[*].rule")
				.entityList(String.class)
				.get()) {
				flagged.add(numbers.get(i) + " " + rule);
			}
		}
		assertThat(flagged).containsExactly("ZC-520328101203-0003 OPERATING_NO_OWNER",
				"ZC-520328101203-0004 OWNERSHIP_PERIODS_GAP");
		// The list, then the findings of all twenty assets.
		assertThat(queries).isEqualTo(2);
	}

	@Test
	void badArgumentsAnswerCodedErrors() {
		this.graphQl.documentName("auditFindings")
			.operationName("auditFindings")
			.variable("filter", Map.of("placeCode", "5"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CODE")
					.containsEntry("field", "filter.placeCode")));
		this.graphQl.documentName("auditFindings")
			.operationName("auditFindings")
			.variable("after", "bm90LWEtY3Vyc29y")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
	}

	private String message(String registerNo) {
		return this.graphQl.documentName("auditFindings")
			.operationName("assetAuditFindings")
			.variable("registerNo", registerNo)
			.execute()
			.path("asset.auditFindings[0].message")
			.entity(String.class)
			.get();
	}

	private int total(Map<String, Object> filter) {
		return this.graphQl.documentName("auditFindings")
			.operationName("auditFindings")
			.variable("filter", filter)
			.variable("first", 0)
			.execute()
			.path("auditFindings.totalCount")
			.entity(Integer.class)
			.get();
	}

}
