package org.fupin.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pairing reads on the seed: 11 provincial pairs and 7 counterpart-support pairs
 * ({@code seed/pairings/province_pairs.csv}), 23 public county pairs
 * ({@code seed/places/county_pairs.csv}) and 512 illustrative pairings
 * ({@code seed/illustrative/pairings.csv}): 553 in all.
 */
class PairingQueriesIT extends IntegrationTest {

	@ParameterizedTest
	@CsvSource({ "EAST_WEST, 93", "COUNTERPART_SUPPORT, 7", "DESIGNATED_ASSISTANCE, 23", "ENTERPRISE_VILLAGE, 252",
			"HOSPITAL_GROUP, 12", "SCHOOL_GROUP, 11", "RESIDENT_CADRE, 158" })
	void pairingsFilterByProgram(String program, int count) {
		pairings(Map.of("programs", List.of(program)), 0, null).path("pairings.totalCount")
			.entity(Integer.class)
			.isEqualTo(count);
	}

	@Test
	void filtersCombineAndPlaceCodesCoverEverythingBelowThem() {
		// Enterprise links into any village of Guizhou.
		count(Map.of("recipientId", "52", "programs", List.of("ENTERPRISE_VILLAGE")), 82);
		// Helped by Guangdong, any place in it or any organisation registered there.
		count(Map.of("helperId", "44"), 158);
		count(Map.of("helperId", "44", "recipientId", "52"), 86);
		// One enterprise by credit code: an exact match.
		count(Map.of("helperId", "91440600184UCFTTWN"), 12);
		count(Map.of("status", "ENDED"), 13);
		count(Map.of("activeOn", "2022-01-01"), 302);
		count(Map.of("activeOn", "2022-01-01", "programs", List.of("ENTERPRISE_VILLAGE")), 122);
		count(Map.of("programs", List.of("EAST_WEST"), "kinds", List.of("PROVINCE_PAIR", "CITY_PAIR")), 14);
	}

	private void count(Map<String, Object> filter, int expected) {
		pairings(filter, 0, null).path("pairings.totalCount").entity(Integer.class).isEqualTo(expected);
	}

	@Test
	void pagingVisitsEveryEastWestPairingOnceInIdOrder() {
		List<String> ids = new ArrayList<>();
		assertThat(pageThrough(Map.of("programs", List.of("EAST_WEST")), 40, ids, (page) -> {
		})).isEqualTo(3);
		assertThat(ids).hasSize(93).isSorted().doesNotHaveDuplicates();
		assertThat(ids.get(39)).isEqualTo("CP-4404-522628");
		assertThat(ids.get(82)).isEqualTo("EW-4404-520322");
	}

	@Test
	void pagingAProvincesPairingsCountsThemOnEveryPageAndVisitsEachOnce() {
		Map<String, Object> filter = Map.of("recipientId", "52", "programs", List.of("ENTERPRISE_VILLAGE"));
		List<String> all = pairings(filter, 100, null).path("pairings.edges[*].node.id").entityList(String.class).get();
		List<String> ids = new ArrayList<>();
		assertThat(pageThrough(filter, 30, ids,
				(page) -> page.path("pairings.totalCount").entity(Integer.class).isEqualTo(82)))
			.isEqualTo(3);
		assertThat(all).hasSize(82).isSorted().doesNotHaveDuplicates();
		assertThat(ids).isEqualTo(all);
	}

	@Test
	void aPairingShowsItsPartiesChildrenAndWhatFlowsThroughIt() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingDetail")
			.variable("id", "EW-44-52")
			.execute();
		response.path("pairing.program").entity(String.class).isEqualTo("EAST_WEST");
		response.path("pairing.kind").entity(String.class).isEqualTo("PROVINCE_PAIR");
		response.path("pairing.startDate").entity(String.class).isEqualTo("2021-04-08");
		response.path("pairing.certainty").entity(String.class).isEqualTo("SOURCED");
		response.path("pairing.helper")
			.entity(Map.class)
			.isEqualTo(Map.of("__typename", "Province", "code", "44", "name", "广东省", "region", "EAST"));
		response.path("pairing.recipient")
			.entity(Map.class)
			.isEqualTo(Map.of("__typename", "Province", "code", "52", "name", "贵州省", "region", "WEST"));
		response.path("pairing.parent").valueIsNull();
		// 28 county pairs, 4 hospital and 4 school groups sit under the pair.
		response.path("pairing.children.totalCount").entity(Integer.class).isEqualTo(36);
		response.path("pairing.children.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("CP-4403-520527", "CP-4403-522326", "CP-4403-522632");
		response.path("pairing.projects.totalCount").entity(Integer.class).isEqualTo(25);
		response.path("pairing.projects.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "PRJ-520102-2022-03", "name", "2022年东西部协作南明区产业发展项目", "year", 2022, "countyCode",
					"520102"));
		response.path("pairing.funds.totalCount").entity(Integer.class).isEqualTo(48);
		response.path("pairing.funds.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "F-520102-2022-EW", "kind", "EAST_WEST", "fundedAmount", "742647.00"));
		response.path("pairing.assets.totalCount").entity(Integer.class).isEqualTo(51);
		response.path("pairing.assets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-520102101201-0005", "ZC-520102101203-0002");
	}

