package org.fupin.security;

import org.fupin.neo4j.EmbeddedNeo4jProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The demo issuer and its decoder, so the embedded default works without an identity
 * provider. Off whenever {@code spring.neo4j.uri} is set, unless
 * {@code app.security.demo-tokens.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoTokensCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
class DemoTokenConfiguration {

	@Bean
	DemoTokens demoTokens(EmbeddedNeo4jProperties store) {
		return new DemoTokens(store);
	}

	@Bean
	JwtDecoder demoJwtDecoder(DemoTokens tokens) {
		return tokens.decoder();
	}

}
