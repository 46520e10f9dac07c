package org.fupin.pairing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage gaps and dashboard numbers on the seed. Every pairing gap planted in
 * {@code seed/illustrative/deliberate_violations.csv} must be found, and nothing else.
 */
class CoverageGapsIT extends IntegrationTest {

	@Test
	void everyPlantedPairingGapIsFoundAndNothingElse() throws IOException {
		List<String> rules = Arrays.stream(CoverageGapRule.values()).map(Enum::name).toList();
		List<String> planted = new ArrayList<>();
		List<String> lines = Files.readAllLines(Path.of("seed/illustrative/deliberate_violations.csv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split(",", 3);
			if (rules.contains(columns[1])) {
				planted.add(columns[1] + " " + columns[0]);
			}
		}
		assertThat(planted).hasSize(10);
		GraphQlTester.Response response = gaps(null, null, 100, null);
		response.path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(10);
		List<String> rulesFound = response.path("coverageGaps.edges[*].node.rule").entityList(String.class).get();
		List<String> subjects = response.path("coverageGaps.edges[*].node.subjectId").entityList(String.class).get();
		List<String> found = new ArrayList<>();
		for (int i = 0; i < subjects.size(); i++) {
			found.add(rulesFound.get(i) + " " + subjects.get(i));
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(planted);
		// Ordered by rule, then subject.
		assertThat(found).containsExactly("KEY_COUNTY_NO_LINK 513226", "KEY_COUNTY_NO_LINK 640303",
				"KEY_VILLAGE_NO_PAIRING 450125101204", "KEY_VILLAGE_NO_PAIRING 513224103202",
				"KEY_VILLAGE_NO_PAIRING 520325101202", "EXPIRED_PAIRING_ACTIVE EV-91330200344N29A71X-510823101201",
				"EXPIRED_PAIRING_ACTIVE EV-914404004M1QA63BU9-520325101201",
				"EXPIRED_PAIRING_ACTIVE HG-12441900R3EJDTEYDD-12450103AA0GU4A4C8",
				"KEY_COUNTY_ASSISTANCE_ENDED EV-91330700U3QT31693U-451224102202",
				"KEY_COUNTY_ASSISTANCE_ENDED EV-914404004M1QA63BU9-522728101203");
	}

	@Test
	void gapsSayWhatIsWrongInWords() {
		GraphQlTester.Response response = gaps("520325", null, 10, null);
		response.path("coverageGaps.edges[*].node")
			.entityList(Map.class)
			.containsExactly(
					Map.of("rule", "KEY_VILLAGE_NO_PAIRING", "subjectId", "520325101202", "subjectName", "杨峰村",
							"message", "杨峰村是重点帮扶村，但没有进行中的结对帮扶"),
					Map.of("rule", "EXPIRED_PAIRING_ACTIVE", "subjectId", "EV-914404004M1QA63BU9-520325101201",
							"subjectName", organisationName("914404004M1QA63BU9") + " → " + villageName("520325101201"),
							"message", "结对已于2023-08-10到期，状态仍为进行中"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					54     |                            |
					65     |                            |
					62     |                            |
					45     |                            | KEY_VILLAGE_NO_PAIRING 450125101204,EXPIRED_PAIRING_ACTIVE HG-12441900R3EJDTEYDD-12450103AA0GU4A4C8,KEY_COUNTY_ASSISTANCE_ENDED EV-91330700U3QT31693U-451224102202
					522728 |                            | KEY_COUNTY_ASSISTANCE_ENDED EV-914404004M1QA63BU9-522728101203
					522728101203 | KEY_COUNTY_ASSISTANCE_ENDED | KEY_COUNTY_ASSISTANCE_ENDED EV-914404004M1QA63BU9-522728101203
					451223 | KEY_COUNTY_ASSISTANCE_ENDED |
					51     | KEY_COUNTY_NO_LINK         | KEY_COUNTY_NO_LINK 513226
					640303 |                            | KEY_COUNTY_NO_LINK 640303
					520324 |                            |
					""")
	void gapsAreFoundWhereSeededAndAbsentWhereNot(String placeCode, String rule, String expected) {
		GraphQlTester.Response response = gaps(placeCode, (rule != null) ? List.of(rule) : null, 20, null);
		List<String> rules = response.path("coverageGaps.edges[*].node.rule").entityList(String.class).get();
		List<String> subjects = response.path("coverageGaps.edges[*].node.subjectId").entityList(String.class).get();
		List<String> found = new ArrayList<>();
		for (int i = 0; i < subjects.size(); i++) {
			found.add(rules.get(i) + " " + subjects.get(i));
		}
		assertThat(found).isEqualTo((expected != null) ? List.of(expected.split(",")) : List.of());
	}

	@Test
	void gapsPageByRuleAndSubject() {
		List<String> subjects = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = gaps(null, null, 3, after);
			page.path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(10);
			subjects.addAll(page.path("coverageGaps.edges[*].node.subjectId").entityList(String.class).get());
			hasNext = page.path("coverageGaps.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("coverageGaps.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(subjects).hasSize(10).doesNotHaveDuplicates().startsWith("513226", "640303");
	}

	/**
	 * 摘帽不摘帮扶: 东兰县's only 万企兴万村 link ended with none after it; 凤山县's ended link is
	 * followed by others in the county, so it is no gap.
	 */
	@Test
	void anEndedLinkOfAKeyCountyWithNoneAfterItIsAGap() {
		gaps("451224", List.of("KEY_COUNTY_ASSISTANCE_ENDED"), 5, null).path("coverageGaps.edges[*].node")
			.entityList(Map.class)
			.containsExactly(
					Map.of("rule", "KEY_COUNTY_ASSISTANCE_ENDED", "subjectId", "EV-91330700U3QT31693U-451224102202",
							"subjectName", organisationName("91330700U3QT31693U") + " → " + villageName("451224102202"),
							"message", "东兰县是国家乡村振兴重点帮扶县，万企兴万村结对已于2024-02-18结束，此后该县没有同类结对接续（摘帽不摘帮扶）"));
	}

	@Test
	void anUnknownPlaceIsNotFound() {
		gaps("529999", null, 5, null).errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).isEqualTo("No county has the code 529999 (统计用区划代码).");
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND")
				.containsEntry("field", "placeCode");
		});
	}

	@Test
	void theSummaryHasOneRowPerWesternProvince() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingSummary").execute();
		response.path("pairingSummary[*].placeCode")
			.entityList(String.class)
			.containsExactly("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");
		response.path("pairingSummary[*].eastWestPartnerIds")
			.entityList(List.class)
			.containsExactly(List.of("11"), List.of("44"), List.of("37"), List.of("33"), List.of("44"), List.of("31"),
					List.of(), List.of("32"), List.of("12", "37"), List.of("32"), List.of("35"), List.of());
	}

	@Test
	void theSummaryOfGuizhouCountsItsActivePairings() {
		Map<String, Object> expected = Map.ofEntries(Map.entry("placeCode", "52"), Map.entry("placeName", "贵州省"),
				Map.entry("eastWestPartnerIds", List.of("44")), Map.entry("eastWestPartnerNames", List.of("广东省")),
				Map.entry("countyPairs", 28), Map.entry("designatedUnits", 6), Map.entry("enterprisesLinked", 35),
				Map.entry("villagesLinked", 65), Map.entry("investment", "341130000.00"), Map.entry("cadres", 46),
				Map.entry("projects", 100));
		this.graphQl.documentName("pairingSummary")
			.variable("placeCode", "52")
			.execute()
			.path("pairingSummary")
			.entityList(Map.class)
			.containsExactly(expected);
	}

	@Test
	void theSummaryOfACounty() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingSummary")
			.variable("placeCode", "520324")
			.execute();
		response.path("pairingSummary[0].eastWestPartnerIds").entityList(String.class).containsExactly("44");
		response.path("pairingSummary[0].countyPairs").entity(Integer.class).isEqualTo(1);
		response.path("pairingSummary[0].designatedUnits").entity(Integer.class).isEqualTo(1);
		response.path("pairingSummary[0].enterprisesLinked").entity(Integer.class).isEqualTo(3);
		response.path("pairingSummary[0].villagesLinked").entity(Integer.class).isEqualTo(3);
		response.path("pairingSummary[0].investment").entity(String.class).isEqualTo("47890000.00");
		response.path("pairingSummary[0].cadres").entity(Integer.class).isEqualTo(1);
		response.path("pairingSummary[0].projects").entity(Integer.class).isEqualTo(8);
	}

	private GraphQlTester.Response gaps(String placeCode, List<String> rules, int first, String after) {
		return this.graphQl.documentName("coverageGaps")
			.variable("placeCode", placeCode)
			.variable("rules", rules)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private String organisationName(String creditCode) {
		return this.graphQl.document("{ organisation(creditCode: \"" + creditCode + "\") { name } }")
			.execute()
			.path("organisation.name")
			.entity(String.class)
			.get();
	}

	private String villageName(String code) {
		return this.graphQl.document("{ village(code: \"" + code + "\") { name } }")
			.execute()
			.path("village.name")
			.entity(String.class)
			.get();
	}

}
