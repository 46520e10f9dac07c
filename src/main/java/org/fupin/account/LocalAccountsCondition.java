package org.fupin.account;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Local accounts are on when {@value #PROPERTY} says so, and without it exactly when no
 * external issuer is configured. An empty issuer URI (as {@code docker-compose.yml}
 * passes when {@code JWT_ISSUER_URI} is unset) counts as none, as it does for Spring
 * Boot's own decoder, so that start has accounts instead of no way in at all.
 */
public class LocalAccountsCondition implements Condition {

	static final String PROPERTY = "app.security.local-accounts.enabled";

	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return on(context.getEnvironment());
	}

	static boolean on(Environment environment) {
		String explicit = environment.getProperty(PROPERTY);
		if (StringUtils.hasText(explicit)) {
			return Boolean.parseBoolean(explicit.strip());
		}
		return !StringUtils.hasText(environment.getProperty(ISSUER_URI))
				&& !StringUtils.hasText(environment.getProperty(JWK_SET_URI));
	}

}
