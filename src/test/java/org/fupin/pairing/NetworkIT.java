package org.fupin.pairing;

import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Network exploration and explanatory paths on the seed. */
class NetworkIT extends IntegrationTest {

	@Test
	void oneLevelAroundGuangdongIsItsFourProvincialPairs() {
		GraphQlTester.Response response = network("44", 1, null, null);
		response.path("assistanceNetwork.truncated").entity(Boolean.class).isEqualTo(false);
		response.path("assistanceNetwork.nodes[*].id")
			.entityList(String.class)
			.containsExactly("44", "54", "65", "45", "52");
		response.path("assistanceNetwork.nodes[0]")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "44", "name", "广东省", "type", "PROVINCE", "kind", "EAST", "distance", 0));
		response.path("assistanceNetwork.edges[*].id")
			.entityList(String.class)
			.containsExactly("CS-44-54", "CS-44-65", "EW-44-45", "EW-44-52");
		Map<String, Object> edge = new java.util.HashMap<>(Map.of("id", "EW-44-52", "source", "44", "target", "52",
				"program", "EAST_WEST", "kind", "PROVINCE_PAIR", "status", "ACTIVE", "startDate", "2021-04-08"));
		edge.put("endDate", null);
		response.path("assistanceNetwork.edges[3]").entity(Map.class).isEqualTo(edge);
	}

	@Test
	void eachLevelFollowsThePairingsOfThePartiesFoundSoFar() {
		GraphQlTester.Response two = network("44", 2, null, null);
		two.path("assistanceNetwork.nodes[*].id")
			.entityList(String.class)
			.containsExactly("44", "54", "65", "45", "52", "11", "31", "32");
		two.path("assistanceNetwork.nodes[*].distance")
			.entityList(Integer.class)
			.containsExactly(0, 1, 1, 1, 1, 2, 2, 2);
		two.path("assistanceNetwork.edges").entityList(Object.class).hasSize(9);
		GraphQlTester.Response three = network("44", 3, null, null);
		three.path("assistanceNetwork.nodes").entityList(Object.class).hasSize(12);
		three.path("assistanceNetwork.edges[*].id")
			.entityList(String.class)
			.contains("EW-11-15", "EW-31-53", "EW-32-61", "EW-32-63")
			.hasSize(13);
		three.path("assistanceNetwork.truncated").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void anEnterprisesNetworkReachesTheOtherHelpersOfItsVillages() {
		GraphQlTester.Response response = network("91440600184UCFTTWN", 3, null, null);
		response.path("assistanceNetwork.nodes").entityList(Object.class).hasSize(48);
		response.path("assistanceNetwork.edges").entityList(Object.class).hasSize(47);
		response.path("assistanceNetwork.nodes[0].type").entity(String.class).isEqualTo("ORGANISATION");
		response.path("assistanceNetwork.nodes[0].kind").entity(String.class).isEqualTo("ENTERPRISE");
	}

	@Test
	void programsNarrowTheNetwork() {
		network("52", 2, List.of("EAST_WEST"), null).path("assistanceNetwork.edges[*].id")
			.entityList(String.class)
			.containsExactly("EW-44-52", "EW-44-45");
	}

	@Test
	void theNodeCapCutsTheNetworkAndSaysSo() {
		GraphQlTester.Response response = network("44", 3, null, 6);
		response.path("assistanceNetwork.truncated").entity(Boolean.class).isEqualTo(true);
		response.path("assistanceNetwork.nodes[*].id")
			.entityList(String.class)
			.containsExactly("44", "54", "65", "45", "52", "11");
		// Only edges whose two ends are shown.
		response.path("assistanceNetwork.edges[*].id")
			.entityList(String.class)
			.containsExactly("CS-44-54", "CS-44-65", "EW-44-45", "EW-44-52", "CS-11-54", "CS-11-65");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					44              | 4 | 100 | INVALID_ARGUMENT | depth    | depth must be between 1 and 3, was 4.
					44              | 0 | 100 | INVALID_ARGUMENT | depth    | depth must be between 1 and 3, was 0.
					44              | 2 | 501 | INVALID_ARGUMENT | maxNodes | maxNodes must be between 1 and 500, was 501.
					99              | 1 | 100 | NOT_FOUND        | rootId   | No place has the id 99.
					H45010210120101 | 1 | 100 | INVALID_ARGUMENT | rootId   | rootId is a household; networks link places and organisations.
					""")
	void badNetworkArgumentsAnswerACodedError(String root, int depth, int maxNodes, String code, String field,
			String message) {
		network(root, depth, null, maxNodes).errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).isEqualTo(message);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code).containsEntry("field", field);
		});
	}

	@Test
	void anEnterpriseAndItsVillageAreOneStepApart() {
		GraphQlTester.Response response = connections("91440600184UCFTTWN", "522324103202", null);
		response.path("connections[*].length").entityList(Integer.class).containsExactly(2);
		response.path("connections[0].nodes[*].type")
			.entityList(String.class)
			.containsExactly("Organisation", "Pairing", "Place");
		response.path("connections[0].steps[*]")
			.entityList(Map.class)
			.containsExactly(Map.of("from", "91440600184UCFTTWN", "to", "522324103202", "relation", "HELPS",
					"pairingId", "EV-91440600184UCFTTWN-522324103202", "zh",
					"佛山锦程供应链管理有限公司 帮扶 松坝村（万企兴万村，结对 EV-91440600184UCFTTWN-522324103202，自 2021-06-23）", "en",
					"佛山锦程供应链管理有限公司 helps 松坝村 (enterprise-village link, pairing EV-91440600184UCFTTWN-522324103202, since 2021-06-23)"));
	}

	@Test
	void guangdongReachesZhenganThroughZhuhaiOrThroughItsProvincialPair() {
		GraphQlTester.Response response = connections("44", "520324", null);
		response.path("connections[*].length").entityList(Integer.class).containsExactly(3, 3);
		response.path("connections[0].steps[*].zh")
			.entityList(String.class)
			.containsExactly("广东省 下辖 珠海市", "珠海市 帮扶 正安县（东西部协作，结对 EW-4404-520324，自 2021-01-01）");
		response.path("connections[1].steps[*].relation")
			.entityList(String.class)
			.containsExactly("HELPER_OF", "ABOVE", "RECIPIENT_OF");
		response.path("connections[1].steps[*].en")
			.entityList(String.class)
			.containsExactly("广东省 is the helper of 结对 EW-44-52", "结对 EW-44-52 has 结对 EW-4404-520324 under it",
					"结对 EW-4404-520324 has 正安县 as its recipient");
	}

	@Test
	void noPathWithinTheLengthIsAnEmptyList() {
		connections("44", "520324", 2).path("connections").entityList(Object.class).hasSize(0);
	}

	@Test
	void maxLengthIsBounded() {
		connections("44", "520324", 9).errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).isEqualTo("maxLength must be between 1 and 8, was 9.");
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("field", "maxLength");
		});
	}

	private GraphQlTester.Response network(String root, Integer depth, List<String> programs, Integer maxNodes) {
		return this.graphQl.documentName("assistanceNetwork")
			.variable("rootId", root)
			.variable("depth", depth)
			.variable("programs", programs)
			.variable("maxNodes", maxNodes)
			.execute();
	}

	private GraphQlTester.Response connections(String from, String to, Integer maxLength) {
		return this.graphQl.documentName("connections")
			.variable("fromId", from)
			.variable("toId", to)
			.variable("maxLength", maxLength)
			.execute();
	}

}
