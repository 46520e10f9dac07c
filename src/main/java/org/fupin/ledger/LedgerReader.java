package org.fupin.ledger;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.fupin.neo4j.CypherStatement;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;

import org.springframework.stereotype.Component;

/**
 * Runs ledger Cypher in one read transaction with the export's own timeout and hands the
 * rows on one by one as the driver fetches them (in batches of its fetch size), so no
 * ledger is ever held whole in memory. A transaction of its own rather than Spring's: the
 * rows go to the client while it runs, so it must never be retried (a retry would write
 * rows twice), and the GraphQL read timeout must not cut it short.
 */
@Component
class LedgerReader {

	private final Driver driver;

	LedgerReader(Driver driver) {
		this.driver = driver;
	}

	/** Everything one read does, against one snapshot of the graph. */
	interface Work {

		void run(Rows rows);

	}

	/** Streams the rows of statements of one transaction. */
	interface Rows {

		/**
		 * Hands each {@code row} value of the statement's result to {@code sink}; returns
		 * how many there were.
		 */
		long stream(CypherStatement statement, Consumer<Map<String, Object>> sink);

	}

	void read(Duration timeout, Work work) {
		SessionConfig config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
		try (Session session = this.driver.session(config);
				Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(timeout).build())) {
			work.run((statement, sink) -> {
				Result result = tx.run(statement.text(), statement.parameters());
				long count = 0;
				while (result.hasNext()) {
					sink.accept(result.next().get("row").asMap());
					count++;
				}
				return count;
			});
			tx.commit();
		}
	}

}
