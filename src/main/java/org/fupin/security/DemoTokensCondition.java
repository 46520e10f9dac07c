package org.fupin.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Demo tokens are on when {@value #PROPERTY} says so; without that property, exactly when
 * the embedded Neo4j runs ({@code spring.neo4j.uri} unset, as
 * {@code org.fupin.neo4j.NoExternalNeo4jCondition} decides) and no real issuer is
 * configured. Pointing the application at a real server or a real issuer therefore
 * switches them off unless someone sets the property on purpose.
 */
class DemoTokensCondition implements Condition {

	static final String PROPERTY = "app.security.demo-tokens.enabled";

	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String explicit = context.getEnvironment().getProperty(PROPERTY);
		if (StringUtils.hasText(explicit)) {
			return Boolean.parseBoolean(explicit.strip());
		}
		return !StringUtils.hasText(context.getEnvironment().getProperty("spring.neo4j.uri"))
				&& !StringUtils.hasText(context.getEnvironment().getProperty(ISSUER_URI))
				&& !StringUtils.hasText(context.getEnvironment().getProperty(JWK_SET_URI));
	}

}
