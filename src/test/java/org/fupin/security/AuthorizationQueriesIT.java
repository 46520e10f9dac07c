package org.fupin.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.fupin.security.AuthorizationIT.Row;
import org.fupin.security.AuthorizationIT.Who;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fupin.security.AuthorizationIT.QUERIES;
import static org.fupin.security.AuthorizationIT.SAME;
import static org.fupin.security.AuthorizationIT.assertRefused;
import static org.fupin.security.AuthorizationIT.assertValue;

/**
 * The query half of the authorisation table ({@link AuthorizationIT#QUERIES}), on the
 * read-only seeded store, where no other test changes the values.
 */
class AuthorizationQueriesIT extends IntegrationTest {

	@Test
	void everyQueryFieldAnswersEachCallerExactly() {
		Map<Who, HttpGraphQlTester> callers = AuthorizationIT.callers(this::as, anonymous());
		for (Row row : QUERIES) {
			Object expected = row.value();
			if (expected == SAME) {
				expected = callers.get(Who.ADMIN)
					.document(row.document())
					.execute()
					.path(row.path())
					.entity(Object.class)
					.get();
				assertThat(expected).as(row.document()).isNotNull();
			}
			for (Who who : Who.values()) {
				char outcome = row.outcomes().charAt(who.ordinal());
				GraphQlTester.Response response = callers.get(who).document(row.document()).execute();
				String what = who + " " + row.document();
				switch (outcome) {
					case 'A' -> assertValue(response, row.path(), expected, what);
					case 'M', 'S' -> assertValue(response, row.path(), row.masked(), what);
					default -> assertRefused(response, outcome, what);
				}
			}
		}
	}

