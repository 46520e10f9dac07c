package org.fupin.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo tokens exist only when {@value #PROPERTY} is {@code true}: whoever may reach the
 * endpoint gets any role, so they are never on by default, whatever database or issuer is
 * configured ({@code ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo} sets the
 * property for a trial on one's own machine).
 */
class DemoTokensCondition implements Condition {

	static final String PROPERTY = "app.security.demo-tokens.enabled";

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String explicit = context.getEnvironment().getProperty(PROPERTY);
		return explicit != null && Boolean.parseBoolean(explicit.strip());
	}

}
