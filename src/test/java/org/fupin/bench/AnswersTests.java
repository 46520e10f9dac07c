package org.fupin.bench;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswersTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void aPlacePathAndNestedAncestorsWithMoneyAndSharesReduceToTheSameValues() throws Exception {
		JsonNode platform = JSON.readTree(
				"""
						{"asset": {"registerNo": "R1", "originalValue": "1234.50",
						  "placePath": [{"code": "52", "name": "贵州省"}, {"code": "5201", "name": "贵阳市"}],
						  "owners": [{"ownerId": "H1", "share": "33.34", "validTo": null, "owner": {"__typename": "Household"}}]}}""");
		JsonNode peer = JSON.readTree(
				"""
						{"assets": [{"registerNo": "R1", "originalValue": "123450",
						  "place": [{"code": "5201", "name": "贵阳市", "province": [{"code": "52", "name": "贵州省"}]}],
						  "ownersConnection": {"edges": [{"properties": {"share": 3334}, "node": {"householdNo": "H1"}}]}}]}""");

		assertThat(Answers.difference(Answers.normalise(platform, "asset"), Answers.normalise(peer, "assets[]")))
			.isNull();
		assertThat(Answers.normalise(platform, "asset").get(0)).containsExactly("123450", "3334", "52", "5201", "H1",
				"R1", "贵州省", "贵阳市");
	}

	@Test
	void itemsInAnotherOrderOrWithAnotherValueDiffer() throws Exception {
		JsonNode platform = JSON.readTree("""
				{"pairings": {"totalCount": 2, "edges": [{"node": {"id": "P1"}}, {"node": {"id": "P2"}}]}}""");
		JsonNode swapped = JSON.readTree(
				"""
						{"pairingsConnection": {"totalCount": 2, "edges": [{"node": {"id": "P2"}}, {"node": {"id": "P1"}}]}}""");
		JsonNode other = JSON.readTree(
				"""
						{"pairingsConnection": {"totalCount": 3, "edges": [{"node": {"id": "P1"}}, {"node": {"id": "P2"}}]}}""");

		List<List<String>> reduced = Answers.normalise(platform, "pairings.edges[].node");
		assertThat(Answers.difference(reduced, Answers.normalise(swapped, "pairingsConnection.edges[].node")))
			.isEqualTo("item 0: only the platform has [P1], only the peer has [P2]");
		assertThat(Answers.difference(reduced, Answers.normalise(other, "pairingsConnection.edges[].node")))
			.isEqualTo("the whole answer: only the platform has [2], only the peer has [3]");
		assertThat(Answers.difference(reduced, Answers.normalise(other, "pairingsConnection.edges")))
			.isEqualTo("the platform answers 2 items, the peer 1");
	}

	@Test
	void theShippedQuestionsNameTheirSamples() {
		PeerQuestions questions = PeerQuestions.load(PeerQuestions.DEFAULT);

		assertThat(questions.questions()).extracting(PeerQuestions.Question::name)
			.containsExactly("villageWithAncestors", "assetCard", "countyAssetPage", "countyPairings",
					"westernProvincePairings");
		assertThat(questions.check()).isEqualTo(20);
	}

}
