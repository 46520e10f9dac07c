package org.fupin.party;

import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class PartyQueriesIT extends IntegrationTest {

	@Test
	void householdPersonalDataIsMaskedWithoutTheGrant() {
		this.graphQl.documentName("partyLookups")
			.operationName("household")
			.variable("householdNo", "H45010210120101")
			.execute()
			.path("household")
			.entity(Map.class)
			.isEqualTo(Map.of("householdNo", "H45010210120101", "headName", "罗**", "idNumber", "4501**********0011",
					"size", 4, "formerlyPoor", false, "illustrative", true, "village",
					Map.of("code", "450102101201", "name", "竹坝村", "county", Map.of("code", "450102", "name", "兴宁区"))));
	}

	@Test
	void aPersonWithTheOrganisationTheyWorkFor() {
		this.graphQl.documentName("partyLookups")
			.operationName("person")
			.variable("personId", "P000001")
			.execute()
			.path("person")
			.entity(Map.class)
			.isEqualTo(Map.of("personId", "P000001", "name", "谢文", "role", "LIAISON", "organisation",
					Map.of("creditCode", "91110000AG822488E5", "name", "华夏能源集团有限公司", "kind", "CENTRAL_UNIT", "place",
							Map.of("code", "11"))));
	}

	@ParameterizedTest
	@CsvSource({ "91110000AG822488E5, Organisation, 华夏能源集团有限公司", "H45010210120101, Household, 罗**",
			"450102, County, 兴宁区", "450102101201, Village, 竹坝村" })
	void anyPartyByItsId(String id, String type, String name) {
		GraphQlTester.Response response = this.graphQl.documentName("partyLookups")
			.operationName("party")
			.variable("id", id)
			.execute();
		response.path("party.__typename").entity(String.class).isEqualTo(type);
		response.path(type.equals("Household") ? "party.headName" : "party.name").entity(String.class).isEqualTo(name);
	}

	@Test
	void enterprisesOfAProvincePageByCreditCode() {
		GraphQlTester.Response first = this.graphQl.documentName("enterprisesOfAProvince")
			.variable("placeCode", "52")
			.variable("first", 5)
			.execute();
		first.path("organisations.totalCount").entity(Integer.class).isEqualTo(16);
		first.path("organisations.edges[*].node.creditCode")
			.entityList(String.class)
			.containsExactly("915201020UNYWH2HNH", "91520322U77CNX58LJ", "91520324ACWKGQ2F78", "91520325862J0RKA4D",
					"91520381X4C82NX6FF");
		first.path("organisations.edges[*].node.place.code")
			.entityList(String.class)
			.containsExactly("520102", "520322", "520324", "520325", "520381");
		String cursor = first.path("organisations.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response second = this.graphQl.documentName("enterprisesOfAProvince")
			.variable("placeCode", "52")
			.variable("first", 5)
			.variable("after", cursor)
			.execute();
		second.path("organisations.edges[0].node.creditCode").entity(String.class).isEqualTo("91520425GLBX06G9JE");
		second.path("organisations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void theOrganisationsOfAPageLoadTheirPlacesInOneQuery() {
		long before = startedTransactions();
		this.graphQl.documentName("enterprisesOfAProvince")
			.variable("placeCode", "52")
			.variable("first", 16)
			.execute()
			.path("organisations.edges")
			.entityList(Object.class)
			.hasSize(16);
		// One query for the page, one for all sixteen places.
		assertThat(startedTransactions() - before).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource({ "organisation, creditCode, 91110000AAAAAAAAAA, NOT_FOUND",
			"household, householdNo, H99999999999999, NOT_FOUND", "person, personId, P999999, NOT_FOUND",
			"party, id, 91110000AAAAAAAAAA, NOT_FOUND", "party, id, 1234567, INVALID_CODE",
			"party, id, not-a-party, INVALID_CODE", "organisation, creditCode, 9111000, INVALID_CODE",
			"organisation, creditCode, 91110000aaaaaaaaaa, INVALID_CODE", "household, householdNo, 5201, INVALID_CODE",
			"household, householdNo, Ｈ１２３, INVALID_CODE", "party, id, ５２, INVALID_CODE",
			"party, id, H１２３, INVALID_CODE", "organisation, creditCode, 914403001922038216, NOT_FOUND",
			"party, id, 914403001922038216, NOT_FOUND" })
	void unknownOrMalformedIdsAnswerACodedError(String operation, String variable, String id, String code) {
		this.graphQl.documentName("partyLookups")
			.operationName(operation)
			.variable(variable, id)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", code);
				assertThat(errors.get(0).getMessage()).contains(id);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\u3000" })
	void aBlankNameToSearchForIsRefused(String name) {
		this.graphQl.document("query($name: String) { organisations(filter: { nameContains: $name }) { totalCount } }")
			.variable("name", name)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).isEqualTo("filter.nameContains must not be blank.");
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
					.containsEntry("field", "filter.nameContains");
			});
	}

}
