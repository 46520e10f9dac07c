package org.fupin.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Demo tokens exist only with the embedded Neo4j (or when explicitly enabled), and their
 * key is generated once, kept beside the store, and trusted by nothing else.
 */
class DemoTokensTests {

	@TempDir
	private Path store;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(DemoTokenConfiguration.class)
			.withPropertyValues("app.neo4j.embedded.data-dir=" + this.store);
	}

	@Test
	void onWithTheEmbeddedDatabase() {
		runner().run((context) -> assertThat(context).hasSingleBean(DemoTokens.class).hasSingleBean(JwtDecoder.class));
	}

	@Test
	void offWhenSpringNeo4jUriIsSet() {
		runner().withPropertyValues("spring.neo4j.uri=bolt://db.example:7687")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoTokens.class).doesNotHaveBean(JwtDecoder.class));
	}

	@Test
	void offWhenARealIssuerIsConfigured() {
		runner().withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoTokens.class));
	}

	@Test
	void theExplicitPropertyWinsBothWays() {
		runner().withPropertyValues("spring.neo4j.uri=bolt://db.example:7687", "app.security.demo-tokens.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(DemoTokens.class));
		runner().withPropertyValues("app.security.demo-tokens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoTokens.class));
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

}
