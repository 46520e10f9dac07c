package org.fupin.asset;

import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * What projects and fund sources produced, and the reverse ways from organisations,
 * households and villages into the register, on the seed ("today" is 2026-03-31).
 */
class FundingAndReverseWaysIT extends IntegrationTest {

	@Test
	void aProjectWithItsFundsAndTheAssetsItFormed() {
		GraphQlTester.Response response = this.graphQl.documentName("projectAndFund")
			.operationName("project")
			.variable("code", "PRJ-450103-2020-02")
			.execute();
		response.path("project")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "PRJ-450103-2020-02", "name", "2020年青秀区产业扶贫项目", "year", 2020, "illustrative",
					true, "county", Map.of("code", "450103", "name", "青秀区"), "funding", List.of(Map.of("fund",
							Map.of("code", "F-450103-2020-CL", "kind", "CENTRAL_LINKAGE"), "amount", "1524001.00")),
					"assets",
					Map.of("totalCount", 3, "edges", List.of(
							Map.of("node", Map.of("registerNo", "ZC-450103101204-0003", "name", "云台村扶贫车间")),
							Map.of("node", Map.of("registerNo", "ZC-450103102201-0004", "name", "杨源村经果林基地")),
							Map.of("node", Map.of("registerNo", "ZC-450103103202-0004", "name", "白洞村经果林基地"))))));
	}

	@Test
	void aFundSourceWithItsProviderAllocationsAndAssets() {
		GraphQlTester.Response response = this.graphQl.documentName("projectAndFund")
			.operationName("fundSource")
			.variable("code", "F-450102-2021-PV")
			.execute();
		response.path("fundSource.name").entity(String.class).isEqualTo("2021年广西壮族自治区财政衔接推进乡村振兴补助资金(兴宁区)");
		response.path("fundSource.kind").entity(String.class).isEqualTo("PROVINCIAL");
		response.path("fundSource.year").entity(Integer.class).isEqualTo(2021);
		response.path("fundSource.provider")
			.entity(Map.class)
			.isEqualTo(Map.of("__typename", "Province", "code", "45", "name", "广西壮族自治区"));
		response.path("fundSource.allocations.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("fundSource.allocations.edges[*].node.project.code")
			.entityList(String.class)
			.containsExactly("PRJ-450102-2021-01", "PRJ-450102-2021-02", "PRJ-450102-2021-03");
		response.path("fundSource.allocations.edges[*].node.amount")
			.entityList(String.class)
			.containsExactly("875614.00", "1644098.00", "99111.00");
		response.path("fundSource.assets.totalCount").entity(Integer.class).isEqualTo(4);
		response.path("fundSource.assets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450102-0001", "ZC-450102-0003", "ZC-450102101202-0004", "ZC-450102101202-0005");
	}

	@Test
	void centralFundsHaveNoProviderAndUnknownCodesAreNull() {
		GraphQlTester.Response response = this.graphQl.documentName("projectAndFund")
			.operationName("fundSource")
			.variable("code", "F-450103-2020-CL")
			.execute();
		response.path("fundSource.provider").valueIsNull();
		response.path("fundSource.assets.totalCount").entity(Integer.class).isEqualTo(8);
		this.graphQl.documentName("projectAndFund")
			.operationName("fundSource")
			.variable("code", "F-NONE")
			.execute()
			.path("fundSource")
			.valueIsNull();
		this.graphQl.documentName("projectAndFund")
			.operationName("project")
			.variable("code", "PRJ-NONE")
			.execute()
			.path("project")
			.valueIsNull();
	}

	@Test
	void whatACollectiveOwnsAndLooksAfter() {
		GraphQlTester.Response response = this.graphQl.documentName("reverseWays")
			.operationName("organisationAssets")
			.variable("creditCode", "N14501036W17HC8JG8")
			.execute();
		response.path("organisation.name").entity(String.class).isEqualTo("云台村股份经济合作社");
		response.path("organisation.ownedAssets.totalCount").entity(Integer.class).isEqualTo(5);
		response.path("organisation.ownedAssets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450103101204-0001", "ZC-450103101204-0002", "ZC-450103101204-0003",
					"ZC-450103101204-0004", "ZC-450103101204-0005");
		response.path("organisation.custodiedAssets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450103101204-0001", "ZC-450103101204-0002", "ZC-450103101204-0004",
					"ZC-450103101204-0005");
		response.path("organisation.operatedAssets.totalCount").entity(Integer.class).isEqualTo(0);
		response.path("organisation.benefits.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void whatAnOperatorRanOnAPastDateAndRunsToday() {
		GraphQlTester.Response past = this.graphQl.documentName("reverseWays")
			.operationName("organisationAssets")
			.variable("creditCode", "N24501039FN66FMT8M")
			.variable("asOf", "2024-01-01")
			.execute();
		past.path("organisation.operatedAssets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450103101204-0003", "ZC-450103102202-0001", "ZC-450103103202-0001");
		past.path("organisation.ownedAssets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450103101204-0003");
		this.graphQl.documentName("reverseWays")
			.operationName("organisationAssets")
			.variable("creditCode", "N24501039FN66FMT8M")
			.execute()
			.path("organisation.operatedAssets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450103101204-0003", "ZC-450103103202-0001");
		// The township owned the workshop until 2021-10-30.
		this.graphQl.documentName("reverseWays")
			.operationName("organisationAssets")
			.variable("creditCode", "11450103U772EBKL7F")
			.variable("asOf", "2021-06-30")
			.execute()
			.path("organisation.ownedAssets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450103101204-0003");
	}

	@Test
	void whatAHouseholdReceivedNewestYearFirstPageByPage() {
		GraphQlTester.Response first = this.graphQl.documentName("reverseWays")
			.operationName("householdAssets")
			.variable("householdNo", "H45010310120401")
			.variable("first", 3)
			.execute();
		first.path("household.ownedAssets.totalCount").entity(Integer.class).isEqualTo(0);
		first.path("household.benefits.totalCount").entity(Integer.class).isEqualTo(7);
		first.path("household.benefits.edges[*].node")
			.entity(List.class)
			.isEqualTo(List.of(benefit(2024, "HOUSEHOLD_DIVIDEND", "1090.42", "ZC-450103101204-0002"),
					benefit(2024, "HOUSEHOLD_DIVIDEND", "2677.50", "ZC-450103101204-0003"),
					benefit(2023, "HOUSEHOLD_DIVIDEND", "1417.55", "ZC-450103101204-0002")));
		String after = first.path("household.benefits.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("reverseWays")
			.operationName("householdAssets")
			.variable("householdNo", "H45010310120401")
			.variable("first", 3)
			.variable("after", after)
			.execute()
			.path("household.benefits.edges[*].node")
			.entity(List.class)
			.isEqualTo(List.of(benefit(2023, "HOUSEHOLD_DIVIDEND", "2520.00", "ZC-450103101204-0003"),
					benefit(2023, "PUBLIC_WELFARE_JOBS", "2677.50", "ZC-450103101204-0003"),
					benefit(2022, "HOUSEHOLD_DIVIDEND", "1335.70", "ZC-450103101204-0002")));
	}

	@Test
	void whatAHouseholdOwns() {
		this.graphQl.documentName("reverseWays")
			.operationName("householdAssets")
			.variable("householdNo", "H45010210120104")
			.execute()
			.path("household.ownedAssets.edges[*].node")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("registerNo", "ZC-450102101201-0001", "category", "ASSIGNED")));
	}

	@Test
	void theAssetsOfAVillageAndWhatItReceived() {
		GraphQlTester.Response response = this.graphQl.documentName("reverseWays")
			.operationName("villageAssets")
			.variable("code", "450103101204")
			.variable("filter", Map.of("category", "PUBLIC_WELFARE"))
			.execute();
		response.path("village.name").entity(String.class).isEqualTo("云台村");
		response.path("village.assets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450103101204-0004", "ZC-450103101204-0005");
		response.path("village.benefits.totalCount").entity(Integer.class).isEqualTo(4);
		response.path("village.benefits.edges[*].node")
			.entity(List.class)
			.isEqualTo(List.of(benefit(2024, "VILLAGE_PUBLIC_WELFARE", "1308.51", "ZC-450103101204-0002"),
					benefit(2024, "VILLAGE_PUBLIC_WELFARE", "4410.00", "ZC-450103101204-0003")));
		this.graphQl.documentName("reverseWays")
			.operationName("villageAssets")
			.variable("code", "450103101204")
			.execute()
			.path("village.assets.totalCount")
			.entity(Integer.class)
			.isEqualTo(5);
	}

	private static Map<String, Object> benefit(int year, String use, String amount, String registerNo) {
		return Map.of("year", year, "use", use, "amount", amount, "asset", Map.of("registerNo", registerNo));
	}

}
