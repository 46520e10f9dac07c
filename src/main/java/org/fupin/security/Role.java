package org.fupin.security;

/**
 * The roles a token's {@code roles} claim may carry (see {@link Claims}); unknown values
 * are ignored.
 */
public enum Role {

	/** Everything, everywhere, personal data included. */
	ADMIN,

	/**
	 * A government office scoped to the place in its token's {@code place} claim: reads
	 * everything at or below that place, writes assets and pairings there.
	 */
	OFFICER,

	/**
	 * Reads everything everywhere, change history included; household personal data only
	 * with the {@code personal-data} scope. Writes nothing.
	 */
	AUDITOR,

	/**
	 * A pairing coordinator: reads all pairings, writes pairings of the program in its
	 * {@code program} claim and at or below the place in its {@code place} claim (either
	 * may be absent, which leaves that side unrestricted).
	 */
	COORDINATOR

}
