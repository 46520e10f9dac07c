package org.fupin.console;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.IntegrationTest;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console and the explorer in a real browser (headless Chromium), against the seeded
 * store of their own: every number on a page is compared with what the API answers for
 * the same question, and every test fails when the page requested anything from another
 * host or logged a console error. Screenshots of each page go to
 * {@code target/console-screenshots}. The test that registers an asset runs last, so the
 * others see the seed as it is.
 */
@TestPropertySource(properties = { "app.test.store=console", "app.security.demo-tokens.enabled=true" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT extends IntegrationTest {

	/** An asset whose owners changed twice (seed/illustrative/ownerships.csv). */
	private static final String WORKSHOP = "ZC-450103101204-0003";

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private DemoTokens tokens;

	private Browser browser;

	@BeforeEach
	void browser() throws IOException {
		this.browser = Browser.open(this.port);
	}

	@AfterEach
	void nothingLeftTheServerAndNothingFailed(TestInfo test) {
		if (this.browser == null) {
			// No browser on this machine: the test was aborted, saying what to install.
			return;
		}
		try {
			assertThat(this.browser.requests()).as("requests of %s", test.getDisplayName()).isNotEmpty();
			assertThat(this.browser.foreignRequests()).as("requests to another host").isEmpty();
			assertThat(this.browser.consoleErrors()).as("console errors").isEmpty();
		}
		finally {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void theNationalDashboardShowsTheSeedsTotalsAsTheApiAnswersThem() throws Exception {
		this.browser.load("/");
		this.browser.awaitReady();
		JsonNode api = api("query($c: ID) { dashboard(placeCode: $c) " + DASHBOARD + " }", null, null)
			.path("dashboard");
		// seed/illustrative/assets.csv: 4,688 assets worth 4,670,270,541.99 yuan.
		assertThat(this.browser.text("[data-field=assetCount]")).isEqualTo("4688")
			.isEqualTo(api.path("assetCount").asText());
		assertThat(this.browser.text("[data-field=assetValue]")).isEqualTo("4670270541.99")
			.isEqualTo(money(api.path("assetValue")));
		assertBreakdownsMatch(api);
		assertThat(this.browser.text("h1")).startsWith("全国");
		this.browser.screenshot("dashboard-country");
	}

	@Test
	@Order(1)
	void everyPageIsSentWithASameOriginContentSecurityPolicyAndNamesNoOtherHost() throws Exception {
		for (String path : List.of("/", "/graphiql", "/console/app.js")) {
			HttpResponse<String> page = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValue(ConsoleConfiguration.CONTENT_SECURITY_POLICY)
				.hasValueSatisfying(
						(csp) -> assertThat(csp).startsWith("default-src 'self';").doesNotContain("unsafe"));
			assertThat(page.body()).as(path).doesNotContain("://");
		}
		this.browser.load("/graphiql");
		this.browser.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")));
	}

	@Test
	@Order(2)
	void clickingDownToACountyShowsThatCountysDashboard() throws Exception {
		this.browser.load("/#/dashboard");
		this.browser.awaitReady();
		for (String code : List.of("45", "4501", "450102")) {
			this.browser.script("delete document.getElementById('main').dataset.ready;");
			this.browser.find(".children a[data-code='" + code + "']").click();
			this.browser.awaitReady();
			assertThat(this.browser.driver().getCurrentUrl()).endsWith("#/dashboard/" + code);
		}
		JsonNode api = api("query($c: ID) { dashboard(placeCode: $c) " + DASHBOARD + " }", Map.of("c", "450102"), null)
			.path("dashboard");
		// 兴宁区: 34 assets (DashboardIT).
		assertThat(this.browser.text("[data-field=assetCount]")).isEqualTo("34")
			.isEqualTo(api.path("assetCount").asText());
		assertThat(this.browser.text("[data-field=assetValue]")).isEqualTo("31150684.06")
			.isEqualTo(money(api.path("assetValue")));
		assertBreakdownsMatch(api);
		assertThat(this.browser.text("nav.breadcrumb")).isEqualTo("全国›广西壮族自治区›南宁市›兴宁区");
		this.browser.screenshot("dashboard-county");
		// And back up through the breadcrumb.
		this.browser.script("delete document.getElementById('main').dataset.ready;");
		this.browser.find("nav.breadcrumb a[data-code='4501']").click();
		this.browser.awaitReady();
		assertThat(this.browser.text("[data-field=assetCount]"))
			.isEqualTo(api("{ dashboard(placeCode: \"4501\") { assetCount } }", null, null).at("/dashboard/assetCount")
				.asText());
	}

	@Test
	@Order(3)
	void theNetworkPageDrawsTheNodesOfAssistanceNetworkAndExpandsAClickedNode() throws Exception {
		this.browser.load("/#/pairings?root=44&depth=2");
		this.browser.awaitReady();
		JsonNode network = api("{ assistanceNetwork(rootId: \"44\", depth: 2, maxNodes: 100) { nodes { id } } }", null,
				null)
			.path("assistanceNetwork");
		Set<String> expected = ids(network.path("nodes"));
		assertThat(expected).hasSizeGreaterThan(5);
		assertThat(drawnNodes()).isEqualTo(expected);
		this.browser.screenshot("pairings");

		// Around a county, click a node whose own pairings are not all drawn yet: they
		// join the graph.
		this.browser.go("#/pairings?root=520324&depth=1");
		Set<String> start = network("520324");
		assertThat(drawnNodes()).isEqualTo(start);
		// Nodes are laid out by force from random starts, so a node may lie under another
		// or under a label: click the first expanding node that is topmost where it is
		// drawn.
		Set<String> union = null;
		List<Long> point = null;
		for (String candidate : new java.util.TreeSet<>(start)) {
			Set<String> grown = new HashSet<>(start);
			grown.addAll(network(candidate));
			point = (grown.size() > start.size()) ? uncoveredPoint(candidate) : null;
			if (point != null) {
				union = grown;
				break;
			}
		}
		assertThat(point).as("an uncovered node of 正安县's network with pairings of its own").isNotNull();
		clickAt(point);
		Set<String> expanded = union;
		this.browser.await()
			.until((d) -> String.valueOf(expanded.size())
				.equals(this.browser.find("#network").getDomAttribute("data-node-count")));
		assertThat(drawnNodes()).isEqualTo(expanded);

		// The explained path between two parties.
		this.browser.go("#/pairings?root=44&from=44&to=520324");
		assertThat(this.browser.text("#connections")).contains("正安县");

		// A refused question: the code's Chinese name from the schema, then the API's
		// message.
		this.browser.go("#/pairings?root=44&from=44&to=44");
		assertThat(this.browser.text("#connections"))
			.isEqualTo("参数不符合规则：toId must differ from fromId.（INVALID_ARGUMENT）");
	}

	@Test
	@Order(4)
	void graphiqlRunsAQueryAndShowsTheDocumentationOfAsset() throws Exception {
		this.browser.load("/graphiql");
		this.browser.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")));
		this.browser.find(".graphiql-execute-button").click();
		this.browser.await()
			.until((d) -> this.browser.text(".result-window") != null
					&& this.browser.text(".result-window").contains("4688"));
		assertThat(this.browser.text(".result-window")).contains("\"name\": \"全国\"").contains("\"assetCount\": 4688");

		this.browser.find("button[aria-label='Show Documentation Explorer']").click();
		By asset = By
			.xpath("//a[contains(@class, 'graphiql-doc-explorer-type-name') and normalize-space(.) = 'Asset']");
		this.browser.await().until(ExpectedConditions.presenceOfElementLocated(asset));
		this.browser.script("arguments[0].scrollIntoView(); arguments[0].click();",
				this.browser.driver().findElement(asset));
		this.browser.await().until((d) -> "Asset".equals(this.browser.text(".graphiql-doc-explorer-title").strip()));
		assertThat(this.browser.text(".graphiql-doc-explorer")).contains("扶贫项目资产").contains("registerNo");
		this.browser.screenshot("graphiql");
	}

	@Test
	@Order(5)
	void anAnonymousVisitorIsToldToSignInInsteadOfSeeingAnAssetCard() throws Exception {
		this.browser.load("/#/asset/" + WORKSHOP);
		this.browser.awaitReady();
		assertThat(this.browser.text("[data-signed-in]")).isEqualTo("匿名访问");
		assertThat(this.browser.text("main .notice.warn")).startsWith("资产卡片需要登录后查看");
		assertThat(this.browser.driver().findElements(By.id("owners-on-date"))).isEmpty();
		assertThat(this.browser.driver().findElements(By.id("asset-name"))).isEmpty();
		this.browser.screenshot("asset-anonymous");
	}

	@Test
	@Order(6)
	void anAssetCardShowsTheOwnersOnAPastDate() throws Exception {
		this.browser.load("/#/asset/" + WORKSHOP);
		this.browser.awaitReady();
		signIn("AUDITOR");
		assertThat(this.browser.text("#asset-name")).isEqualTo(
				api("{ asset(registerNo: \"" + WORKSHOP + "\") { name } }", null, token(Role.AUDITOR)).at("/asset/name")
					.asText());
		// Today (app.today): the two owners since 2022-12-25.
		assertThat(this.browser.rows("#owners-on-date")).extracting((row) -> row.get(1) + " " + row.get(2))
			.containsExactly("N14501036W17HC8JG8 60.00", "N24501039FN66FMT8M 40.00");

		this.browser.script("""
				delete document.getElementById('main').dataset.ready;
				const picker = document.getElementById('as-of');
				picker.value = '2021-06-30';
				picker.dispatchEvent(new Event('change'));
				""");
		this.browser.awaitReady();
		JsonNode owners = api("{ asset(registerNo: \"" + WORKSHOP
				+ "\") { owners(asOf: \"2021-06-30\") { ownerId share validFrom validTo owner { ... on Organisation { name } } } } }",
				null, token(Role.AUDITOR))
			.at("/asset/owners");
		List<List<String>> expected = new ArrayList<>();
		for (JsonNode o : owners) {
			expected.add(List.of(o.at("/owner/name").asText(), o.path("ownerId").asText(), money(o.path("share")),
					o.path("validFrom").asText(), o.path("validTo").asText()));
		}
		// AssetQueriesIT: on 2021-06-30 the village's enterprise owned it all, from
		// 2020-05-11 to 2021-10-30.
		assertThat(expected).extracting((row) -> row.get(1) + " " + row.get(2) + " " + row.get(3) + " " + row.get(4))
			.containsExactly("11450103U772EBKL7F 100.00 2020-05-11 2021-10-30");
		assertThat(this.browser.rows("#owners-on-date")).extracting((row) -> row.subList(0, 5)).isEqualTo(expected);
		assertThat(this.browser.text("#ownership-timeline[data-rendered]")).isNotNull();
		assertThat(this.browser.text("#provenance[data-rendered]")).isNotNull();
		this.browser.screenshot("asset-card");

		this.browser.go("#/findings?placeCode=45");
		JsonNode counts = api(
				"{ auditFindingCounts(placeCode: \"45\") { count } auditFindings(filter: {placeCode: \"45\"}) { totalCount } }",
				null, token(Role.AUDITOR));
		assertThat(this.browser.rows("#finding-counts")).extracting((row) -> row.get(2))
			.isEqualTo(counts.path("auditFindingCounts").findValuesAsText("count"));
		assertThat(this.browser.driver().findElements(By.cssSelector("#finding-table tbody tr")))
			.hasSize(Math.min(20, counts.at("/auditFindings/totalCount").asInt()));
		this.browser.screenshot("findings");
	}

	@Test
	@Order(7)
	void anAssetNamedLikeAScriptShowsAsText() throws Exception {
		String name = "<script>alert(1)</script>";
		as(Role.ADMIN).documentName("registerAsset")
			.variable("input",
					Map.of("registerNo", "ZC-640104101201-9701", "name", name, "type", "PV_STATION", "category",
							"OPERATING", "originalValue", 1234.5, "completionDate", "2025-05-01", "placeCode",
							"640104101201", "owners", List.of(Map.of("ownerId", "N16401049CNR4AWPWA", "share", 100.0))))
			.execute()
			.path("registerAsset.asset.name")
			.entity(String.class)
			.isEqualTo(name);

		this.browser.load("/#/assets?placeCode=640104101201");
		this.browser.awaitReady();
		signIn("ADMIN");
		assertThat(this.browser.rows("#asset-table")).extracting((row) -> row.get(1)).contains(name);
		this.browser.screenshot("assets");
		this.browser.go("#/asset/ZC-640104101201-9701");
		assertThat(this.browser.text("#asset-name")).isEqualTo(name);
		assertThat(this.browser.text("[data-field=originalValue]")).isEqualTo(
				money(api("{ asset(registerNo: \"ZC-640104101201-9701\") { originalValue } }", null, token(Role.ADMIN))
					.at("/asset/originalValue")));
		assertThat(this.browser.script("return document.querySelectorAll('main script').length;")).isEqualTo(0L);
		assertThatThrownBy(() -> this.browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		this.browser.screenshot("asset-script-name");
	}

	/**
	 * Signs in through the console's dialog with a demo token for a role, as a person
	 * would.
	 */
	private void signIn(String role) {
		this.browser.find(".auth button").click();
		new Select(this.browser.find("#sign-in select[name=role]")).selectByValue(role);
		this.browser.script("delete document.getElementById('main').dataset.ready;");
		this.browser.find("#demo-sign-in").click();
		this.browser.awaitReady();
		assertThat(this.browser.text("[data-signed-in]")).startsWith("已登录 demo-" + role.toLowerCase());
	}

	private Set<String> network(String root) throws Exception {
		return ids(api("{ assistanceNetwork(rootId: \"" + root + "\", depth: 1, maxNodes: 100) { nodes { id } } }",
				null, null)
			.at("/assistanceNetwork/nodes"));
	}

	private Set<String> drawnNodes() {
		@SuppressWarnings("unchecked")
		List<String> ids = (List<String>) this.browser.script(
				"return echarts.getInstanceByDom(document.getElementById('network')).getOption().series[0].data.map((d) => d.id);");
		assertThat(ids).doesNotHaveDuplicates();
		return new HashSet<>(ids);
	}

	/**
	 * Where in the viewport a click reaches the drawn node with this id (its symbol or
	 * its label, not another node's), or null when other nodes cover it.
	 */
	@SuppressWarnings("unchecked")
	private List<Long> uncoveredPoint(String id) {
		return (List<Long>) this.browser.script("""
				const element = document.getElementById('network');
				element.scrollIntoView();
				const chart = echarts.getInstanceByDom(element);
				const data = chart.getModel().getSeriesByIndex(0).getData();
				let index = -1;
				for (let i = 0; i < data.count(); i++) {
				  if (data.getId(i) === arguments[0]) { index = i; }
				}
				const node = data.getItemGraphicEl(index);
				const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, data.getItemLayout(index));
				const rect = element.getBoundingClientRect();
				for (const [dx, dy] of [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]]) {
				  let target = chart.getZr().handler.findHover(px + dx, py + dy).target;
				  while (target && target !== node) {
				    target = target.parent || target.__hostTarget;
				  }
				  if (target === node) {
				    return [Math.round(rect.left + px + dx), Math.round(rect.top + py + dy)];
				  }
				}
				return null;
				""", id);
	}

	private void clickAt(List<Long> xy) {
		new org.openqa.selenium.interactions.Actions(this.browser.driver())
			.moveToLocation(xy.get(0).intValue(), xy.get(1).intValue())
			.click()
			.perform();
	}

	private static Set<String> ids(JsonNode nodes) {
		Set<String> ids = new HashSet<>();
		nodes.forEach((n) -> ids.add(n.path("id").asText()));
		return ids;
	}

	/**
	 * Every breakdown's table on the page equals the API's items: label, count and amount
	 * as text.
	 */
	private void assertBreakdownsMatch(JsonNode dashboard) {
		for (String field : List.of("assetsByCategory", "assetsByType", "assetsByStatus", "assetsByCompletionYear",
				"incomeByYear", "incomeByUse", "ownershipByOwnerKind", "auditFindingsByRule", "pairingsByProgram")) {
			List<List<String>> expected = new ArrayList<>();
			for (JsonNode item : dashboard.path(field)) {
				expected
					.add(List.of(item.path("label").asText(), item.path("count").asText(), money(item.path("value"))));
			}
			assertThat(this.browser.rows("table[data-items=" + field + "]")).as(field).isEqualTo(expected);
		}
	}

	/**
	 * An amount as the console shows it: the API's string as it is, or a JSON number as
	 * JavaScript prints it (no exponent, no trailing zeros, for the amounts of the seed).
	 */
	private static String money(JsonNode value) {
		if (value.isTextual()) {
			return value.asText();
		}
		BigDecimal decimal = value.decimalValue().stripTrailingZeros();
		return (decimal.scale() < 0) ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
	}

	private String token(Role role) {
		return this.tokens.issue("test-" + role.name().toLowerCase(), List.of(role), null, null, false);
	}

	/** The API's answer as raw JSON, amounts kept exact. */
	private JsonNode api(String query, Map<String, Object> variables, String token) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		JsonNode answer = JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(answer.path("errors")).as("errors of %s", query).isEmpty();
		return answer.path("data");
	}

	private static final String ITEM = "{ key label count value }";

	private static final String DASHBOARD = "{ assetCount assetValue assetsByCategory " + ITEM + " assetsByType " + ITEM
			+ " assetsByStatus " + ITEM + " assetsByCompletionYear " + ITEM + " incomeByYear " + ITEM + " incomeByUse "
			+ ITEM + " ownershipByOwnerKind " + ITEM + " auditFindingsByRule " + ITEM + " pairingsByProgram " + ITEM
			+ " }";

}
