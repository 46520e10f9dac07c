package org.fupin.security;

/**
 * The JWT claims this service reads, from a production identity provider as from the demo
 * issuer. Anything else in a token is ignored.
 */
public final class Claims {

	/** The acting user's stable id: the change history records it. */
	public static final String SUBJECT = "sub";

	/** Roles, a list of {@link Role} names (a single string is accepted too). */
	public static final String ROLES = "roles";

	/**
	 * The place code (统计用区划代码, any level) an OFFICER or COORDINATOR is scoped to: the
	 * place and everything below it.
	 */
	public static final String PLACE = "place";

	/** The {@code PairingProgram} a COORDINATOR is scoped to. */
	public static final String PROGRAM = "program";

	/** Space-separated OAuth scopes; {@value #PERSONAL_DATA} is the one read here. */
	public static final String SCOPE = "scope";

	/** The scope that lets an AUDITOR see household names and ID numbers unmasked. */
	public static final String PERSONAL_DATA = "personal-data";

	private Claims() {
	}

}
