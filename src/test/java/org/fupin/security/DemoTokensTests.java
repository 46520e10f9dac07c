package org.fupin.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Demo tokens exist only when asked for by name, answer only requests made on this
 * machine, and their key is generated once, kept beside the store, and trusted by nothing
 * else.
 */
class DemoTokensTests {

	@TempDir
	private Path store;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withUserConfiguration(DemoTokenConfiguration.class, DemoTokenController.class)
			.withPropertyValues("app.neo4j.embedded.data-dir=" + this.store);
	}

	@Test
	void offByDefaultWhateverTheDatabase() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(DemoTokens.class)
			.doesNotHaveBean(TokenIssuer.class)
			.doesNotHaveBean(DemoTokenController.class));
		runner().withPropertyValues("spring.neo4j.uri=bolt://db.example:7687")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoTokens.class));
		runner().withPropertyValues("app.security.demo-tokens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoTokens.class));
		runner().withPropertyValues("app.security.demo-tokens.enabled=")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoTokens.class));
	}

	@Test
	void onOnlyWhenAskedFor() {
		runner().withPropertyValues("app.security.demo-tokens.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(DemoTokens.class)
				.hasSingleBean(TokenIssuer.class)
				.hasSingleBean(DemoTokenController.class)
				.getBean(TokenIssuer.class)
				.extracting(TokenIssuer::issuer)
				.isEqualTo(DemoTokens.ISSUER));
	}

	@Test
	void onlyRequestsMadeOnThisMachineGetOne() {
		assertThat(DemoTokenController.fromThisMachine(request("127.0.0.1"))).isTrue();
		assertThat(DemoTokenController.fromThisMachine(request("0:0:0:0:0:0:0:1"))).isTrue();
		assertThat(DemoTokenController.fromThisMachine(request("10.1.2.3"))).isFalse();
		assertThat(DemoTokenController.fromThisMachine(request("192.168.0.7"))).isFalse();
		assertThat(DemoTokenController.fromThisMachine(request("localhost.example.com"))).isFalse();
		for (String header : List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "x-forwarded-proto")) {
			MockHttpServletRequest forwarded = request("127.0.0.1");
			forwarded.addHeader(header, "for=203.0.113.9");
			assertThat(DemoTokenController.fromThisMachine(forwarded)).as(header).isFalse();
		}
	}

	@Test
	void theKeyIsKeptBesideTheStoreAndTrustedByNothingElse(@TempDir Path other) {
		DemoTokens first = new DemoTokens(new org.fupin.neo4j.EmbeddedNeo4jProperties(this.store.toString(), 0, null));
		String token = first.issue("officer.wang", List.of(Role.OFFICER), "450102", null, false);
		assertThat(this.store.resolve(DemoTokens.KEY_FILE)).exists();

		// A restart reads the same key: tokens issued before still verify.
		DemoTokens restarted = new DemoTokens(
				new org.fupin.neo4j.EmbeddedNeo4jProperties(this.store.toString(), 0, null));
		Jwt jwt = restarted.decoder().decode(token);
		assertThat(jwt.getSubject()).isEqualTo("officer.wang");
		assertThat(jwt.getClaimAsStringList(Claims.ROLES)).containsExactly("OFFICER");
		assertThat(jwt.getClaimAsString(Claims.PLACE)).isEqualTo("450102");
		assertThat(jwt.getClaimAsString("iss")).isEqualTo(DemoTokens.ISSUER);

		DemoTokens elsewhere = new DemoTokens(new org.fupin.neo4j.EmbeddedNeo4jProperties(other.toString(), 0, null));
		assertThat(Files.exists(other.resolve(DemoTokens.KEY_FILE))).isTrue();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> elsewhere.decoder().decode(token));
	}

	@Test
	void aTokenGoesToTheDecoderOfItsIssuerOnly(@TempDir Path other) {
		DemoTokens demo = new DemoTokens(new org.fupin.neo4j.EmbeddedNeo4jProperties(this.store.toString(), 0, null));
		DemoTokens elsewhere = new DemoTokens(new org.fupin.neo4j.EmbeddedNeo4jProperties(other.toString(), 0, null));
		IssuerRoutingJwtDecoder decoder = new IssuerRoutingJwtDecoder(
				List.of(new TokenIssuer(DemoTokens.ISSUER, demo.decoder())), null);
		assertThat(decoder.decode(demo.issue("a", List.of(Role.ADMIN), null, null, false)).getSubject()).isEqualTo("a");
		// Same issuer name, another key: refused by the issuer's decoder.
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(elsewhere.issue("b", List.of(Role.ADMIN), null, null, false)));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("not.a.token"));
	}

	private static MockHttpServletRequest request(String remoteAddress) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/demo/token");
		request.setRemoteAddr(remoteAddress);
		return request;
	}

}
