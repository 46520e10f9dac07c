package org.fupin.security;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication over HTTP, officer scope on lists, and personal data in lists and
 * filters.
 */
class SecurityIT extends IntegrationTest {

	@Value("${local.server.port}")
	private int port;

	private WebTestClient http() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void aDemoTokenFromTheEndpointCarriesItsRoleAndGrant() {
		String token = demoToken("role=AUDITOR&personal-data=true&subject=auditor.zhao");
		HttpGraphQlTester auditor = anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
		auditor.document("{ household(householdNo: \"H45010210120101\") { headName idNumber } }")
			.execute()
			.path("household.headName")
			.entity(String.class)
			.isEqualTo("罗芳德")
			.path("household.idNumber")
			.entity(String.class)
			.isEqualTo("450102000000000011");
	}

	@Test
	void aDemoTokenIsRefusedToARequestAProxyForwarded() {
		for (String header : List.of("X-Forwarded-For", "Forwarded")) {
			http().post()
				.uri("/demo/token?role=ADMIN")
				.header(header, "for=203.0.113.9")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("access_denied")
				.jsonPath("$.access_token")
				.doesNotExist();
		}
	}

	@Test
	void theTokenEndpointRefusesAnUnknownRole() {
		http().post()
			.uri("/demo/token?role=KING")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error_description")
			.isEqualTo("role must be one or more of [ADMIN, OFFICER, AUDITOR, COORDINATOR]; got [KING].");
	}

	@Test
	void anInvalidTokenIsAnswered401WithACodedError() {
		http().post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\": \"{ provinces { totalCount } }\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void aTokenAlreadyAcceptedDoesNotLendItsSignatureToChangedClaims() {
		String officer = demoToken("role=OFFICER&place=450102&subject=officer.wang");
		String admin = demoToken("role=ADMIN&subject=officer.wang");
		String query = "{\"query\": \"{ assets { totalCount } }\"}";
		for (int i = 0; i < 2; i++) {
			http().post()
				.uri("/graphql")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + officer)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.assets.totalCount")
				.isEqualTo(34);
		}
		String[] genuine = officer.split("\\.");
		String adminClaims = admin.split("\\.")[1];
		http().post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + genuine[0] + "." + adminClaims + "." + genuine[2])
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(query)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED")
			.jsonPath("$.data")
			.doesNotExist();
	}

	/**
	 * The access checks sit in the schema on the fields the policy names (every field of
	 * an asset) and nowhere else: a village's name is read by graphql-java's own property
	 * read, with no check around it on any request.
	 */
	@Test
	void theAccessChecksSitOnlyOnTheFieldsThePolicyNames(@Autowired GraphQlSource graphQl) {
		GraphQLSchema schema = graphQl.schema();
		assertThat(fetcher(schema, "Asset", "name")).isInstanceOf(FieldAuthorization.TrivialChecked.class);
		assertThat(fetcher(schema, "Village", "name")).isInstanceOf(TrivialDataFetcher.class)
			.isNotInstanceOf(FieldAuthorization.Checked.class);
	}

	private static DataFetcher<?> fetcher(GraphQLSchema schema, String type, String field) {
		GraphQLObjectType object = schema.getObjectType(type);
		return schema.getCodeRegistry().getDataFetcher(object, object.getFieldDefinition(field));
	}

	/**
	 * Spring Security wraps its chain with a filter that looks up each request's Spring
	 * MVC handler ahead of the {@code DispatcherServlet}; this chain needs no such
	 * look-up, and the wrapper's definition keeps only the chain itself.
	 */
	@Test
	void theSecurityFiltersRunWithoutAHandlerLookUpOfTheirOwn(@Autowired ConfigurableApplicationContext context) {
		ValueHolder filters = context.getBeanFactory()
			.getBeanDefinition(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME)
			.getConstructorArgumentValues()
			.getIndexedArgumentValue(0, List.class);
		assertThat(filters).isNotNull();
		assertThat((List<?>) filters.getValue()).hasSize(1).noneMatch(SecurityConfiguration::isHandlerLookupCache);
	}

	/**
	 * Spring Security's firewall still refuses a header with a control character: the C1
	 * control U+0085, which Tomcat passes on as the byte 0x85 of an ISO-8859-1 header.
	 */
	@Test
	void aHeaderWithAControlCharacterIsRefused() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			byte[] body = "{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.US_ASCII);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "Connection: close\r\nContent-Length: " + body.length + "\r\nAuthorization: Bearer a")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(0x85);
			out.write("b\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			// Spring Security's headers: refused by its firewall, not by Tomcat's parser.
			assertThat(answer).startsWith("HTTP/1.1 400 ").contains("X-Frame-Options: DENY");
		}
	}

	/** A token from the demo issuer for these query parameters ({@code role=...}). */
	private String demoToken(String parameters) {
		return http().post()
			.uri("/demo/token?" + parameters)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("access_token")
			.toString();
	}

	@Test
	void anOfficersUnfilteredListIsTheirScopeAndAnotherPlaceIsRefused() {
		HttpGraphQlTester officer = as(Role.OFFICER, "place=450102");
		officer.document("{ assets { totalCount } }")
			.execute()
			.path("assets.totalCount")
			.entity(Integer.class)
			.isEqualTo(34);
		officer.document("{ households { totalCount } }")
			.execute()
			.path("households.totalCount")
			.entity(Integer.class)
			.isEqualTo(28);
		officer.document("{ assets(filter: {placeCode: \"45\"}) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN")
					.containsEntry("field", "filter.placeCode");
				assertThat(errors.get(0).getMessage()).isEqualTo(
						"filter.placeCode 45 lies outside your place scope 450102; ask for 450102 or a place below it.");
			});
	}

	@Test
	void householdsAreMaskedInListsAndNestedFields() {
		this.graphQl.documentName("households")
			.variable("filter", java.util.Map.of("placeCode", "450102101201"))
			.variable("first", 2)
			.execute()
			.path("households.totalCount")
			.entity(Integer.class)
			.isEqualTo(4)
			.path("households.edges[*].node.headName")
			.entityList(String.class)
			.containsExactly("罗**", "严*")
			.path("households.edges[*].node.idNumber")
			.entityList(String.class)
			.containsExactly("4501**********0011", "4501**********002X")
			.path("households.edges[0].node.village.name")
			.entity(String.class)
			.isEqualTo("竹坝村");
		this.graphQl.document("""
				{ asset(registerNo: "ZC-450102101201-0001") { owners { owner { ... on Household { headName } } } } }""")
			.execute()
			.path("asset.owners[0].owner.headName")
			.entity(String.class)
			.isEqualTo("赵*");
		as(Role.ADMIN).documentName("households")
			.variable("filter", java.util.Map.of("placeCode", "450102101201"))
			.variable("first", 2)
			.execute()
			.path("households.edges[*].node.headName")
			.entityList(String.class)
			.containsExactly("罗芳德", "严梅");
	}

	@Test
	void filteringByAPersonalFieldNeedsTheGrant() {
		this.graphQl.document("{ households(filter: {headName: \"罗芳德\"}) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN")
					.containsEntry("field", "filter.headName");
			});
		as(Role.AUDITOR, "personal-data").document("{ households(filter: {headName: \"罗芳德\"}) { totalCount } }")
			.execute()
			.path("households.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

}
