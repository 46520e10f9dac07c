package org.fupin.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceQueriesIT extends IntegrationTest {

	@Test
	void thereAre31ProvinceLevelDivisions() {
		GraphQlTester.Response response = this.graphQl.documentName("provinceCount").execute();
		response.path("provinces.totalCount").entity(Integer.class).isEqualTo(31);
		response.path("provinces.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		response.path("provinces.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
					"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");
		response.path("provinces.edges[23].node")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "52", "name", "贵州省", "nameEn", "Guizhou", "region", "WEST"));
	}

	@ParameterizedTest
	@CsvSource({ "EAST, 10", "CENTRAL, 6", "WEST, 12", "NORTHEAST, 3" })
	void provincesFilterByRegion(String region, int count) {
		this.graphQl.documentName("provincesByRegion")
			.variable("region", region)
			.execute()
			.path("provinces.totalCount")
			.entity(Integer.class)
			.isEqualTo(count);
	}

	@Test
	void nestedCountyListsOfManyProvincesCostOneBatchedQuery() {
		long before = startedTransactions();
		GraphQlTester.Response response = this.graphQl.documentName("keyCountiesOfWesternProvinces").execute();
		long queries = startedTransactions() - before;

		response.path("provinces.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");
		response.path("provinces.edges[*].node.counties.totalCount")
			.entityList(Integer.class)
			.containsExactly(0, 20, 0, 25, 20, 0, 0, 0, 0, 0, 5, 0);
		response.path("provinces.edges[4].node.counties.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("520204", "520324");
		// One query for the provinces, one for all twelve nested county lists.
		assertThat(queries).isEqualTo(2);
	}

	@Test
	void aCountyNavigatesToItsPrefectureAndProvince() {
		GraphQlTester.Response response = this.graphQl.documentName("countyWithAncestors")
			.variable("code", "520204")
			.execute();
		response.path("county.name").entity(String.class).isEqualTo("水城区");
		response.path("county.formerlyPoor").entity(Boolean.class).isEqualTo(true);
		response.path("county.nationalKeyCounty").entity(Boolean.class).isEqualTo(true);
		response.path("county.certainty").entity(String.class).isEqualTo("SOURCED");
		response.path("county.illustrative").entity(Boolean.class).isEqualTo(false);
		response.path("county.prefecture").entity(Map.class).isEqualTo(Map.of("code", "5202", "name", "六盘水市"));
		response.path("county.province")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "52", "name", "贵州省", "region", "WEST"));
	}

	@Test
	void pagingByCodeVisitsEveryCountyOnceInOrder() {
		List<String> codes = walk("CODE_ASC", "code");
		assertThat(codes).hasSize(32).isSorted().doesNotHaveDuplicates();
		assertThat(codes.get(0)).isEqualTo("520102");
	}

	@Test
	void pagingByNameDescendingVisitsEveryCountyOnceInOrder() {
		List<String> names = walk("NAME_DESC", "name");
		assertThat(names).hasSize(32).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(walk("NAME_DESC", "code")).doesNotHaveDuplicates();
	}

	/** Walks all counties of Guizhou five at a time, collecting one field. */
	private List<String> walk(String order, String field) {
		List<String> values = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		int pages = 0;
		while (hasNext) {
			GraphQlTester.Response page = this.graphQl.documentName("countyPage")
				.variable("parentCode", "52")
				.variable("orderBy", order)
				.variable("first", 5)
				.variable("after", after)
				.execute();
			page.path("counties.totalCount").entity(Integer.class).isEqualTo(32);
			page.path("counties.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			values.addAll(page.path("counties.edges[*].node." + field).entityList(String.class).get());
			hasNext = page.path("counties.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("counties.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(7);
		return values;
	}

	@Test
	void anyPlaceIsFoundByCodeWithItsLevel() {
		this.graphQl.documentName("placeLookups")
			.operationName("place")
			.variable("code", "5202")
			.execute()
			.path("place")
			.entity(Map.class)
			.isEqualTo(Map.of("code", "5202", "name", "六盘水市", "level", "PREFECTURE"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					county   | 52       | INVALID_CODE | '52' is not a county code: a county code has 6 digits.
					province | 5x       | INVALID_CODE | '5x' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码).
					province | ５２       | INVALID_CODE | '５２' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码).
					county   | 529999   | NOT_FOUND    | No county has the code 529999 (统计用区划代码).
					village  | 52020410 | INVALID_CODE | '52020410' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码).
					place    | 99       | NOT_FOUND    | No province has the code 99 (统计用区划代码).
					""")
	void badOrUnknownCodesAnswerACodedError(String operation, String code, String errorCode, String message) {
		this.graphQl.documentName("placeLookups")
			.operationName(operation)
			.variable("code", code)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).isEqualTo(message);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", errorCode)
					.containsEntry("field", "code");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					52     | 101 |                  | PAGE_SIZE_OUT_OF_RANGE | first  | first must be between 0 and 100, was 101.
					52     | -1  |                  | PAGE_SIZE_OUT_OF_RANGE | first  | first must be between 0 and 100, was -1.
					52     | 5   | not-a-cursor     | INVALID_CURSOR         | after  | 'not-a-cursor' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.
					520204 | 5   |                  | INVALID_ARGUMENT       | filter.parentCode | filter.parentCode must be the code of a place above the county level; 520204 is a county code.
					5      | 5   |                  | INVALID_CODE           | filter.parentCode | '5' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码).
					""")
	void badListArgumentsAnswerACodedError(String parentCode, int first, String after, String errorCode, String field,
			String message) {
		this.graphQl.documentName("countyPage")
			.variable("parentCode", parentCode)
			.variable("first", first)
			.variable("after", after)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).isEqualTo(message);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", errorCode)
					.containsEntry("field", field);
			});
	}

	@Test
	void aCursorOfOneOrderCannotContinueAnother() {
		String cursor = this.graphQl.documentName("countyPage")
			.variable("parentCode", "52")
			.variable("first", 1)
			.execute()
			.path("counties.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQl.documentName("countyPage")
			.variable("parentCode", "52")
			.variable("orderBy", "NAME_ASC")
			.variable("first", 1)
			.variable("after", cursor)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).isEqualTo(
						"The cursor was made for orderBy CODE_ASC and cannot continue a list ordered by NAME_ASC.");
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_CURSOR");
			});
	}

}
