package org.fupin.security;

import java.util.EnumSet;
import java.util.Set;

import graphql.GraphQLContext;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: taken from the authenticated token once per request and kept in the
 * GraphQL context under {@link #CONTEXT_KEY}. Services get it for writes, so the scope of
 * a write is checked inside the write's transaction.
 *
 * @param name the token's subject, which the change history records; null when anonymous
 * @param roles the caller's roles, empty when anonymous
 * @param place the place code the caller is scoped to, or null
 * @param program the pairing program a COORDINATOR is scoped to, or null
 * @param personalDataScope whether the token holds the {@code personal-data} scope
 */
public record Caller(String name, Set<Role> roles, String place, String program, boolean personalDataScope) {

	/** GraphQL context key of the caller. */
	public static final String CONTEXT_KEY = "caller";

	/** A request without a (valid) token. */
	public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, null, false);

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** The caller of an authenticated request, or {@link #ANONYMOUS}. */
	static Caller of(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
			return ANONYMOUS;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		boolean personalData = false;
		for (GrantedAuthority authority : token.getAuthorities()) {
			String name = authority.getAuthority();
			if (name.startsWith(SecurityConfiguration.ROLE_PREFIX)) {
				Role role = role(name.substring(SecurityConfiguration.ROLE_PREFIX.length()));
				if (role != null) {
					roles.add(role);
				}
			}
			personalData |= name.equals(SecurityConfiguration.SCOPE_PREFIX + Claims.PERSONAL_DATA);
		}
		return new Caller(token.getName(), roles, blankToNull(token.getToken().getClaimAsString(Claims.PLACE)),
				blankToNull(token.getToken().getClaimAsString(Claims.PROGRAM)), personalData);
	}

	/** The caller a resolver runs for; {@link #ANONYMOUS} when none was set. */
	public static Caller of(GraphQLContext context) {
		Caller caller = context.get(CONTEXT_KEY);
		return (caller != null) ? caller : ANONYMOUS;
	}

	public boolean authenticated() {
		return this.name != null;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether household names and ID numbers are shown unmasked: ADMIN, or AUDITOR with
	 * the {@code personal-data} scope.
	 */
	public boolean seesPersonalData() {
		return has(Role.ADMIN) || (has(Role.AUDITOR) && this.personalDataScope);
	}

	/**
	 * Whether a place lies within this caller's place scope: the scope's code is a prefix
	 * of the place's (codes nest: 45, 4501, 450102, 450102101, 450102101201).
	 */
	public boolean covers(String placeCode) {
		return this.place != null && placeCode != null && placeCode.startsWith(this.place);
	}

	/**
	 * Refuses a change to an asset at {@code placeCode} unless the caller is an ADMIN, or
	 * an OFFICER whose scope covers the place. Called inside the write's transaction,
	 * before anything is written.
	 */
	public void requireAssetWrite(String placeCode, String field) {
		if (mayChangeAssetsAt(placeCode)) {
			return;
		}
		throw forbidden(field, "You may not change assets at " + placeCode + ": " + scopeText() + ".");
	}

	/** Whether this caller is an ADMIN, or an OFFICER whose scope covers the place. */
	public boolean mayChangeAssetsAt(String placeCode) {
		return has(Role.ADMIN) || (has(Role.OFFICER) && covers(placeCode));
	}

	/**
	 * Refuses a change to a pairing of {@code program} whose recipient lies at
	 * {@code placeCode} unless the caller is an ADMIN, an OFFICER whose scope covers the
	 * place, or a COORDINATOR whose program and place (where given; at least one must be)
	 * match.
	 */
	public void requirePairingWrite(String program, String placeCode, String field) {
		if (mayChangePairings(program, placeCode)) {
			return;
		}
		throw forbidden(field, "You may not change " + program + " pairings whose recipient lies at " + placeCode + ": "
				+ scopeText() + ".");
	}

	/**
	 * Whether this caller is an ADMIN, an OFFICER whose scope covers the place, or a
	 * COORDINATOR whose program and place (where given; at least one must be) match.
	 */
	public boolean mayChangePairings(String program, String placeCode) {
		if (has(Role.ADMIN) || (has(Role.OFFICER) && covers(placeCode))) {
			return true;
		}
		return has(Role.COORDINATOR) && (this.program != null || this.place != null)
				&& (this.program == null || this.program.equals(program)) && (this.place == null || covers(placeCode));
	}

	/**
	 * The place under which this caller reads records of {@code type} (a type of
	 * {@link AccessPolicy#TYPES}, e.g. {@code Asset}), so that a list of them holds only
	 * those and neither its items, its count nor its cursors tell of others: its place
	 * when it reads them only as an OFFICER, null when it reads them wherever they lie.
	 * @throws ApiException {@code FORBIDDEN} for an OFFICER token without a place
	 */
	public String readScope(String type) {
		AccessPolicy.Rule rule = AccessPolicy.TYPES.get(type);
		if (rule == null || !rule.scopedFor(this)) {
			return null;
		}
		if (this.place == null) {
			throw forbidden(null, "Your OFFICER token has no place claim, so it reads no " + type + " in place scope.");
		}
		return this.place;
	}

	/** The caller's roles and scope, for a message that refuses them. */
	public String scopeText() {
		if (!authenticated()) {
			return "you are not signed in";
		}
		String text = "your token (" + this.name + ") has roles " + this.roles;
		if (this.place != null) {
			text += ", place " + this.place;
		}
		if (this.program != null) {
			text += ", program " + this.program;
		}
		return text;
	}

	static ApiException forbidden(String field, String message) {
		return new ApiException(ErrorCode.FORBIDDEN, field, message);
	}

	private static Role role(String name) {
		try {
			return Role.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
