package org.fupin.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fupin.WritingIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query and mutation field against every kind of caller, in and out of scope, with
 * the exact outcome. The mutations run here, in the writing tests' store; the queries run
 * in {@link AuthorizationQueriesIT}, on the untouched seed, so their values are exact.
 * The subjects lie in 兴宁区 (450102, Guangxi 45): the OFFICER is scoped to Guangxi,
 * OFFICER_OUT to Guizhou (52), the COORDINATOR to the east-west program. Every mutation
 * is one that reaches its state check and is refused there (a disposed asset, a duplicate
 * register number or pairing, an empty amendment, an end in the future), so callers who
 * may write get that business error and the others FORBIDDEN or UNAUTHENTICATED, and the
 * graph is unchanged at the end.
 */
class AuthorizationIT extends WritingIntegrationTest {

	/** Outcome columns, in this order. */
	enum Who {

		ANONYMOUS, ADMIN, AUDITOR, AUDITOR_PD, OFFICER, OFFICER_OUT, COORDINATOR

	}

	/** Compared with what the ADMIN got, which must not be null. */
	static final Object SAME = new Object();

	private static final String DISPOSED = "ZC-450102101203-0003";

	/**
	 * One field: a document, the path of the value to compare, the value an allowed
	 * caller reads (and, for personal data, what a caller without the grant reads), and
	 * one letter per {@link Who}: A allowed, M allowed but masked, U UNAUTHENTICATED, F
	 * FORBIDDEN, C CONFLICT, I INVALID_ARGUMENT.
	 */
	record Row(String document, String path, Object value, Object masked, String outcomes) {
	}

