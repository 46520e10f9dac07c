package org.fupin.account;

import org.fupin.security.TokenIssuer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The issuer of local-account tokens, when local accounts are on. */
@Configuration(proxyBeanMethods = false)
class LocalAccountsConfiguration {

	/**
	 * Spring Security's delegating encoder: bcrypt for new hashes, every stored hash
	 * tagged with its algorithm so a stronger default can come later.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(LocalAccountsCondition.class)
	static class On {

		@Bean
		LocalTokens localTokens(LocalAccountsProperties properties) {
			return new LocalTokens(properties.accessTokenLifetime(), properties.signingKey());
		}

		@Bean
		TokenIssuer localTokenIssuer(LocalTokens tokens) {
			return tokens.issuer();
		}

		@Bean
		AdministratorBootstrap administratorBootstrap(AccountService accounts, LocalAccountsProperties properties,
				Environment environment) {
			return new AdministratorBootstrap(accounts, properties, environment);
		}

	}

}
