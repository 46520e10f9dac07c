package org.fupin.security;

import org.fupin.neo4j.EmbeddedNeo4jProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The demo issuer and its decoder, so a trial works without an identity provider or
 * accounts. Only with {@code app.security.demo-tokens.enabled=true}; it says so loudly at
 * start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoTokensCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
class DemoTokenConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DemoTokenConfiguration.class);

	@Bean
	DemoTokens demoTokens(EmbeddedNeo4jProperties store) {
		log.warn(
				"Demo tokens are ON ({}=true): POST /demo/token hands any role to requests from this machine"
						+ " (loopback, not forwarded by a proxy). Never use this setting for real data.",
				DemoTokensCondition.PROPERTY);
		return new DemoTokens(store);
	}

	@Bean
	TokenIssuer demoTokenIssuer(DemoTokens tokens) {
		return new TokenIssuer(DemoTokens.ISSUER, tokens.decoder());
	}

}