	@Test
	void whatFlowsThroughAPairingLeadsToTheAssetRegistersRecords() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingFlows")
			.variable("id", "EW-44-52")
			.execute();
		response.path("pairing.projects.edges[*].node")
			.entityList(Map.class)
			.containsExactly(
					Map.of("code", "PRJ-520102-2022-03", "project",
							Map.of("name", "2022年东西部协作南明区产业发展项目", "county", Map.of("code", "520102"))),
					Map.of("code", "PRJ-520102-2023-02", "project",
							Map.of("name", "2023年东西部协作南明区产业发展项目", "county", Map.of("code", "520102"))));
		response.path("pairing.funds.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "F-520102-2022-EW", "fundedAmount", "742647.00", "fund",
					Map.of("name", "2022年东西部协作财政援助资金(南明区)", "kind", "EAST_WEST")));
		response.path("pairing.assets.edges[*].node")
			.entityList(Map.class)
			.containsExactly(
					Map.of("registerNo", "ZC-520102101201-0005", "asset",
							Map.of("category", "OPERATING", "status", "IN_USE", "project",
									Map.of("code", "PRJ-520102-2023-02"))),
					Map.of("registerNo", "ZC-520102101203-0002", "asset", Map.of("category", "OPERATING", "status",
							"IN_USE", "project", Map.of("code", "PRJ-520102-2023-02"))));
	}

	@Test
	void aDesignatedAssistancePairingNamesItsLiaison() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingDetail")
			.variable("id", "DA-91110000AG822488E5-520324")
			.execute();
		response.path("pairing.helper")
			.entity(Map.class)
			.isEqualTo(Map.of("__typename", "Organisation", "creditCode", "91110000AG822488E5", "name", "华夏能源集团有限公司",
					"kind", "CENTRAL_UNIT"));
		response.path("pairing.recipient")
			.entity(Map.class)
			.isEqualTo(Map.of("__typename", "County", "code", "520324", "name", "正安县"));
		response.path("pairing.staff.totalCount").entity(Integer.class).isEqualTo(1);
		response.path("pairing.staff.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		response.path("pairing.staff.edges[*].node.personId").entityList(String.class).containsExactly("P000003");
		response.path("pairing.staff.edges[0].node.role").entity(String.class).isEqualTo("LIAISON");
		response.path("pairing.staff.edges[0].node.person.name").entity(String.class).isEqualTo("宋成");
		response.path("pairing.staff.edges[0].node.person.organisation.name")
			.entity(String.class)
			.isEqualTo("华夏能源集团有限公司");
	}

	@Test
	void anUnknownPairingIsNull() {
		this.graphQl.documentName("pairingDetail").variable("id", "EW-99-99").execute().path("pairing").valueIsNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			52 | EW-44-52
			62 | EW-12-62,EW-37-62,EW-3701-6229,EW-3702-6211,EW-3702-6212
			37 | EW-37-50,EW-37-62,EW-3701-6229,EW-3702-6211,EW-3702-6212
			54 |
			""")
	void aProvinceShowsItsEastWestPartners(String code, String ids) {
		List<String> expected = (ids != null) ? List.of(ids.split(",")) : List.of();
		this.graphQl.documentName("provinceEastWestPairs")
			.variable("code", code)
			.execute()
			.path("province.eastWestPairs.edges[*].node.id")
			.entityList(String.class)
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			54 | CS-11-54,CS-31-54,CS-32-54,CS-44-54
			44 | CS-44-54,CS-44-65
			52 |
			""")
	void aProvinceShowsTheCounterpartSupportItGivesOrReceives(String code, String ids) {
		List<String> expected = (ids != null) ? List.of(ids.split(",")) : List.of();
		this.graphQl
			.document("query($code: ID!) { province(code: $code) { counterpartSupport { edges { node { id } } } } }")
			.variable("code", code)
			.execute()
			.path("province.counterpartSupport.edges[*].node.id")
			.entityList(String.class)
			.isEqualTo(expected);
	}

	@Test
	void guizhouHas28CountyPairsUnderItsPairWithGuangdong() {
		GraphQlTester.Response response = this.graphQl.documentName("provinceEastWestPairs")
			.variable("code", "52")
			.execute();
		response.path("province.eastWestPairs.edges[0].node.helperName").entity(String.class).isEqualTo("广东省");
		response.path("province.eastWestPairs.edges[0].node.children.totalCount").entity(Integer.class).isEqualTo(28);
		response.path("province.eastWestPairs.edges[0].node.children.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "CP-4403-520527", "helperName", "深圳市", "recipientId", "520527", "recipientName",
					"赫章县"));
	}

	@Test
	void aCountyShowsEveryoneWhoHelpsIt() {
		GraphQlTester.Response response = this.graphQl.documentName("countyAssistance")
			.variable("code", "520324")
			.execute();
		response.path("county.eastWestPairs.edges[*].node")
			.entityList(Map.class)
			.containsExactly(Map.of("id", "EW-4404-520324", "helperName", "珠海市", "parent", Map.of("id", "EW-44-52")));
		response.path("county.designatedAssistance.edges[*].node")
			.entityList(Map.class)
			.containsExactly(Map.of("id", "DA-91110000AG822488E5-520324", "helperName", "华夏能源集团有限公司", "investment",
					"40060000.00", "staff", staff(Map.of("name", "宋成", "role", "LIAISON"))));
		response.path("county.enterpriseLinks.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("county.enterpriseLinks.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("EV-91460000RU1M1XRA2Y-520324101203", "EV-91520624Q22LL7KX5G-520324102202",
					"EV-915226337JD39P48G8-520324101202");
		response.path("county.enterpriseLinks.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "EV-91460000RU1M1XRA2Y-520324101203", "helperName", "海南金穗供应链管理有限公司",
					"recipientName", "长堡村", "kind", "INDUSTRY", "investment", "3940000.00", "startDate", "2024-01-03"));
		response.path("county.residentCadres.totalCount").entity(Integer.class).isEqualTo(1);
		response.path("county.residentCadres.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "RC-115203245CN6TUF7N4-520324102202", "helperName", "正安县乡村振兴局", "recipientName",
					"梅江村", "staff",
					staff(Map.of("name", "尹磊玉", "role", "FIRST_SECRETARY", "startDate", "2023-03-25"))));
	}

	@Test
	void aVillageShowsItsEnterprisesAndItsFirstSecretary() {
		GraphQlTester.Response response = this.graphQl.documentName("villageLinks")
			.variable("code", "522324103202")
			.execute();
		response.path("village.name").entity(String.class).isEqualTo("松坝村");
		response.path("village.enterpriseLinks.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("village.enterpriseLinks.edges[*].node.helperName")
			.entityList(String.class)
			.containsExactly("上海沃土茶业有限公司", "佛山锦程供应链管理有限公司", "三都联创纺织服饰有限公司");
		response.path("village.enterpriseLinks.edges[*].node.kind")
			.entityList(String.class)
			.containsExactly("EMPLOYMENT", "PUBLIC_WELFARE", "EMPLOYMENT");
		response.path("village.enterpriseLinks.edges[*].node.investment")
			.entityList(String.class)
			.containsExactly("890000.00", "4630000.00", "3940000.00");
		response.path("village.enterpriseLinks.edges[*].node.startDate")
			.entityList(String.class)
			.containsExactly("2020-11-16", "2021-06-23", "2024-12-28");
		response.path("village.enterpriseLinks.edges[*].node.projects.totalCount")
			.entityList(Integer.class)
			.containsExactly(0, 1, 0);
		response.path("village.residentCadres.edges[*].node.staff.edges[*].node")
			.entityList(Map.class)
			.containsExactly(
					Map.of("personId", "P000150", "name", "袁辉", "role", "FIRST_SECRETARY", "startDate", "2021-05-28"));
	}

	@Test
	void anOrganisationShowsWhatItHelpsAndWhoHelpsIt() {
		GraphQlTester.Response enterprise = this.graphQl.documentName("organisationAssists")
			.variable("creditCode", "91440600184UCFTTWN")
			.execute();
		enterprise.path("organisation.assists.totalCount").entity(Integer.class).isEqualTo(12);
		enterprise.path("organisation.assists.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "EV-91440600184UCFTTWN-450124102204", "program", "ENTERPRISE_VILLAGE",
					"recipientId", "450124102204", "recipientName", villageName("450124102204")));
		enterprise.path("organisation.assistedBy.totalCount").entity(Integer.class).isEqualTo(0);

		GraphQlTester.Response hospital = this.graphQl.documentName("organisationAssists")
			.variable("creditCode", "12450103AA0GU4A4C8")
			.execute();
		hospital.path("organisation.name").entity(String.class).isEqualTo("青秀区中心医院");
		hospital.path("organisation.assistedBy.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("HG-124404001YKRJ60WXM-12450103AA0GU4A4C8", "HG-12440600DAL6WG425B-12450103AA0GU4A4C8",
					"HG-12441900R3EJDTEYDD-12450103AA0GU4A4C8");
	}

	private String villageName(String code) {
		return this.graphQl.document("{ village(code: \"" + code + "\") { name } }")
			.execute()
			.path("village.name")
			.entity(String.class)
			.get();
	}

	@Test
	void pairingListsOfManyCountiesAreBatched() {
		long before = startedTransactions();
		GraphQlTester.Response response = this.graphQl.documentName("countiesAssistanceBatch")
			.variable("parentCode", "52")
			.execute();
		long transactions = startedTransactions() - before;
		response.path("counties.edges").entityList(Object.class).hasSize(32);
		response.path("counties.edges[*].node.eastWestPairs.totalCount")
			.entityList(Integer.class)
			.satisfies((counts) -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(28));
		response.path("counties.edges[*].node.enterpriseLinks.totalCount")
			.entityList(Integer.class)
			.satisfies((counts) -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(82));
		// 32 counties x 4 pairing lists, their staff and parents: one read for the
		// counties, one for all 128 lists, one for the staff, one for the parents.
		assertThat(transactions).isEqualTo(4);
	}

	@Test
	void whatManyEnterprisesHelpIsBatched() {
		long before = startedTransactions();
		GraphQlTester.Response response = this.graphQl.documentName("enterprisesAssistBatch")
			.variable("placeCode", "44")
			.execute();
		long transactions = startedTransactions() - before;
		response.path("organisations.totalCount").entity(Integer.class).isEqualTo(14);
		response.path("organisations.edges[*].node.assists.totalCount")
			.entityList(Integer.class)
			.containsExactly(2, 2, 3, 9, 4, 8, 3, 5, 9, 10, 12, 8, 3, 9);
		// One read for the organisations, one for their 14 lists, one for the recipients.
		assertThat(transactions).isEqualTo(3);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					helperId    | abc    | INVALID_CODE | filter.helperId    | 'abc' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码).
					recipientId | 5201   | -            | -                  | -
					helperId    | 914403001922038216 | - | -            | -
					""")
	void badPartyIdsAnswerACodedError(String field, String value, String code, String path, String message) {
		GraphQlTester.Response response = pairings(Map.of(field, value), 1, null);
		if ("-".equals(code)) {
			response.errors().verify();
			return;
		}
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).isEqualTo(message);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code).containsEntry("field", path);
		});
	}

	@Test
	void aForeignCursorIsRefused() {
		pairings(Map.of(), 1, "bm90LWEtY3Vyc29y").errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_CURSOR")
				.containsEntry("field", "after");
		});
	}

	/**
	 * Follows the list's cursors from the first page to the last, {@code first} at a
	 * time, collecting the ids into {@code ids} and checking each page with
	 * {@code eachPage}.
	 * @return the number of pages
	 */
	private int pageThrough(Map<String, Object> filter, int first, List<String> ids,
			Consumer<GraphQlTester.Response> eachPage) {
		String after = null;
		boolean hasNext = true;
		int pages = 0;
		while (hasNext) {
			GraphQlTester.Response page = pairings(filter, first, after);
			eachPage.accept(page);
			page.path("pairings.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			ids.addAll(page.path("pairings.edges[*].node.id").entityList(String.class).get());
			hasNext = page.path("pairings.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("pairings.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		return pages;
	}

	private GraphQlTester.Response pairings(Map<String, Object> filter, int first, String after) {
		return this.graphQl.documentName("pairings")
			.variable("filter", filter)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	/** A page of staff as it reads in JSON: its people, in order. */
	private static Map<String, Object> staff(Map<String, Object>... people) {
		return Map.of("edges", java.util.Arrays.stream(people).map((person) -> Map.of("node", person)).toList());
	}

}
