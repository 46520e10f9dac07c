package org.fupin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.graphdb.GraphDatabaseService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests that hold a lock in a transaction of their own and let a request run into it:
 * waits until the request is blocked on the lock, as {@code SHOW TRANSACTIONS} tells.
 */
public final class BlockedTransactions {

	private BlockedTransactions() {
	}

	/**
	 * Waits until {@code count} different transactions have been seen blocked on a lock
	 * (at most a minute).
	 */
	public static void await(GraphDatabaseService database, int count) throws InterruptedException {
		Set<String> seen = new HashSet<>();
		for (int polls = 0; seen.size() < count; polls++) {
			assertThat(polls).as("polls for %d blocked transactions; seen %s", count, seen).isLessThan(6000);
			seen.addAll(database.executeTransactionally(
					"SHOW TRANSACTIONS YIELD transactionId, status WHERE status STARTS WITH 'Blocked' "
							+ "RETURN transactionId",
					Map.of(), (result) -> result.stream().map((row) -> (String) row.get("transactionId")).toList()));
			Thread.sleep(10);
		}
	}

}