	static final List<Row> QUERIES = List.of(
			row("{ place(code: \"45\") { name } }", "place.name", "广西壮族自治区", "AAAAAAA"),
			row("{ province(code: \"45\") { name } }", "province.name", "广西壮族自治区", "AAAAAAA"),
			row("{ prefecture(code: \"4501\") { name } }", "prefecture.name", "南宁市", "AAAAAAA"),
			row("{ county(code: \"450102\") { name } }", "county.name", "兴宁区", "AAAAAAA"),
			row("{ township(code: \"450102101\") { name } }", "township.name", "高堡镇", "AAAAAAA"),
			row("{ village(code: \"450102101201\") { name } }", "village.name", "竹坝村", "AAAAAAA"),
			row("{ provinces { totalCount } }", "provinces.totalCount", 31, "AAAAAAA"),
			row("{ prefectures { totalCount } }", "prefectures.totalCount", 38, "AAAAAAA"),
			row("{ counties { totalCount } }", "counties.totalCount", 126, "AAAAAAA"),
			row("{ townships(filter: {parentCode: \"450102\"}) { totalCount } }", "townships.totalCount", SAME,
					"AAAAAAA"),
			row("{ villages(filter: {parentCode: \"450102\"}) { totalCount } }", "villages.totalCount", SAME,
					"AAAAAAA"),
			row("{ pairing(id: \"EW-44-45\") { recipientId } }", "pairing.recipientId", "45", "AAAAAAA"),
			row("{ pairings { totalCount } }", "pairings.totalCount", SAME, "AAAAAAA"),
			// Other writing tests add pairings in this store, so these compare with the
			// ADMIN.
			row("{ coverageGaps { totalCount } }", "coverageGaps.totalCount", SAME, "AAAAAAA"),
			row("{ pairingSummary(placeCode: \"520324\") { projects } }", "pairingSummary[0].projects", SAME,
					"AAAAAAA"),
			row("{ assistanceNetwork(rootId: \"44\") { nodes { id } } }", "assistanceNetwork.nodes[0].id", "44",
					"AAAAAAA"),
			row("{ connections(fromId: \"91440600184UCFTTWN\", toId: \"522324103202\") { length } }",
					"connections[0].length", 2, "AAAAAAA"),
			// Aggregate figures: public at every level, like the places.
			row("{ dashboard(placeCode: \"450102\") { assetCount } }", "dashboard.assetCount", SAME, "AAAAAAA"),
			row("{ dashboard { westernProvincesWithPartner { numerator } } }",
					"dashboard.westernProvincesWithPartner.numerator", SAME, "AAAAAAA"),
			row("{ party(id: \"45\") { ... on Province { name } } }", "party.name", "广西壮族自治区", "AAAAAAA"),
			row("{ organisation(creditCode: \"11450102X24ELF5XK4\") { name } }", "organisation.name", "兴宁区乡村振兴局",
					"AAAAAAA"),
			row("{ organisations(filter: {placeCode: \"450102\"}) { totalCount } }", "organisations.totalCount", 12,
					"AAAAAAA"),
			new Row("{ household(householdNo: \"H45010210120101\") { headName } }", "household.headName", "罗芳德", "罗**",
					"UAMAMFF"),
			new Row("{ party(id: \"H45010210120101\") { ... on Household { idNumber } } }", "party.idNumber",
					"450102000000000011", "4501**********0011", "UAMAMFF"),
			row("{ households(filter: {placeCode: \"450102\"}) { totalCount } }", "households.totalCount", 28,
					"UAAAAFF"),
			row("{ households(filter: {idNumber: \"450102000000000011\"}) { totalCount } }", "households.totalCount", 1,
					"UAFAFFF"),
			row("{ person(personId: \"P000182\") { name } }", "person.name", "罗荣", "UAAAAAA"),
			row("{ asset(registerNo: \"ZC-450102101201-0002\") { name } }", "asset.name", "竹坝村农产品加工厂", "UAAAAFF"),
			row("{ assets(filter: {placeCode: \"450102\"}) { totalCount } }", "assets.totalCount", 34, "UAAAAFF"),
			row("{ provenance(registerNo: \"ZC-450102101201-0002\") { fundingTotal } }", "provenance.fundingTotal",
					SAME, "UAAAAFF"),
			row("{ project(code: \"PRJ-450102-2019-01\") { name } }", "project.name", "2019年兴宁区产业扶贫项目", "UAAAAFF"),
			row("{ fundSource(code: \"F-450102-2021-CL\") { name } }", "fundSource.name", "2021年中央财政衔接推进乡村振兴补助资金(兴宁区)",
					"UAAAAAF"),
			row("{ auditFindings(filter: {placeCode: \"450102\"}) { totalCount } }", "auditFindings.totalCount", SAME,
					"UAAAAFF"),
			row("{ auditFindingCounts(placeCode: \"450102\") { count } }", "auditFindingCounts", SAME, "UAAAAFF"),
			row("{ changes(filter: {placeCode: \"450102\"}) { totalCount } }", "changes.totalCount", SAME, "UAAAAFF"),
			// Nested: public roots that lead to protected data.
			row("{ pairing(id: \"EW-44-45\") { assets { totalCount } } }", "pairing.assets.totalCount", SAME,
					"UAAAAAF"),
			row("{ village(code: \"450102101201\") { assets { totalCount } } }", "village.assets.totalCount", 4,
					"UAAAAAF"));

	private static final List<Row> MUTATIONS = List.of(
			mutation("registerAsset(input: {registerNo: \"ZC-450102101201-0001\", name: \"重复\", type: PV_STATION,"
					+ " category: OPERATING, originalValue: 1, completionDate: \"2025-01-01\","
					+ " placeCode: \"450102101201\"})", "UCFFCFF"),
			mutation("transferOwnership(input: {registerNo: \"" + DISPOSED + "\", date: \"2026-03-01\","
					+ " owners: [{ownerId: \"N1450102XKLFEJ2XR0\", share: 100}]})", "UCFFCFF"),
			mutation(
					"assignCustody(input: {registerNo: \"" + DISPOSED + "\", custodianId: \"N1450102XKLFEJ2XR0\","
							+ " responsiblePersonId: \"P000182\", duty: \"看护\", validFrom: \"2026-03-01\"})",
					"UCFFCFF"),
			mutation("recordOperationContract(input: {registerNo: \"" + DISPOSED + "\", contractNo: \"HT-AUTHZ-1\","
					+ " operatorId: \"914503290QQD7QL050\", mode: LEASE, startDate: \"2026-03-01\","
					+ " endDate: \"2027-03-01\", annualRent: 1})", "UCFFCFF"),
			mutation("recordIncome(input: {registerNo: \"" + DISPOSED + "\", year: 2025, amount: 100,"
					+ " uses: [{use: MAINTENANCE, amount: 100}]})", "UCFFCFF"),
			mutation("changeAssetStatus(input: {registerNo: \"" + DISPOSED + "\", status: IDLE,"
					+ " since: \"2026-03-01\"})", "UCFFCFF"),
			mutation("disposeAsset(input: {registerNo: \"" + DISPOSED + "\", mode: SCRAP, date: \"2026-03-01\","
					+ " approvalRef: \"兴宁区农振批〔2026〕99号\"})", "UCFFCFF"),
			mutation("createPairing(input: {program: EAST_WEST, kind: PROVINCE_PAIR, helperId: \"44\","
					+ " recipientId: \"45\", startDate: \"2025-01-01\"})", "UCFFCFC"),
			mutation("amendPairing(id: \"EW-44-45\", input: {})", "UIFFIFI"),
			mutation("endPairing(id: \"EW-44-45\", endDate: \"2099-01-01\")", "UIFFIFI"));

