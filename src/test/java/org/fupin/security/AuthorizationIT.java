package org.fupin.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.fupin.BlockedTransactions;
import org.fupin.WritingIntegrationTest;
import org.fupin.account.AccountService;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

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
	 * caller reads (and, for personal data, what a caller without the grant reads; for a
	 * list, what an OFFICER reads of it in its place), and one letter per {@link Who}: A
	 * allowed, M allowed but masked, S allowed, the list holding only what lies in the
	 * caller's place, U UNAUTHENTICATED, F FORBIDDEN, C CONFLICT, I INVALID_ARGUMENT, N
	 * NOT_FOUND.
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
			row("{ prefectures { totalCount } }", "prefectures.totalCount", 42, "AAAAAAA"),
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
			row("{ pairing(id: \"CP-4404-450124\") { results(year: 2024) { belowTarget } } }",
					"pairing.results.belowTarget", true, "AAAAAAA"),
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
			// A pairing's staff, down to how many there are.
			row("{ pairing(id: \"DA-91110000AG822488E5-520324\") { staff { totalCount } } }",
					"pairing.staff.totalCount", 1, "UAAAAAA"),
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
			// Nested: public roots that lead to protected data. An OFFICER elsewhere
			// reads a
			// pairing's or a village's assets as a list of none: it may read none of
			// them,
			// so their count and cursors are not its either.
			new Row("{ pairing(id: \"EW-44-45\") { assets { totalCount } } }", "pairing.assets.totalCount", SAME, 0,
					"UAAAASF"),
			new Row("{ village(code: \"450102101201\") { assets { totalCount } } }", "village.assets.totalCount", 4, 0,
					"UAAAASF"),
			// The assets themselves, too, only in an officer's scope.
			new Row("{ pairing(id: \"EW-44-45\") { assets(first: 1) { edges { node { name originalValue } } } } }",
					"pairing.assets.edges[*].node", SAME, List.of(), "UAAAASF"),
			// auditors.
			row("{ accounts { totalCount } }", "accounts.totalCount", SAME, "UAFFFFF"),
			row("{ personalDataReads { totalCount } }", "personalDataReads.totalCount", SAME, "UAAAFFF"),
			// Ledger imports: officials who read the register; an OFFICER sees only jobs
			// uploaded within its place, so none of another's.
			row("{ ledgerImports(first: 0) { edges { cursor } } }", "ledgerImports.edges", List.of(), "UAAAAAA"),
			row("{ ledgerImport(id: \"none\") { id } }", "ledgerImport.id", null, "UNNNNNN"),
			row("{ ledgerImportReport(id: \"none\") { totalCount } }", "ledgerImportReport.totalCount", null,
					"UNNNNNN"));

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
			mutation("endPairing(id: \"EW-44-45\", endDate: \"2099-01-01\")", "UIFFIFI"),
			mutation("recordPairingResults(input: {pairingId: \"CP-4404-450124\", year: 2024,"
					+ " figures: [{indicator: RURAL_LABOUR_EMPLOYED, targetCount: 1}]})", "UCFFCFC"),
			mutation(
					"correctPairingResults(input: {pairingId: \"CP-4404-450124\", year: 2024,"
							+ " figures: [{indicator: RURAL_LABOUR_EMPLOYED, actualCount: 1350}], reason: \"复核\"})",
					"UIFFIFI"),
			mutation("createAccount(input: {name: \"x\", password: \"short\", roles: [AUDITOR]})", "UIFFFFF"),
			mutation("disableAccount(name: \"nobody.here\")", "UNFFFFF"),
			mutation("changePassword(currentPassword: \"x\", newPassword: \"short\")", "UIIIIII"),
			mutation("commitLedgerImport(id: \"none\")", "UNFFNNN"),
			mutation("cancelLedgerImport(id: \"none\")", "UNFFNNN"));

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

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private AccountService accounts;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private DatabaseManagementService dbms;

	@Test
	void aLocalAccountSignsInWithTheSameBearerTokensAndIsScopedLikeAnyOther() {
		this.graphQl.documentName("createAccount")
			.variable("input",
					map("name", "officer.lin", "password", "兴宁区资产台账-2026", "roles", List.of("OFFICER"), "place",
							"450102"))
			.execute()
			.path("createAccount")
			.entity(Map.class)
			.isEqualTo(map("name", "officer.lin", "roles", List.of("OFFICER"), "place", "450102", "program", null,
					"personalData", false, "enabled", true, "createdBy", "test-admin", "lockedUntil", null));
		Map<String, Object> tokens = signIn("officer.lin", "兴宁区资产台账-2026", 200);
		assertThat(tokens).containsEntry("token_type", "Bearer")
			.containsEntry("expires_in", 900)
			.containsEntry("refresh_expires_in", 43200);
		HttpGraphQlTester officer = bearer((String) tokens.get("access_token"));
		officer.document("{ households { totalCount } }")
			.execute()
			.path("households.totalCount")
			.entity(Integer.class)
			.isEqualTo(28);
		officer.document("{ assets(filter: {placeCode: \"52\"}) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN");
				assertThat(errors.get(0).getMessage()).isEqualTo(
						"filter.placeCode 52 lies outside your place scope 450102; ask for 450102 or a place below it.");
			});
		officer.document("{ accounts { totalCount } }").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).isEqualTo(
					"Query.accounts is for roles [ADMIN]; your token (officer.lin) has roles [OFFICER], place 450102.");
		});

		// A refresh token is used once; the new one works until the account is disabled.
		Map<String, Object> refreshed = refresh((String) tokens.get("refresh_token"), 200);
		assertThat(refresh((String) tokens.get("refresh_token"), 400)).containsEntry("code", "INVALID_REFRESH_TOKEN");
		this.graphQl.document("mutation { disableAccount(name: \"officer.lin\") { name enabled } }")
			.execute()
			.path("disableAccount.enabled")
			.entity(Boolean.class)
			.isEqualTo(false);
		assertThat(refresh((String) refreshed.get("refresh_token"), 400)).containsEntry("code",
				"INVALID_REFRESH_TOKEN");
		assertThat(signIn("officer.lin", "兴宁区资产台账-2026", 400)).containsEntry("error", "invalid_grant")
			.containsEntry("code", "ACCOUNT_DISABLED");
		assertThat(this.neo4j.query("MATCH (:Account {name: 'officer.lin'})<-[:FOR]-(t:RefreshToken) RETURN count(t)")
			.fetchAs(Long.class)
			.one()).contains(0L);

		// Every step is in the change history, newest first.
		this.graphQl.document("""
				{ changes(filter: {subjectType: "Account", subjectId: "officer.lin"}) {
				    edges { node { operation actor after } } } }""")
			.execute()
			.path("changes.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("SIGN_IN_FAILED", "DISABLE_ACCOUNT", "SIGN_IN", "CREATE_ACCOUNT")
			.path("changes.edges[*].node.actor")
			.entityList(String.class)
			.containsExactly("officer.lin", "test-admin", "officer.lin", "test-admin")
			.path("changes.edges[0].node.after")
			.entity(Map.class)
			.isEqualTo(Map.of("reason", "DISABLED", "from", "127.0.0.1"));
	}

	@Test
	void repeatedFailuresLockAnAccountAndEverySignInIsRecorded() {
		createAccount("clerk.zhou", "高堡镇-经办-密码-01", "AUDITOR");
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(signIn("clerk.zhou", "wrong-password-" + attempt, 400)).containsEntry("code",
					"INVALID_CREDENTIALS");
		}
		assertThat(signIn("clerk.zhou", "wrong-password-5", 400)).containsEntry("code", "ACCOUNT_LOCKED");
		// Locked, the right password does not open it either.
		assertThat(signIn("clerk.zhou", "高堡镇-经办-密码-01", 400)).containsEntry("code", "ACCOUNT_LOCKED");
		// An unknown name answers as a wrong password does.
		assertThat(signIn("nobody.at.all", "whatever-it-is", 400)).containsEntry("code", "INVALID_CREDENTIALS")
			.containsEntry("error_description", "Wrong account name or password.");

		this.graphQl.documentName("signInFailures")
			.variable("name", "clerk.zhou")
			.execute()
			.path("changes.totalCount")
			.entity(Integer.class)
			.isEqualTo(6)
			.path("changes.edges[*].node.after.reason")
			.entityList(String.class)
			.containsExactly("LOCKED", "WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD",
					"WRONG_PASSWORD");
		this.graphQl.document(
				"{ changes(filter: {subjectId: \"nobody.at.all\"}) { edges { node { operation subjectType after } } } }")
			.execute()
			.path("changes.edges[*].node.after.reason")
			.entityList(String.class)
			.containsExactly("UNKNOWN_ACCOUNT");
		// A password typed as the name answers the same, and is not kept.
		assertThat(signIn("高堡镇-经办-密码-01", "clerk.zhou", 400)).containsEntry("code", "INVALID_CREDENTIALS");
		assertThat(this.neo4j.query("""
				MATCH (e:ChangeEvent) WHERE e.subjectId CONTAINS $typed OR e.actor CONTAINS $typed
				  OR e.after CONTAINS $typed RETURN count(e)""").bind("密码-01").to("typed").fetchAs(Long.class).one())
			.contains(0L);
		this.graphQl.document("""
				{ changes(filter: {subjectId: "(不是账户名)", operation: SIGN_IN_FAILED}) {
				    edges { node { actor after } } } }""")
			.execute()
			.path("changes.edges[*].node.actor")
			.entityList(String.class)
			.containsExactly("(不是账户名)");
		OffsetDateTime lockedUntil = this.neo4j.query("MATCH (a:Account {name: 'clerk.zhou'}) RETURN a.lockedUntil")
			.fetchAs(java.time.ZonedDateTime.class)
			.one()
			.orElseThrow()
			.toOffsetDateTime();
		assertThat(Duration.between(OffsetDateTime.now(ZoneOffset.UTC), lockedUntil)).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void concurrentFailuresAreCountedOneByOne() throws Exception {
		createAccount("clerk.qian", "高堡镇-经办-密码-02", "AUDITOR");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Object>> answers = new java.util.ArrayList<>();
			for (int attempt = 1; attempt <= 8; attempt++) {
				String password = "wrong-password-" + attempt;
				answers.add(pool.submit(() -> signIn("clerk.qian", password, 400).get("code")));
			}
			Map<Object, Long> codes = new java.util.TreeMap<>();
			for (java.util.concurrent.Future<Object> answer : answers) {
				codes.merge(answer.get(), 1L, Long::sum);
			}
			// Four failures count towards the lock, the fifth locks, the rest find it
			// locked:
			// no failure is lost to a concurrent one.
			assertThat(codes).isEqualTo(Map.of("INVALID_CREDENTIALS", 4L, "ACCOUNT_LOCKED", 4L));
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * Two administrators disable each other at once, while another writer holds their
	 * accounts: one wins, and the other, disabled by then, administers nothing.
	 */
	@Test
	void administratorsDisablingEachOtherAtOnceLeaveOneOfThem() throws Exception {
		createAccount("admin.he", "县级管理员-何-密码-01", "ADMIN");
		createAccount("admin.qin", "县级管理员-秦-密码-02", "ADMIN");
		HttpGraphQlTester he = bearer((String) signIn("admin.he", "县级管理员-何-密码-01", 200).get("access_token"));
		HttpGraphQlTester qin = bearer((String) signIn("admin.qin", "县级管理员-秦-密码-02", 200).get("access_token"));
		GraphDatabaseService database = this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		List<GraphQlTester.Response> answers = BlockedTransactions.runBehindLock(database,
				(other) -> other
					.execute("MATCH (a:Account) WHERE a.name IN ['admin.he', 'admin.qin'] SET a.note = 'held'"),
				2, List.of(() -> he.document("mutation { disableAccount(name: \"admin.qin\") { enabled } }").execute(),
						() -> qin.document("mutation { disableAccount(name: \"admin.he\") { enabled } }").execute()));
		List<String> outcomes = new ArrayList<>();
		for (GraphQlTester.Response answer : answers) {
			answer.errors()
				.satisfy((errors) -> outcomes.add(errors.isEmpty() ? "DISABLED"
						: errors.get(0).getExtensions().get("code") + ": " + errors.get(0).getMessage()));
		}
		assertThat(outcomes).containsExactlyInAnyOrder("DISABLED",
				"FORBIDDEN: Your account " + (outcomes.get(0).equals("DISABLED") ? "admin.qin" : "admin.he")
						+ " was disabled; its token no longer administers accounts.");
		assertThat(this.neo4j
			.query("MATCH (a:Account) WHERE a.name IN ['admin.he', 'admin.qin'] AND a.enabled RETURN count(a)")
			.fetchAs(Long.class)
			.one()).contains(1L);
	}

	/**
	 * A bearer token changes its account's password only with the current one, and wrong
	 * guesses lock the account as failed sign-ins do.
	 */
	@Test
	void guessingTheCurrentPasswordLocksTheAccount() {
		createAccount("clerk.sun", "高堡镇-经办-密码-03", "AUDITOR");
		HttpGraphQlTester clerk = bearer((String) signIn("clerk.sun", "高堡镇-经办-密码-03", 200).get("access_token"));
		String change = "mutation($current: String!) { changePassword(currentPassword: $current,"
				+ " newPassword: \"换一个更长的新密码-2026\") { name } }";
		List<String> answers = new ArrayList<>();
		for (String current : List.of("guess-1", "guess-2", "guess-3", "guess-4", "guess-5", "高堡镇-经办-密码-03")) {
			clerk.document(change)
				.variable("current", current)
				.execute()
				.errors()
				.satisfy((errors) -> answers.add(errors.get(0).getExtensions().get("code") + " "
						+ errors.get(0).getExtensions().get("field") + ": " + errors.get(0).getMessage()));
		}
		OffsetDateTime lockedUntil = this.neo4j.query("MATCH (a:Account {name: 'clerk.sun'}) RETURN a.lockedUntil")
			.fetchAs(java.time.ZonedDateTime.class)
			.one()
			.orElseThrow()
			.toOffsetDateTime();
		String wrong = "INVALID_ARGUMENT currentPassword: currentPassword is not your current password.";
		assertThat(answers).containsExactly(wrong, wrong, wrong, wrong, wrong,
				"CONFLICT currentPassword: Too many wrong passwords: the account is locked until " + lockedUntil
						+ " (UTC); try again then.");
		assertThat(signIn("clerk.sun", "高堡镇-经办-密码-03", 400)).containsEntry("code", "ACCOUNT_LOCKED");
		this.graphQl.documentName("signInFailures")
			.variable("name", "clerk.sun")
			.execute()
			.path("changes.edges[*].node.after.reason")
			.entityList(String.class)
			.containsExactly("LOCKED", "WRONG_CURRENT_PASSWORD", "WRONG_CURRENT_PASSWORD", "WRONG_CURRENT_PASSWORD",
					"WRONG_CURRENT_PASSWORD", "WRONG_CURRENT_PASSWORD");
	}

	/**
	 * The same refresh token sent twice at once, while another writer holds it: one of
	 * the two gets new tokens.
	 */
	@Test
	void aRefreshTokenSentTwiceAtOnceIsUsedOnce() throws Exception {
		createAccount("clerk.zhao", "高堡镇-经办-密码-04", "AUDITOR");
		String refreshToken = (String) signIn("clerk.zhao", "高堡镇-经办-密码-04", 200).get("refresh_token");
		GraphDatabaseService database = this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		Callable<Object> refresh = () -> postAny("grant_type=refresh_token&refresh_token=" + encode(refreshToken));
		List<Object> answers = BlockedTransactions.runBehindLock(database,
				(other) -> other
					.execute("MATCH (:Account {name: 'clerk.zhao'})<-[:FOR]-(t:RefreshToken) SET t.note = 'held'"),
				2, List.of(refresh, refresh));
		assertThat(answers).filteredOn((answer) -> answer.equals(200)).hasSize(1);
		assertThat(answers).containsExactlyInAnyOrder(200, 400);
	}

	private int postAny(String form) {
		return http().post()
			.uri("/auth/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromValue(form))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	/** Nothing could enable an administrator again, so the last enabled one stays. */
	@Test
	void theLastEnabledAdministratorCannotBeDisabled() {
		createAccount("admin.lu", "县级管理员-陆-密码-03", "ADMIN");
		List<String> others = List.copyOf(this.neo4j.query("""
				MATCH (a:Account) WHERE 'ADMIN' IN a.roles AND a.enabled AND a.name <> 'admin.lu'
				SET a.enabled = false RETURN a.name""").fetchAs(String.class).all());
		try {
			Map<String, Object> before = graphSnapshot();
			this.graphQl.document("mutation { disableAccount(name: \"admin.lu\") { enabled } }")
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "CONFLICT").containsEntry("field", "name");
					assertThat(error.getMessage()).isEqualTo("The account admin.lu is the last enabled administrator,"
							+ " and nothing could enable one again; create another administrator first.");
				}));
			assertThat(graphSnapshot()).isEqualTo(before);
		}
		finally {
			this.neo4j.query("MATCH (a:Account) WHERE a.name IN $others SET a.enabled = true")
				.bind(others)
				.to("others")
				.run();
		}
	}

	@Test
	void badInputIsRefusedWithACodeAndNothingIsWritten() {
		Map<String, Object> before = graphSnapshot();
		assertInvalid("{name: \"clerk.wu\", password: \"short\", roles: [AUDITOR]}", "INVALID_ARGUMENT",
				"input.password", "input.password must be at least 12 characters long.");
		assertInvalid("{name: \"clerk.wu.gaobao\", password: \"clerk.wu.gaobao\", roles: [AUDITOR]}",
				"INVALID_ARGUMENT", "input.password", "input.password must not be the account name.");
		assertInvalid("{name: \"Clerk Wu\", password: \"long-enough-password\", roles: [AUDITOR]}", "INVALID_ARGUMENT",
				"input.name", "input.name must be 3 to 64 lower-case letters, digits or . _ @ -"
						+ " starting with a letter or digit; got 'Clerk Wu'.");
		assertInvalid("{name: \"clerk.wu\", password: \"long-enough-password\", roles: [OFFICER]}", "INVALID_ARGUMENT",
				"input.place",
				"An OFFICER reads and writes in one place: give input.place (a place code of any level).");
		assertInvalid("{name: \"clerk.wu\", password: \"long-enough-password\", roles: [OFFICER], place: \"4501X\"}",
				"INVALID_CODE", "input.place",
				"'4501X' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码).");
		assertInvalid("{name: \"admin\", password: \"long-enough-password\", roles: [AUDITOR]}", "CONFLICT",
				"input.name", "An account named admin exists already; choose another name.");
		assertThat(graphSnapshot()).isEqualTo(before);

		assertThat(post("grant_type=client_credentials", 400)).containsEntry("error", "unsupported_grant_type");
		assertThat(post("grant_type=password&username=admin", 400)).containsEntry("code", "INVALID_ARGUMENT")
			.containsEntry("error_description", "password is missing.");
		Map<String, Object> inUrl = this.<Map<String, Object>>cast(http().post()
			.uri("/auth/token?grant_type=password&username=admin&password=secret-in-url")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());
		assertThat(inUrl).containsEntry("code", "INVALID_ARGUMENT");
	}

	@Test
	void theAccountListCountsEveryAccountWhenItsTotalIsAsked() {
		long accounts = this.neo4j.query("MATCH (a:Account) RETURN count(a)").fetchAs(Long.class).one().orElseThrow();
		this.graphQl.document("{ accounts(first: 100) { totalCount edges { node { name } } } }")
			.execute()
			.path("accounts.totalCount")
			.entity(Long.class)
			.isEqualTo(accounts)
			.path("accounts.edges[*].node.name")
			.entityList(String.class)
			.hasSize((int) accounts)
			.contains("admin");
	}

	@Test
	void theFirstAdministratorWasCreatedAtStartWithAHashedPasswordAndOnlyOnce() {
		this.graphQl.document("{ accounts(first: 100) { edges { node { name roles createdBy enabled } } } }")
			.execute()
			.path("accounts.edges[?(@.node.name == 'admin')].node")
			.entityList(Map.class)
			.containsExactly(map("name", "admin", "roles", List.of("ADMIN"), "createdBy", "system", "enabled", true));
		assertThat(this.neo4j.query("MATCH (a:Account {name: 'admin'}) RETURN a.passwordHash")
			.fetchAs(String.class)
			.one()
			.orElseThrow()).startsWith("{bcrypt}$2a$10$");
		assertThat(this.accounts.createAdministratorIfNone()).isEmpty();
	}

	@Test
	void aSearchByPersonalDataShowsAHouseholdOrIsRefused() {
		HttpGraphQlTester auditor = as(Role.AUDITOR, "personal-data", "sub=auditor.empty-page");
		auditor.document("""
				{ households(filter: {idNumber: "450102000000000011"}, first: 0) {
				    totalCount pageInfo { hasNextPage } } }""")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "PAGE_SIZE_OUT_OF_RANGE")
					.containsEntry("field", "first");
				assertThat(error.getMessage()).isEqualTo("A search by personal data is logged with the households it"
						+ " shows, so it shows at least one: ask for first: 1 or more.");
			}));
		// A page of none by place tells nothing about a person, and stays allowed.
		auditor.document("{ households(filter: {placeCode: \"450102101201\"}, first: 0) { totalCount } }")
			.execute()
			.path("households.totalCount")
			.entity(Integer.class)
			.isEqualTo(4);

		// A cursor past every household makes the page empty; the count still tells, and
		// logs whom it counted.
		String pastTheLast = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("households\u001f\u001fzzzz".getBytes(StandardCharsets.UTF_8));
		auditor.document("""
				{ households(filter: {idNumber: "450102000000000011"}, first: 1, after: "%s") {
				    totalCount edges { node { householdNo } } } }""".formatted(pastTheLast))
			.execute()
			.path("households.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("households.edges")
			.entityList(Object.class)
			.hasSize(0);
		as(Role.AUDITOR).documentName("personalDataReads")
			.variable("filter", map("actor", "auditor.empty-page"))
			.execute()
			.path("personalDataReads.edges[*].node.householdNos")
			.entityList(List.class)
			.containsExactly(List.of("H45010210120101"));
	}

	@Test
	void everyUnmaskedReadIsLoggedWithWhoWhenAndWhichHouseholds() {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
		HttpGraphQlTester auditor = as(Role.AUDITOR, "personal-data", "sub=auditor.log");
		auditor.document("""
				query twoHouseholds { households(filter: {placeCode: "450102101201"}, first: 2) {
				    edges { node { householdNo headName } } } }""")
			.operationName("twoHouseholds")
			.execute()
			.path("households.edges[*].node.headName")
			.entityList(String.class)
			.containsExactly("罗芳德", "严梅");
		auditor.document("{ party(id: \"H45010210120103\") { ... on Household { idNumber } } }").execute();
		// Nothing unmasked, nothing logged: household numbers alone, or a caller without
		// the grant.
		auditor.document("{ households(filter: {placeCode: \"450102101201\"}) { edges { node { householdNo } } } }")
			.execute();
		as(Role.AUDITOR, "sub=auditor.log").document("{ household(householdNo: \"H45010210120104\") { headName } }")
			.execute();
		// A search by ID number tells who is registered, even when it selects a count
		// only.
		auditor.document("{ households(filter: {idNumber: \"450102000000000011\"}) { totalCount } }").execute();

		HttpGraphQlTester reader = as(Role.AUDITOR);
		reader.documentName("personalDataReads")
			.variable("filter", map("actor", "auditor.log"))
			.execute()
			.path("personalDataReads.totalCount")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("personalDataReads.edges[*].node.householdNos")
			.entityList(List.class)
			.containsExactly(List.of("H45010210120101"), List.of("H45010210120103"),
					List.of("H45010210120101", "H45010210120102"))
			.path("personalDataReads.edges[*].node.operation")
			.entityList(Object.class)
			.containsExactly(null, null, "twoHouseholds")
			.path("personalDataReads.edges[*].node.at")
			.entityList(String.class)
			.satisfies((times) -> assertThat(times).hasSize(3)
				.allSatisfy((at) -> assertThat(OffsetDateTime.parse(at)).isAfterOrEqualTo(start)
					.isBeforeOrEqualTo(OffsetDateTime.now(ZoneOffset.UTC))));
		// The same reads without their total: the same list, and no count.
		reader.document("""
				{ personalDataReads(filter: {actor: "auditor.log"}, first: 20) { edges { node { householdNos } } } }""")
			.execute()
			.path("personalDataReads.totalCount")
			.pathDoesNotExist()
			.path("personalDataReads.edges[*].node.householdNos")
			.entityList(List.class)
			.containsExactly(List.of("H45010210120101"), List.of("H45010210120103"),
					List.of("H45010210120101", "H45010210120102"));
		reader.document("""
				{ personalDataReads(filter: {householdNo: "H45010210120102", actor: "auditor.log"}, first: 1) {
				    totalCount pageInfo { hasNextPage } edges { node { operation } } } }""")
			.execute()
			.path("personalDataReads.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("personalDataReads.edges[0].node.operation")
			.entity(String.class)
			.isEqualTo("twoHouseholds");
		as(Role.OFFICER, "place=45").document("{ personalDataReads { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private void assertInvalid(String input, String code, String field, String message) {
		this.graphQl.document("mutation { createAccount(input: " + input + ") { name } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).as(input).hasSize(1);
				assertThat(errors.get(0).getExtensions()).as(input)
					.containsEntry("code", code)
					.containsEntry("field", field);
				assertThat(errors.get(0).getMessage()).as(input).isEqualTo(message);
			});
	}

	private void createAccount(String name, String password, String role) {
		this.graphQl
			.document("mutation { createAccount(input: {name: \"" + name + "\", password: \"" + password
					+ "\", roles: [" + role + "]}) { name } }")
			.execute()
			.path("createAccount.name")
			.entity(String.class)
			.isEqualTo(name);
	}

	private Map<String, Object> signIn(String name, String password, int status) {
		return post("grant_type=password&username=" + encode(name) + "&password=" + encode(password), status);
	}

	private Map<String, Object> refresh(String refreshToken, int status) {
		return post("grant_type=refresh_token&refresh_token=" + encode(refreshToken), status);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(String form, int status) {
		return http().post()
			.uri("/auth/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromValue(form))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private HttpGraphQlTester bearer(String token) {
		return anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	private WebTestClient http() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@SuppressWarnings("unchecked")
	private <T> T cast(Object value) {
		return (T) value;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/**
	 * One HTTP endpoint: a request ({@code POST <uri>} for a post without a body), its
	 * entry in {@link AccessPolicy#ENDPOINTS}, and one letter per {@link Who}: A answered
	 * 200, U 401 UNAUTHENTICATED, F 403 FORBIDDEN, N 404 NOT_FOUND, I 400
	 * INVALID_ARGUMENT (allowed, but the request names nothing that exists or lacks its
	 * file).
	 */
	record Endpoint(String uri, String policy, String outcomes) {
	}

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("/ledgers/assets.csv?placeCode=450102", "GET /ledgers/assets", "UAAAAFF"),
			new Endpoint("/ledgers/audit-findings.xlsx?placeCode=450102", "GET /ledgers/audit-findings", "UAAAAFF"),
			new Endpoint("/ledgers/changes.csv?placeCode=450102", "GET /ledgers/changes", "UAAAAFF"),
			new Endpoint("/ledgers/households.csv?placeCode=450102", "GET /ledgers/households", "UAAAAFF"),
			new Endpoint("/ledgers/organisations.csv?placeCode=450102", "GET /ledgers/organisations", "UAAAAFA"),
			// The coordinator's ledger is set to their program, the officer's to their
			// place.
			new Endpoint("/ledgers/pairings.csv?recipientId=45", "GET /ledgers/pairings", "UAAAAFA"),
			new Endpoint("/assets/ZC-450102101201-0002/provenance.xlsx", "GET /assets/{registerNo}/provenance",
					"UAAAAFF"),
			// Imports: allowed callers reach the checks behind the policy (a missing
			// file, an
			// unknown job), so nothing is created here.
			new Endpoint("POST /ledgers/pairings/imports", "POST /ledgers/{ledger}/imports", "UIFFIII"),
			new Endpoint("/ledgers/imports/none", "GET /ledgers/imports/{id}", "UNNNNNN"),
			new Endpoint("/ledgers/imports/none/report.csv", "GET /ledgers/imports/{id}/report", "UNNNNNN"),
			new Endpoint("/ledgers/assets/template.xlsx", "GET /ledgers/{ledger}/template", "UAAAAAA"));

	@Autowired
	private org.fupin.security.DemoTokens demoTokens;

	@Test
	void everyEndpointAnswersEachCallerExactly() {
		Map<Who, String> tokens = new EnumMap<>(Who.class);
		tokens.put(Who.ADMIN, this.demoTokens.issue("test-admin", List.of(Role.ADMIN), null, null, false));
		tokens.put(Who.AUDITOR, this.demoTokens.issue("test-auditor", List.of(Role.AUDITOR), null, null, false));
		tokens.put(Who.AUDITOR_PD, this.demoTokens.issue("test-auditor", List.of(Role.AUDITOR), null, null, true));
		tokens.put(Who.OFFICER, this.demoTokens.issue("test-officer", List.of(Role.OFFICER), "45", null, false));
		tokens.put(Who.OFFICER_OUT, this.demoTokens.issue("test-officer", List.of(Role.OFFICER), "52", null, false));
		tokens.put(Who.COORDINATOR,
				this.demoTokens.issue("test-coordinator", List.of(Role.COORDINATOR), null, "EAST_WEST", false));
		for (Endpoint endpoint : ENDPOINTS) {
			for (Who who : Who.values()) {
				WebTestClient.RequestHeadersSpec<?> request = endpoint.uri().startsWith("POST ")
						? http().post().uri(endpoint.uri().substring("POST ".length()))
						: http().get().uri(endpoint.uri());
				if (tokens.containsKey(who)) {
					request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(who));
				}
				int status = switch (endpoint.outcomes().charAt(who.ordinal())) {
					case 'A' -> 200;
					case 'U' -> 401;
					case 'N' -> 404;
					case 'I' -> 400;
					default -> 403;
				};
				request.exchange().expectStatus().isEqualTo(status).expectBody().consumeWith((result) -> {
					if (status != 200) {
						assertThat(new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
							.as(who + " " + endpoint.uri())
							.contains("\"code\":\"" + switch (status) {
								case 401 -> "UNAUTHENTICATED";
								case 404 -> "NOT_FOUND";
								case 400 -> "INVALID_ARGUMENT";
								default -> "FORBIDDEN";
							} + "\"");
					}
				});
			}
		}
	}

	@Test
	void everyEndpointIsInTheTable() {
		assertThat(ENDPOINTS.stream().map(Endpoint::policy))
			.containsExactlyInAnyOrderElementsOf(AccessPolicy.ENDPOINTS.keySet());
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
			case 'N' -> "NOT_FOUND";
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
