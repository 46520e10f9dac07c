package org.fupin.account;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;

/**
 * At the first start with local accounts (no account in the store), creates the
 * administrator account: with {@code app.security.local-accounts.admin-password} when
 * set, otherwise with a generated password written to the console log this once (it is
 * stored only as a hash). Runs after the migrations, which created the unique name
 * constraint.
 */
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final AccountService accounts;

	private final LocalAccountsProperties properties;

	private final Environment environment;

	AdministratorBootstrap(AccountService accounts, LocalAccountsProperties properties, Environment environment) {
		this.accounts = accounts;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.environment.containsProperty("app.bulk.scale")) {
			return;
		}
		Optional<String> generated = this.accounts.createAdministratorIfNone();
		generated.ifPresent((password) -> log.warn(
				"Created the administrator account '{}' with the initial password {} . It is shown this once:"
						+ " sign in (POST /auth/token) and change it (mutation changePassword).",
				this.properties.adminName(), password));
	}

}