	@Test
	void everyMutationAnswersEachCallerExactlyAndChangesNothing() {
		Map<Who, HttpGraphQlTester> callers = callers(this::as, anonymous());
		Map<String, Object> before = graphSnapshot();
		for (Row row : MUTATIONS) {
			for (Who who : Who.values()) {
				GraphQlTester.Response response = callers.get(who).document(row.document()).execute();
				assertRefused(response, row.outcomes().charAt(who.ordinal()), who + " " + row.document());
			}
		}
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void everyQueryAndMutationFieldIsInTheTable() {
		List<String> covered = java.util.stream.Stream.concat(QUERIES.stream(), MUTATIONS.stream())
			.map(Row::document)
			.map((document) -> document.replaceFirst("^(mutation )?\\{ (\\w+).*", "$2"))
			.toList();
		assertThat(AccessPolicy.FIELDS.keySet().stream().map((key) -> key.substring(key.indexOf('.') + 1)))
			.allMatch(covered::contains);
	}

	static Map<Who, HttpGraphQlTester> callers(java.util.function.BiFunction<Role, String[], HttpGraphQlTester> as,
			HttpGraphQlTester anonymous) {
		Map<Who, HttpGraphQlTester> callers = new EnumMap<>(Who.class);
		callers.put(Who.ANONYMOUS, anonymous);
		callers.put(Who.ADMIN, as.apply(Role.ADMIN, new String[0]));
		callers.put(Who.AUDITOR, as.apply(Role.AUDITOR, new String[0]));
		callers.put(Who.AUDITOR_PD, as.apply(Role.AUDITOR, new String[] { "personal-data" }));
		callers.put(Who.OFFICER, as.apply(Role.OFFICER, new String[] { "place=45" }));
		callers.put(Who.OFFICER_OUT, as.apply(Role.OFFICER, new String[] { "place=52" }));
		callers.put(Who.COORDINATOR, as.apply(Role.COORDINATOR, new String[] { "program=EAST_WEST" }));
		return callers;
	}

	static void assertValue(GraphQlTester.Response response, String path, Object expected, String what) {
		response.errors().satisfy((errors) -> assertThat(errors).as(what).isEmpty());
		Object actual = response.path(path).entity(Object.class).get();
		if (expected instanceof Number number && actual instanceof Number found) {
			assertThat(found.doubleValue()).as(what).isEqualTo(number.doubleValue());
		}
		else {
			assertThat(actual).as(what).isEqualTo(expected);
		}
	}

	static void assertRefused(GraphQlTester.Response response, char outcome, String what) {
		String code = switch (outcome) {
			case 'U' -> "UNAUTHENTICATED";
			case 'F' -> "FORBIDDEN";
			case 'C' -> "CONFLICT";
			case 'I' -> "INVALID_ARGUMENT";
			default -> throw new IllegalArgumentException("Outcome " + outcome);
		};
		response.errors().satisfy((errors) -> {
			assertThat(errors).as(what).isNotEmpty();
			assertThat(errors).as(what).allSatisfy((e) -> assertThat(e.getExtensions()).containsEntry("code", code));
		});
	}

	private static Row row(String document, String path, Object value, String outcomes) {
		return new Row(document, path, value, null, outcomes);
	}

	private static Row mutation(String field, String outcomes) {
		return new Row("mutation { " + field + " { __typename } }", null, null, null, outcomes);
	}

}
