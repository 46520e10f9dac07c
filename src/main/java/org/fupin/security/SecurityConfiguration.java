package org.fupin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.metrics.MetricsEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Authentication: a bearer JWT, checked by Spring Security's OAuth2 resource server
 * against the issuer configured under {@code spring.security.oauth2.resourceserver.jwt.*}
 * (Spring Boot's decoder, which treats an empty {@code issuer-uri} as unset) and the
 * application's own issuers ({@link TokenIssuer}: local accounts, demo tokens), routed by
 * the token's {@code iss} claim, and remembered until they expire
 * ({@link VerifiedTokens}), so a token's signature is checked once, not on every request.
 * Every HTTP path is open: what a caller may read or change is decided per GraphQL field
 * by {@link AccessPolicy}, so an anonymous caller still reads the public fields. A token
 * that is present but invalid or expired is answered 401 (RFC 6750), never silently
 * treated as anonymous.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ROLE_PREFIX = "ROLE_";

	static final String SCOPE_PREFIX = "SCOPE_";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> external,
			ObjectProvider<TokenIssuer> own, JwtAuthenticationConverter converter,
			@Value("${app.security.verified-token-cache-size:10000}") long verifiedTokens) throws Exception {
		// Bearer tokens only: no session, no form to log out of, no request
		// to replay after a sign-in, so none of their filters runs.
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// The metrics tell of the server and its traffic: for administrators only.
			// GraphQL and the other endpoints check their callers (AccessPolicy).
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(MetricsEndpoint.class))
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.permitAll());
		List<TokenIssuer> issuers = own.orderedStream().toList();
		JwtDecoder externalDecoder = external.getIfAvailable();
		if (externalDecoder != null || !issuers.isEmpty()) {
			JwtDecoder decoder = new VerifiedTokens(new IssuerRoutingJwtDecoder(issuers, externalDecoder),
					verifiedTokens, Clock.systemUTC());
			JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
			tokens.setJwtAuthenticationConverter(converter);
			// A manager of its own publishes no authentication events; the shared one
			// published one per request, and nothing listens for them.
			http.oauth2ResourceServer((server) -> server.authenticationEntryPoint(SecurityConfiguration::unauthorized)
				.bearerTokenResolver(new HeaderBearerTokenResolver())
				.jwt((jwt) -> jwt.authenticationManager(new ProviderManager(tokens))));
		}
		else {
			log.warn("No JWT issuer configured (spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri),"
					+ " local accounts and demo tokens are off: every caller is anonymous.");
		}
		return http.build();
	}

	/**
	 * No look-up of the request's Spring MVC handler before the security filters. Spring
	 * Security puts {@link HandlerMappingIntrospector#createCacheFilter()} in front of
	 * its chain so that Spring MVC request matchers and CORS settings, which ask for the
	 * handler, find it once per request. This chain has neither (every path is open, and
	 * the console is served from the same origin), so the filter only looked the handler
	 * up a second time for each request, before the {@code DispatcherServlet} did.
	 * Removed from the chain's definition; when a later Spring Security defines its chain
	 * differently, nothing is changed.
	 */
	@Bean
	static BeanFactoryPostProcessor noHandlerLookupBeforeSecurity() {
		return (beanFactory) -> {
			if (!beanFactory.containsBeanDefinition(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME)) {
				return;
			}
			ValueHolder filters = beanFactory
				.getBeanDefinition(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME)
				.getConstructorArgumentValues()
				.getIndexedArgumentValue(0, List.class);
			if (filters != null && filters.getValue() instanceof List<?> list && list.size() > 1) {
				list.removeIf(SecurityConfiguration::isHandlerLookupCache);
			}
		};
	}

	static boolean isHandlerLookupCache(Object filter) {
		return filter instanceof BeanDefinition definition && definition.getBeanClassName() != null
				&& definition.getBeanClassName().endsWith("$HandlerMappingIntrospectorCacheFilterFactoryBean");
	}

	/**
	 * Spring Security's strict firewall, its rules unchanged, checking header and
	 * parameter characters without a regular expression ({@link FirewallCharacters}).
	 */
	@Bean
	StrictHttpFirewall httpFirewall() {
		return FirewallCharacters.strictFirewall();
	}

	/**
	 * Spring Security observes nothing: no filter-chain, authentication or authorization
	 * observations, so no observing wrapper runs around each of its filters on every
	 * request. Each request is still observed as a whole ({@code http.server.requests},
	 * {@code graphql.request}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Authorities from the {@value Claims#ROLES} claim (as {@code ROLE_ADMIN} ...) and
	 * the {@value Claims#SCOPE} claim (as {@code SCOPE_personal-data}); the principal's
	 * name is the {@value Claims#SUBJECT} claim.
	 */
	@Bean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(Claims.ROLES);
		roles.setAuthorityPrefix(ROLE_PREFIX);
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		scopes.setAuthoritiesClaimName(Claims.SCOPE);
		scopes.setAuthorityPrefix(SCOPE_PREFIX);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setPrincipalClaimName(Claims.SUBJECT);
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			Collection<GrantedAuthority> all = new ArrayList<>(roles.convert(jwt));
			all.addAll(scopes.convert(jwt));
			return all;
		});
		return converter;
	}

	/**
	 * 401 with the {@code WWW-Authenticate} header RFC 6750 asks for, and a
	 * GraphQL-shaped body with the code {@code UNAUTHENTICATED}, so GraphQL clients read
	 * it like any other error.
	 */
	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		new BearerTokenAuthenticationEntryPoint().commence(request, response, ex);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String message = "The bearer token is invalid or expired; get a new one, or send no Authorization header"
				+ " to read public data anonymously.";
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}");
	}

}
