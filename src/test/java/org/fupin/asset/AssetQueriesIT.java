package org.fupin.asset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asset register through GraphQL on the seed. Expected values come from
 * {@code seed/illustrative/*.csv}; "today" is 2026-03-31 ({@code app.today}).
 */
class AssetQueriesIT extends IntegrationTest {

	/**
	 * 云台村扶贫车间: a township's, then the collective's, then shared 60/40 since 2022-12-25.
	 */
	private static final String WORKSHOP = "ZC-450103101204-0003";

	@Test
	void anAssetWithEverythingAnAuditorFollowsFromIt() {
		GraphQlTester.Response response = this.graphQl.documentName("assetCard")
			.variable("registerNo", WORKSHOP)
			.execute();
		response.path("asset")
			.entity(Map.class)
			.satisfies((asset) -> assertThat(asset).containsEntry("name", "云台村扶贫车间")
				.containsEntry("type", "WORKSHOP")
				.containsEntry("category", "OPERATING")
				.containsEntry("originalValue", "1048919.37")
				.containsEntry("completionDate", "2020-05-11")
				.containsEntry("status", "IN_USE")
				.containsEntry("statusSince", "2020-05-11")
				.containsEntry("illustrative", true)
				.containsEntry("custody", null)
				.containsEntry("disposal", null)
				.containsEntry("auditFindings", List.of()));
		response.path("asset.placePath[*].code")
			.entityList(String.class)
			.containsExactly("45", "4501", "450103", "450103101", "450103101204");
		response.path("asset.placePath[*].name")
			.entityList(String.class)
			.containsExactly("广西壮族自治区", "南宁市", "青秀区", "金岭镇", "云台村");
		response.path("asset.project")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "PRJ-450103-2020-02", "name", "2020年青秀区产业扶贫项目", "year", 2020, "county",
					Map.of("code", "450103", "name", "青秀区")));
		response.path("asset.funding")
			.entity(List.class)
			.isEqualTo(List
				.of(Map.of("fund", mapOf("code", "F-450103-2020-CL", "kind", "CENTRAL_LINKAGE", "provider", null),
						"amount", "1524001.00")));
		// The cooperative's shareholding contract, renewed when it ended.
		response.path("asset.operationContracts.totalCount").entity(Integer.class).isEqualTo(2);
		response.path("asset.operationContracts.edges[1].node.contractNo")
			.entity(String.class)
			.isEqualTo("HT-ZC-450103101204-0003-2");
		response.path("asset.operationContracts.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("contractNo", "HT-ZC-450103101204-0003-1", "mode", "SHAREHOLDING", "startDate",
					"2023-02-16", "endDate", "2026-02-16", "annualRent", "31500.00", "operator",
					Map.of("creditCode", "N24501039FN66FMT8M", "name", "长江村水果种植专业合作社")));
		response.path("asset.incomes.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("asset.incomes.edges[*].node.year").entityList(Integer.class).containsExactly(2022, 2023, 2024);
		response.path("asset.incomes.edges[*].node.amount")
			.entityList(String.class)
			.containsExactly("73424.00", "31500.00", "31500.00");
		response.path("asset.incomes.edges[*].node.distributed")
			.entityList(String.class)
			.containsExactly("73424.00", "31500.00", "31500.00");
		response.path("asset.incomes.edges[2].node.uses[*].use")
			.entityList(String.class)
			.containsExactly("MAINTENANCE", "HOUSEHOLD_DIVIDEND", "VILLAGE_PUBLIC_WELFARE", "COLLECTIVE_RESERVE");
		response.path("asset.incomes.edges[2].node.uses[*].beneficiaries.totalCount")
			.entityList(Integer.class)
			.containsExactly(0, 4, 1, 0);
		response.path("asset.incomes.edges[2].node.uses[1].beneficiaries.edges")
			.entity(List.class)
			.isEqualTo(List.of(
					Map.of("node",
							Map.of("beneficiaryId", "H45010310120401", "amount", "2677.50", "beneficiary",
									Map.of("__typename", "Household"))),
					Map.of("node", Map.of("beneficiaryId", "H45010310120402", "amount", "2677.50", "beneficiary",
							Map.of("__typename", "Household")))));
		// The village itself benefits from the village public-welfare part.
		response.path("asset.incomes.edges[2].node.uses[2].beneficiaries.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("beneficiaryId", "450103101204", "amount", "4410.00", "beneficiary",
					Map.of("__typename", "Village")));
	}

	@Test
	void aDisposedAssetKeepsItsRecordAndShowsItsDisposal() {
		GraphQlTester.Response response = this.graphQl.documentName("assetCard")
			.variable("registerNo", "ZC-450102101203-0003")
			.execute();
		response.path("asset.status").entity(String.class).isEqualTo("DISPOSED");
		response.path("asset.disposal")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "DSP-ZC-450102101203-0003", "mode", "TRANSFER", "date", "2023-11-07", "approvalRef",
					"兴宁区农振批〔2023〕1号", "proceeds", "0.00", "transferee",
					Map.of("creditCode", "11450102X24ELF5XK4", "name", "兴宁区乡村振兴局")));
		response.path("asset.custody").valueIsNull();
		response.path("asset.custodyHistory.edges[*].node")
			.entity(List.class)
			.isEqualTo(List
				.of(Map.of("id", "CU-ZC-450102101203-0003-1", "validFrom", "2020-07-29", "validTo", "2023-11-07")));
		response.path("asset.funding[*].fund.provider.__typename").entityList(String.class).containsExactly("County");
	}

	@Test
	void anUnknownRegisterNumberIsNull() {
		this.graphQl.documentName("assetCard")
			.variable("registerNo", "ZC-000000-0000")
			.execute()
			.path("asset")
			.valueIsNull();
	}

	@ParameterizedTest(name = "on {0}")
	@CsvSource(delimiter = '|', textBlock = """
			2020-01-01 | ''
			2021-06-30 | 11450103U772EBKL7F 100.00 2020-05-11 2021-10-30 false
			2021-10-29 | 11450103U772EBKL7F 100.00 2020-05-11 2021-10-30 false
			2021-10-30 | N14501036W17HC8JG8 100.00 2021-10-30 2022-12-25 false
			2022-12-24 | N14501036W17HC8JG8 100.00 2021-10-30 2022-12-25 false
			2022-12-25 | N14501036W17HC8JG8 60.00 2022-12-25 null true, N24501039FN66FMT8M 40.00 2022-12-25 null true
			2023-06-30 | N14501036W17HC8JG8 60.00 2022-12-25 null true, N24501039FN66FMT8M 40.00 2022-12-25 null true
			""")
	void ownersOnADateBeforeAtAndAfterEachTransfer(String asOf, String expected) {
		assertThat(owners(asOf)).isEqualTo(expected);
	}

	@Test
	void ownersDefaultToToday() {
		assertThat(owners(null))
			.isEqualTo("N14501036W17HC8JG8 60.00 2022-12-25 null true, N24501039FN66FMT8M 40.00 2022-12-25 null true");
		GraphQlTester.Response response = this.graphQl.documentName("assetOwnersThroughTime")
			.variable("registerNo", WORKSHOP)
			.execute();
		response.path("asset.owners[*].owner")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("__typename", "Organisation", "name", "云台村股份经济合作社", "kind", "COLLECTIVE"),
					Map.of("__typename", "Organisation", "name", "长江村水果种植专业合作社", "kind", "COOPERATIVE")));
		response.path("asset.owners[*].certificateNo")
			.entityList(String.class)
			.containsExactly("QZ-450103-2022-00028", "QZ-450103-2022-00029");
		response.path("asset.ownershipHistory.totalCount").entity(Integer.class).isEqualTo(4);
		response.path("asset.ownershipHistory.edges[*].node.ownerId")
			.entityList(String.class)
			.containsExactly("11450103U772EBKL7F", "N14501036W17HC8JG8", "N14501036W17HC8JG8", "N24501039FN66FMT8M");
		response.path("asset.ownershipHistory.edges[*].node.current")
			.entityList(Boolean.class)
			.containsExactly(false, false, true, true);
	}

	@Test
	void ownershipHistoryPagesInOrder() {
		GraphQlTester.Response first = this.graphQl.documentName("ownershipPage")
			.variable("registerNo", WORKSHOP)
			.variable("first", 3)
			.execute();
		first.path("asset.ownershipHistory.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("asset.ownershipHistory.edges[*].node.validFrom")
			.entityList(String.class)
			.containsExactly("2020-05-11", "2021-10-30", "2022-12-25");
		String after = first.path("asset.ownershipHistory.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response second = this.graphQl.documentName("ownershipPage")
			.variable("registerNo", WORKSHOP)
			.variable("first", 3)
			.variable("after", after)
			.execute();
		second.path("asset.ownershipHistory.totalCount").entity(Integer.class).isEqualTo(4);
		second.path("asset.ownershipHistory.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("asset.ownershipHistory.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		second.path("asset.ownershipHistory.edges[*].node")
			.entity(List.class)
			.isEqualTo(List.of(mapOf("ownerId", "N24501039FN66FMT8M", "share", "40.00", "validFrom", "2022-12-25",
					"validTo", null)));
	}

	@ParameterizedTest(name = "custody on {0}")
	@CsvSource(delimiter = '|', textBlock = """
			2020-01-01 | null
			2021-09-19 | CU-ZC-450102101202-0001-1 高堡镇人民政府 邱勇国
			2021-09-20 | CU-ZC-450102101202-0001-2 花溪村股份经济合作社 姚静
			""")
	void custodyOnADate(String date, String expected) {
		GraphQlTester.Response response = this.graphQl.documentName("assetOnDate")
			.variable("registerNo", "ZC-450102101202-0001")
			.variable("date", date)
			.execute();
		if (expected.equals("null")) {
			response.path("asset.custody").valueIsNull();
			return;
		}
		String[] parts = expected.split(" ");
		response.path("asset.custody")
			.entity(Map.class)
			.isEqualTo(Map.of("id", parts[0], "custodian", Map.of("name", parts[1]), "responsiblePerson",
					Map.of("name", parts[2])));
	}

	@ParameterizedTest(name = "contracts running on {0}: {1}")
	@CsvSource({ "2023-02-15, 0", "2023-02-16, 1", "2025-12-31, 1", "2026-01-01, 2", "2026-02-16, 1", "2030-12-31, 1",
			"2031-01-01, 0" })
	void contractsRunningOnADate(String date, int running) {
		this.graphQl.documentName("assetOnDate")
			.variable("registerNo", WORKSHOP)
			.variable("date", date)
			.execute()
			.path("asset.operationContracts.totalCount")
			.entity(Integer.class)
			.isEqualTo(running);
	}

	@Test
	void oneYearsIncome() {
		this.graphQl.documentName("assetOnDate")
			.variable("registerNo", WORKSHOP)
			.variable("year", 2023)
			.execute()
			.path("asset.incomes.edges[*].node")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("id", "INC-ZC-450103101204-0003-2023", "amount", "31500.00")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					everything                          | {}                                                      | 4688
					Guizhou                             | {"placeCode": "52"}                                     | 1353
					Guizhou operating                   | {"placeCode": "52", "category": "OPERATING"}            | 507
					Guizhou PV stations                 | {"placeCode": "52", "type": "PV_STATION"}               | 62
					idle                                | {"status": "IDLE"}                                      | 85
					disposed in Sichuan                 | {"placeCode": "51", "status": "DISPOSED"}               | 23
					one county                          | {"placeCode": "450103"}                                 | 52
					one village                         | {"placeCode": "450103101204"}                           | 5
					Guangxi 1-2 million yuan            | {"placeCode": "45", "minValue": 1000000, "maxValue": 2000000} | 201
					Guangxi completed in 2020           | {"placeCode": "45", "completionYear": 2020}             | 130
					owned by a collective today         | {"ownerId": "N14501036W17HC8JG8"}                      | 5
					owned by it on 2021-06-30           | {"ownerId": "N14501036W17HC8JG8", "asOf": "2021-06-30"} | 1
					owned by a township on 2021-06-30   | {"ownerId": "11450103U772EBKL7F", "asOf": "2021-06-30"} | 1
					owned by that township today        | {"ownerId": "11450103U772EBKL7F"}                      | 0
					in a collective's custody           | {"custodianId": "N14501036W17HC8JG8"}                  | 4
					run by a cooperative on 2024-01-01  | {"operatorId": "N24501039FN66FMT8M", "asOf": "2024-01-01"} | 3
					run by it today                     | {"operatorId": "N24501039FN66FMT8M"}                   | 2
					funded by a fund source             | {"fundSourceCode": "F-450103-2020-CL"}                  | 8
					formed by a project                 | {"projectCode": "PRJ-450103-2020-02"}                   | 3
					fund source and category            | {"fundSourceCode": "F-450103-2020-CL", "category": "OPERATING", "placeCode": "450103101204"} | 1
					""")
	void filters(String name, String filter, int total) throws Exception {
		@SuppressWarnings("unchecked")
		Map<String, Object> variables = new com.fasterxml.jackson.databind.ObjectMapper().readValue(filter, Map.class);
		this.graphQl.documentName("assetList")
			.variable("filter", variables)
			.variable("first", 0)
			.execute()
			.path("assets.totalCount")
			.entity(Integer.class)
			.isEqualTo(total);
	}

	@Test
	void filtersByOwnerCustodianAndOperatorNameTheAssets() {
		assertThat(registerNos(Map.of("ownerId", "N14501036W17HC8JG8", "asOf", "2021-06-30")))
			.containsExactly("ZC-450103101204-0002");
		assertThat(registerNos(Map.of("custodianId", "N14501036W17HC8JG8"))).containsExactly("ZC-450103101204-0001",
				"ZC-450103101204-0002", "ZC-450103101204-0004", "ZC-450103101204-0005");
		assertThat(registerNos(Map.of("operatorId", "N24501039FN66FMT8M", "asOf", "2024-01-01")))
			.containsExactly(WORKSHOP, "ZC-450103102202-0001", "ZC-450103103202-0001");
		assertThat(registerNos(Map.of("fundSourceCode", "F-450103-2020-CL", "ownerId", "N14501036W17HC8JG8")))
			.containsExactly(WORKSHOP);
	}

	@Test
	void pagingByRegisterNumberVisitsEveryAssetOfACountyOnceInOrder() {
		List<String> numbers = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		int pages = 0;
		while (hasNext) {
			GraphQlTester.Response page = this.graphQl.documentName("assetList")
				.variable("filter", Map.of("placeCode", "450102"))
				.variable("first", 10)
				.variable("after", after)
				.execute();
			page.path("assets.totalCount").entity(Integer.class).isEqualTo(34);
			page.path("assets.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			numbers.addAll(page.path("assets.edges[*].node.registerNo").entityList(String.class).get());
			hasNext = page.path("assets.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("assets.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(4);
		assertThat(numbers).hasSize(34).isSorted().doesNotHaveDuplicates();
		assertThat(numbers.get(0)).isEqualTo("ZC-450102-0001");
		assertThat(numbers.get(33)).isEqualTo("ZC-450102102203-0005");
	}

	@Test
	void orderedByValueTheCursorContinuesWhereThePageEnded() {
		GraphQlTester.Response first = this.graphQl.documentName("assetList")
			.variable("orderBy", "ORIGINAL_VALUE_DESC")
			.variable("first", 2)
			.execute();
		first.path("assets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-520627-0002", "ZC-640104-0003");
		first.path("assets.edges[*].node.originalValue")
			.entityList(String.class)
			.containsExactly("9889002.11", "9859270.55");
		String after = first.path("assets.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("assetList")
			.variable("orderBy", "ORIGINAL_VALUE_DESC")
			.variable("first", 1)
			.variable("after", after)
			.execute()
			.path("assets.edges[0].node.registerNo")
			.entity(String.class)
			.isEqualTo("ZC-520115-0003");
		// A cursor made for one order does not continue another.
		assertThat(errorOf(Map.of(), "REGISTER_NO_ASC", 1, after)).containsEntry("code", "INVALID_CURSOR")
			.containsEntry("field", "after");
	}

	@Test
	void orderedByCompletionDate() {
		this.graphQl.documentName("assetList")
			.variable("filter", Map.of("placeCode", "450103101204"))
			.variable("orderBy", "COMPLETION_DATE_ASC")
			.execute()
			.path("assets.edges[*].node.completionDate")
			.entityList(String.class)
			.satisfies((dates) -> assertThat(dates).hasSize(5).isSorted());
	}

	@Test
	void badArgumentsAnswerCodedErrorsNamingTheField() {
		assertThat(errorOf(Map.of("placeCode", "5"), null, 10, null)).containsEntry("code", "INVALID_CODE")
			.containsEntry("field", "filter.placeCode");
		assertThat(errorOf(Map.of(), null, 101, null)).containsEntry("code", "PAGE_SIZE_OUT_OF_RANGE")
			.containsEntry("field", "first");
		assertThat(errorOf(Map.of(), null, 10, "bm90LWEtY3Vyc29y")).containsEntry("code", "INVALID_CURSOR");
		assertThat(errorOf(Map.of("minValue", 2000000, "maxValue", 1000000), null, 10, null))
			.containsEntry("code", "INVALID_ARGUMENT")
			.containsEntry("field", "filter.minValue");
		assertThat(errorOf(Map.of("ownerId", " "), null, 10, null)).containsEntry("code", "INVALID_ARGUMENT")
			.containsEntry("field", "filter.ownerId");
	}

	@Test
	void aPageOfAssetsWithPlaceProjectOwnersAndCustodyCostsAConstantNumberOfQueries() {
		long before = startedTransactions();
		GraphQlTester.Response small = this.graphQl.documentName("assetPageBatched")
			.variable("placeCode", "450103")
			.variable("first", 5)
			.execute();
		long smallQueries = startedTransactions() - before;
		before = startedTransactions();
		GraphQlTester.Response page = this.graphQl.documentName("assetPageBatched")
			.variable("placeCode", "450103")
			.variable("first", 20)
			.execute();
		long pageQueries = startedTransactions() - before;

		small.path("assets.edges").entityList(Object.class).hasSize(5);
		page.path("assets.edges").entityList(Object.class).hasSize(20);
		page.path("assets.edges[*].node.place.code")
			.entityList(String.class)
			.satisfies((codes) -> assertThat(codes).allMatch((code) -> code.startsWith("450103")));
		// The list read with the places, owners (and their parties) and custody (with
		// custodians and responsible persons) of every asset on it, then the projects of
		// the whole page: 2, whatever the page size.
		assertThat(pageQueries).isEqualTo(smallQueries).isEqualTo(2);
	}

	@Test
	void provenanceOfAnAssetInOneAnswer() {
		GraphQlTester.Response response = this.graphQl.documentName("provenance")
			.variable("registerNo", WORKSHOP)
			.execute();
		response.path("provenance.asset")
			.entity(Map.class)
			.isEqualTo(Map.of("registerNo", WORKSHOP, "name", "云台村扶贫车间", "category", "OPERATING", "originalValue",
					"1048919.37"));
		response.path("provenance.project")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "PRJ-450103-2020-02", "name", "2020年青秀区产业扶贫项目", "year", 2020));
		response.path("provenance.funding")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("fund",
					Map.of("code", "F-450103-2020-CL", "name", "2020年中央财政专项扶贫资金(青秀区)", "kind", "CENTRAL_LINKAGE"),
					"amount", "1524001.00")));
		response.path("provenance.fundingTotal").entity(String.class).isEqualTo("1524001.00");
		response.path("provenance.ownershipHistory[*].certificateNo")
			.entityList(String.class)
			.containsExactly("QZ-450103-2020-00026", "QZ-450103-2021-00027", "QZ-450103-2022-00028",
					"QZ-450103-2022-00029");
		response.path("provenance.currentOwners")
			.entity(List.class)
			.isEqualTo(List.of(
					Map.of("ownerId", "N14501036W17HC8JG8", "share", "60.00", "owner",
							Map.of("name", "云台村股份经济合作社", "kind", "COLLECTIVE")),
					Map.of("ownerId", "N24501039FN66FMT8M", "share", "40.00", "owner",
							Map.of("name", "长江村水果种植专业合作社", "kind", "COOPERATIVE"))));
		response.path("provenance.incomes[*].year").entityList(Integer.class).containsExactly(2022, 2023, 2024);
		response.path("provenance.incomes[0].uses[1].beneficiaries.totalCount").entity(Integer.class).isEqualTo(4);
		response.path("provenance.incomeTotal").entity(String.class).isEqualTo("136424.00");
		response.path("provenance.distributedTotal").entity(String.class).isEqualTo("136424.00");
		response.path("provenance.beneficiaryCount").entity(Integer.class).isEqualTo(5);
		response.path("provenance.beneficiaryTotal").entity(String.class).isEqualTo("64330.04");
	}

	@Test
	void provenanceBeneficiaryPagesAskedTwiceAnswerAsTheOneReadAhead() {
		// Two pages of different sizes are left to the loader; one page alone is read
		// with
		// the chain: both give the same beneficiaries in the same order.
		GraphQlTester.Response twice = this.graphQl.document("""
				query($registerNo: ID!) { provenance(registerNo: $registerNo) { incomes { uses {
				  one: beneficiaries(first: 1) { totalCount edges { node { beneficiaryId amount } } }
				  five: beneficiaries(first: 5) { totalCount edges { node { beneficiaryId amount } } } } } } }""")
			.variable("registerNo", WORKSHOP)
			.execute();
		GraphQlTester.Response once = this.graphQl.document("""
				query($registerNo: ID!) { provenance(registerNo: $registerNo) { incomes { uses {
				  five: beneficiaries(first: 5) { totalCount edges { node { beneficiaryId amount } } } } } } }""")
			.variable("registerNo", WORKSHOP)
			.execute();
		twice.path("provenance.incomes[0].uses[1].one.totalCount").entity(Integer.class).isEqualTo(4);
		twice.path("provenance.incomes[0].uses[1].five.totalCount").entity(Integer.class).isEqualTo(4);
		List<String> five = twice.path("provenance.incomes[*].uses[*].five.edges[*].node.beneficiaryId")
			.entityList(String.class)
			.get();
		assertThat(five).hasSizeGreaterThanOrEqualTo(4);
		once.path("provenance.incomes[*].uses[*].five.edges[*].node.beneficiaryId")
			.entityList(String.class)
			.isEqualTo(five);
		once.path("provenance.incomes[*].uses[*].five.edges[*].node.amount")
			.entityList(String.class)
			.isEqualTo(twice.path("provenance.incomes[*].uses[*].five.edges[*].node.amount")
				.entityList(String.class)
				.get());
		once.path("provenance.incomes[*].uses[*].five.totalCount")
			.entityList(Integer.class)
			.isEqualTo(twice.path("provenance.incomes[*].uses[*].five.totalCount").entityList(Integer.class).get());
		twice.path("provenance.incomes[0].uses[1].one.edges[*].node.beneficiaryId")
			.entityList(String.class)
			.isEqualTo(List.of(twice.path("provenance.incomes[0].uses[1].five.edges[0].node.beneficiaryId")
				.entity(String.class)
				.get()));
	}

	@Test
	void provenanceOfAnUnknownAssetIsNull() {
		this.graphQl.documentName("provenance")
			.variable("registerNo", "ZC-000000-0000")
			.execute()
			.path("provenance")
			.valueIsNull();
	}

	private String owners(String asOf) {
		List<Map<String, Object>> owners = this.graphQl.documentName("assetOwnersThroughTime")
			.variable("registerNo", WORKSHOP)
			.variable("asOf", asOf)
			.execute()
			.path("asset.owners")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return String.join(", ",
				owners.stream()
					.map((o) -> o.get("ownerId") + " " + o.get("share") + " " + o.get("validFrom") + " "
							+ o.get("validTo") + " " + o.get("current"))
					.toList());
	}

	private List<String> registerNos(Map<String, Object> filter) {
		return this.graphQl.documentName("assetList")
			.variable("filter", filter)
			.execute()
			.path("assets.edges[*].node.registerNo")
			.entityList(String.class)
			.get();
	}

	private Map<String, Object> errorOf(Map<String, Object> filter, String orderBy, int first, String after) {
		Map<String, Object> extensions = new HashMap<>();
		this.graphQl.documentName("assetList")
			.variable("filter", filter)
			.variable("orderBy", orderBy)
			.variable("first", first)
			.variable("after", after)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				extensions.putAll(errors.get(0).getExtensions());
			});
		return extensions;
	}

	/** A map that may hold null values, which {@link Map#of} refuses. */
	static Map<String, Object> mapOf(Object... keysAndValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
