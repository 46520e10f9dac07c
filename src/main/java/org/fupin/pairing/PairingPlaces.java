package org.fupin.pairing;

import java.util.Collection;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the place codes a pairing carries for range seeks, {@code helperPlace} and
 * {@code recipientPlace}: the party's own code when it is a place, else the code of the
 * place it is located in. With them a place's pairings, and their total, are one index
 * seek ({@code p.recipientPlace STARTS WITH '62'}) instead of a walk over every place and
 * organisation of the province.
 * <p>
 * Creating a pairing sets them ({@link #SET}), as the seed does in its load's
 * transaction; an organisation moved by its ledger sets them again on its pairings
 * ({@link #ofOrganisations}); a load in bulk sets them on every pairing ({@link #ofAll})
 * before it counts as finished, as the migration that introduced them did. Nothing else
 * changes a pairing's parties or an organisation's place, so the reads that place a
 * pairing (lists, totals, coverage gaps, results, staffing, rollups) read these codes.
 */
@Component
public class PairingPlaces {

	/**
	 * Cypher that sets both codes on {@code p} from its parties as they are now. The
	 * caller must hold those parties (a relationship to each, created or locked in its
	 * transaction), so no move commits in between.
	 */
	public static final String SET = """
			SET p.helperPlace = head([(p)-[:HELPER]->(x) | coalesce(x.code, head([(x)-[:LOCATED_IN]->(l:Place) | l.code]))]),
			    p.recipientPlace = head([(p)-[:RECIPIENT]->(x) | coalesce(x.code, head([(x)-[:LOCATED_IN]->(l:Place) | l.code]))])""";

	private final Neo4jClient neo4j;

	private final Driver driver;

	PairingPlaces(Neo4jClient neo4j, Driver driver) {
		this.neo4j = neo4j;
		this.driver = driver;
	}

	/**
	 * Sets the codes again on every pairing of these organisations, inside the caller's
	 * transaction, after it has moved them (written their {@code LOCATED_IN}): the write
	 * holds the organisations, so a pairing created for one of them meanwhile waits and
	 * reads the new place.
	 */
	public void ofOrganisations(Collection<String> creditCodes) {
		if (creditCodes.isEmpty()) {
			return;
		}
		this.neo4j.query("""
				UNWIND $codes AS code
				MATCH (:Organisation {creditCode: code})<-[:HELPER|RECIPIENT]-(p:Pairing)
				WITH DISTINCT p
				""" + SET).bind(List.copyOf(creditCodes)).to("codes").run();
	}

	/**
	 * Sets the codes on every pairing, in transactions of ten thousand, outside any
	 * transaction of the caller's: after a load in bulk, before anything reads the
	 * pairings.
	 */
	public void ofAll() {
		try (Session session = this.driver.session()) {
			session.run("MATCH (p:Pairing) CALL (p) { " + SET + " } IN TRANSACTIONS OF 10000 ROWS").consume();
		}
	}

}
