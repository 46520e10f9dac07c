package org.fupin.account;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local accounts are on unless an external issuer is configured, and an empty issuer URI
 * (what {@code docker-compose.yml} passes when {@code JWT_ISSUER_URI} is unset) is no
 * issuer, for them as for Spring Boot's decoder.
 */
class LocalAccountsConditionTests {

	@Test
	void onWithoutAnIssuerOffWithOneUnlessAskedFor() {
		assertThat(LocalAccountsCondition.on(new MockEnvironment())).isTrue();
		assertThat(LocalAccountsCondition
			.on(new MockEnvironment().withProperty(LocalAccountsCondition.ISSUER_URI, "https://sso.example/realms/x")))
			.isFalse();
		assertThat(LocalAccountsCondition
			.on(new MockEnvironment().withProperty(LocalAccountsCondition.JWK_SET_URI, "https://sso.example/jwks")))
			.isFalse();
		assertThat(LocalAccountsCondition
			.on(new MockEnvironment().withProperty(LocalAccountsCondition.ISSUER_URI, "https://sso.example/realms/x")
				.withProperty(LocalAccountsCondition.PROPERTY, "true")))
			.isTrue();
		assertThat(
				LocalAccountsCondition.on(new MockEnvironment().withProperty(LocalAccountsCondition.PROPERTY, "false")))
			.isFalse();
	}

	@Test
	void anEmptyIssuerUriIsNoIssuer() {
		assertThat(LocalAccountsCondition.on(new MockEnvironment().withProperty(LocalAccountsCondition.ISSUER_URI, "")))
			.isTrue();
		assertThat(
				LocalAccountsCondition.on(new MockEnvironment().withProperty(LocalAccountsCondition.ISSUER_URI, " ")))
			.isTrue();
	}

	/**
	 * The compose file's {@code ${JWT_ISSUER_URI:-}} sets the property to the empty
	 * string: Spring Boot then makes no issuer decoder (and does not try to reach an
	 * issuer at an empty URI), so the application starts with local accounts as its
	 * issuer.
	 */
	@Test
	void springBootMakesNoDecoderOfAnEmptyIssuerUri() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JwtDecoder.class));
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example/realms/x")
			.run((context) -> assertThat(context).hasSingleBean(JwtDecoder.class));
	}

}
