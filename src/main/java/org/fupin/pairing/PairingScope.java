package org.fupin.pairing;

/**
 * Where a pairing list starts: which party (or parent pairing) anchors it and on which
 * side. Each relation is a fixed Cypher fragment that binds {@code p} from
 * {@code anchor}; lists of many parents share the fragment and differ only in the anchor,
 * so they load together.
 */
enum PairingScope {

	/** Every pairing. */
	ALL("MATCH (p:Pairing)"),

	/** The anchor party itself is the helper. */
	HELPER_IS(exact("HELPER")),

	/** The anchor party itself is the recipient. */
	RECIPIENT_IS(exact("RECIPIENT")),

	/**
	 * The helper is the anchor or lies below it (a place, or an organisation located
	 * there).
	 */
	HELPER_BELOW(below("HELPER", "helperPlace")),

	/** The recipient is the anchor or lies below it. */
	RECIPIENT_BELOW(below("RECIPIENT", "recipientPlace")),

	/** Either side is the anchor itself. */
	PARTY_IS(exact("HELPER|RECIPIENT")),

	/**
	 * The anchor province or a prefecture in it is on either side: a province's own pairs
	 * and its cities' (Qingdao for Shandong), by two small index seeks instead of a walk
	 * over every place in the province.
	 */
	PROVINCE_OR_CITY("""
			CALL (anchor) {
			  MATCH (p:Pairing)-[:HELPER|RECIPIENT]->(:Province {code: anchor}) RETURN p
			  UNION
			  MATCH (x:Prefecture) WHERE x.code STARTS WITH anchor
			  MATCH (p:Pairing)-[:HELPER|RECIPIENT]->(x) RETURN p
			}"""),

	/** Pairings directly under the anchor pairing. */
	CHILD_OF("MATCH (p:Pairing)-[:UNDER]->(:Pairing {id: anchor})");

	private final String source;

	PairingScope(String source) {
		this.source = source;
	}

	/** Cypher binding each pairing of the anchor's list to {@code p} once. */
	String source() {
		return this.source;
	}

	private static String exact(String types) {
		return """
				CALL (anchor) {
				  MATCH (p:Pairing)-[:%1$s]->(:Place {code: anchor}) RETURN p
				  UNION
				  MATCH (p:Pairing)-[:%1$s]->(:Organisation {creditCode: anchor}) RETURN p
				}""".formatted(types);
	}

	/**
	 * The party at or below the anchor place by the pairing's own code for that side
	 * ({@link PairingPlaces}), one range seek; or the anchor organisation itself. The two
	 * cannot meet (a place code has at most 12 digits, a credit code 18 characters), so
	 * nothing needs removing twice.
	 */
	private static String below(String type, String place) {
		return """
				CALL (anchor) {
				  MATCH (p:Pairing) WHERE p.%2$s STARTS WITH anchor RETURN p
				  UNION ALL
				  MATCH (p:Pairing)-[:%1$s]->(:Organisation {creditCode: anchor}) RETURN p
				}""".formatted(type, place);
	}

}
