package org.fupin.pairing;

/**
 * What flows through a pairing: projects carried out through it, fund sources paid
 * through it, and the assets its projects formed. Each is a fixed Cypher fragment that
 * binds {@code x} from the pairing id {@code parent}, the key it is ordered and paged by,
 * and its lean projection. An asset's row keeps its place, which the access checks read.
 */
enum PairingFlow {

	PROJECTS("MATCH (:Pairing {id: parent})<-[:THROUGH]-(x:Project)", "code", """
			x {.code, .name, year: toInteger(x.year),
			   countyCode: head([(x)-[:LOCATED_IN]->(c:County) | c.code])}"""),

	FUNDS("MATCH (:Pairing {id: parent})<-[:THROUGH]-(x:FundSource)", "code", """
			x {.code, .name, .kind, year: toInteger(x.year),
			   fundedAmount: reduce(total = 0, a IN [(x)-[r:FUNDED]->() | r.amount] | total + a)}"""),

	ASSETS("MATCH (:Pairing {id: parent})<-[:THROUGH]-(:Project)-[:FORMED]->(x:Asset)", "registerNo", """
			x {.registerNo, .name, .type, .category, .originalValue, .status, .placeCode,
			   projectCode: head([(x)<-[:FORMED]-(pr:Project) | pr.code])}""");

	private final String match;

	private final String key;

	private final String projection;

	PairingFlow(String match, String key, String projection) {
		this.match = match;
		this.key = key;
		this.projection = projection;
	}

	String match() {
		return this.match;
	}

	String key() {
		return this.key;
	}

	String projection() {
		return this.projection;
	}

	String cursorKind() {
		return name().toLowerCase();
	}

}