	/**
	 * An asset list under a parent spans places (an enterprise owns assets in three
	 * counties, a pairing's projects formed assets in fifteen; a village lies in one
	 * province), but what an OFFICER is handed of it, its cursors included, is of the
	 * assets in its place alone. A cursor holds the sort keys of its item (register
	 * number, original value), so one handed for an asset the officer may not read would
	 * tell that asset's number and value, even to a query that selects cursors and no
	 * asset field to be refused.
	 */
	@Test
	void anOfficersAssetListsCursorOnlyTheAssetsInItsPlace() {
		String owned = """
				{ organisation(creditCode: "914503290QQD7QL050") { ownedAssets {
				    totalCount edges { cursor } pageInfo { endCursor } } } }""";
		assertThat(cursorKeys(as(Role.AUDITOR), owned, "organisation.ownedAssets")).containsExactly(
				List.of("ZC-450103101201-0005"), List.of("ZC-450225102201-0002"), List.of("ZC-451027102201-0004"),
				List.of("ZC-451027102201-0004"));
		assertThat(cursorKeys(as(Role.OFFICER, "place=450103"), owned, "organisation.ownedAssets"))
			.containsExactly(List.of("ZC-450103101201-0005"), List.of("ZC-450103101201-0005"));
		assertThat(totalCount(as(Role.OFFICER, "place=450103"), owned, "organisation.ownedAssets")).isEqualTo(1);
		String ownedByPage = """
				query owned($after: String) { organisation(creditCode: "914503290QQD7QL050") {
				    ownedAssets(first: 1, after: $after) {
				      edges { cursor node { registerNo placeCode } } pageInfo { endCursor hasNextPage } } } }""";
		assertThat(walk(as(Role.AUDITOR), ownedByPage, "organisation.ownedAssets"))
			.containsExactly("ZC-450103101201-0005", "ZC-450225102201-0002", "ZC-451027102201-0004");
		assertThat(walk(as(Role.OFFICER, "place=450103"), ownedByPage, "organisation.ownedAssets"))
			.containsExactly("ZC-450103101201-0005");

		// A pairing's assets lie in fifteen counties; an officer of one is handed its
		// own.
		String pairing = """
				{ pairing(id: "EW-44-45") { assets(first: 2) {
				    totalCount edges { cursor } pageInfo { endCursor } } } }""";
		assertThat(cursorKeys(as(Role.AUDITOR), pairing, "pairing.assets")).containsExactly(
				List.of("ZC-450102102201-0001"), List.of("ZC-450102102203-0001"), List.of("ZC-450102102203-0001"));
		assertThat(cursorKeys(as(Role.OFFICER, "place=450103"), pairing, "pairing.assets"))
			.containsExactly(List.of("ZC-450103103203-0005"), List.of("ZC-450103103203-0005"));
		assertThat(totalCount(as(Role.OFFICER, "place=450103"), pairing, "pairing.assets")).isEqualTo(1);

		// A village outside the place, by value: no asset, so no cursor with a value.
		String village = """
				{ village(code: "450102101201") { assets(orderBy: ORIGINAL_VALUE_DESC, first: 2) {
				    totalCount edges { cursor } pageInfo { endCursor hasNextPage } } } }""";
		assertThat(cursorKeys(as(Role.AUDITOR), village, "village.assets")).containsExactly(
				List.of("255296302", "ZC-450102101201-0003"), List.of("90397105", "ZC-450102101201-0002"),
				List.of("90397105", "ZC-450102101201-0002"));
		assertThat(cursorKeys(as(Role.OFFICER, "place=52"), village, "village.assets")).isEmpty();
		as(Role.OFFICER, "place=52").document(village)
			.execute()
			.path("village.assets.totalCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("village.assets.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	/**
	 * A party's benefits are listed by the income use that paid them, whose id holds the
	 * paying asset's register number: an OFFICER is handed, and counts, only what the
	 * assets in its place paid.
	 */
	@Test
	void anOfficersBenefitListsHoldOnlyWhatTheAssetsInItsPlacePaid() {
		String benefits = """
				{ village(code: "450102101201") { benefits {
				    totalCount edges { cursor } pageInfo { endCursor } } } }""";
		List<String> paid = List.of("2023", "INC-ZC-450102101201-0002-2023-U4");
		assertThat(cursorKeys(as(Role.AUDITOR), benefits, "village.benefits")).containsExactly(paid, paid);
		assertThat(cursorKeys(as(Role.OFFICER, "place=450102"), benefits, "village.benefits")).containsExactly(paid,
				paid);
		assertThat(cursorKeys(as(Role.OFFICER, "place=52"), benefits, "village.benefits")).isEmpty();
		assertThat(totalCount(as(Role.OFFICER, "place=52"), benefits, "village.benefits")).isEqualTo(0);
	}

	/** The {@code totalCount} of the list at {@code path} that {@code document} reads. */
	private static Integer totalCount(HttpGraphQlTester caller, String document, String path) {
		return caller.document(document).execute().path(path + ".totalCount").entity(Integer.class).get();
	}

	/**
	 * The sort keys of every cursor a list's page hands out, its edges' then its end
	 * cursor's, decoded as {@code Keyset} encodes them: Base64url of the list's name, the
	 * order's and the key values, separated by U+001F.
	 */
	@SuppressWarnings("unchecked")
	private static List<List<String>> cursorKeys(HttpGraphQlTester caller, String document, String path) {
		Map<String, Object> list = caller.document(document).execute().path(path).entity(Map.class).get();
		List<String> cursors = new ArrayList<>();
		((List<Map<String, Object>>) list.get("edges")).forEach((edge) -> cursors.add((String) edge.get("cursor")));
		Object end = ((Map<String, Object>) list.get("pageInfo")).get("endCursor");
		if (end != null) {
			cursors.add((String) end);
		}
		return cursors.stream().map(AuthorizationQueriesIT::sortKeys).toList();
	}

	private static List<String> sortKeys(String cursor) {
		String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		List<String> parts = Arrays.asList(raw.split(String.valueOf((char) 0x1f), -1));
		return parts.subList(2, parts.size());
	}

	/**
	 * Pages through a list one item at a time, as a client does, and answers the register
	 * numbers of the items given; each edge's cursor must end in its item's number, and
	 * nothing may be refused.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> walk(HttpGraphQlTester caller, String document, String path) {
		List<String> given = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 20; page++) {
			GraphQlTester.Response response = caller.document(document).variable("after", after).execute();
			response.errors().satisfy((errors) -> assertThat(errors).isEmpty());
			Map<String, Object> list = response.path(path).entity(Map.class).get();
			for (Map<String, Object> edge : (List<Map<String, Object>>) list.get("edges")) {
				String registerNo = (String) ((Map<String, Object>) edge.get("node")).get("registerNo");
				assertThat(sortKeys((String) edge.get("cursor"))).last().isEqualTo(registerNo);
				given.add(registerNo);
			}
			Map<String, Object> info = (Map<String, Object>) list.get("pageInfo");
			if (!Boolean.TRUE.equals(info.get("hasNextPage"))) {
				return given;
			}
			after = (String) info.get("endCursor");
		}
		throw new AssertionError("more than 20 pages of " + path);
	}

}
