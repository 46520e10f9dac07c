package org.fupin.bench;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Runs the hand-written Cypher of an operation straight through the neo4j-java-driver, in
 * a read or write transaction as the platform would, and reads every record: the floor
 * the GraphQL request is compared with.
 */
final class CypherClient {

	private final Driver driver;

	CypherClient(Driver driver) {
		this.driver = driver;
	}

	/**
	 * @return null when it ran, else what went wrong
	 */
	String call(String cypher, Map<String, Object> parameters, boolean write) {
		try (Session session = this.driver.session()) {
			List<Record> records = write ? session.executeWrite((tx) -> tx.run(cypher, parameters).list())
					: session.executeRead((tx) -> tx.run(cypher, parameters).list());
			if (write && records.isEmpty()) {
				return "the write matched nothing";
			}
			return null;
		}
	}

	List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(cypher, parameters).list(Record::asMap));
		}
	}

}
