package org.fupin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests that hold a lock in a transaction of their own and let a request run into it:
 * waits until the request is blocked on the lock, as {@code SHOW TRANSACTIONS} tells.
 */
public final class BlockedTransactions {

	private BlockedTransactions() {
	}

	/**
	 * Runs {@code requests} behind a lock: {@code hold} takes it in a transaction of the
	 * test's own (by writing the nodes), the requests start, each on a thread of its own,
	 * and once {@code blocked} transactions have been seen blocked the holder commits.
	 * @return the requests' answers in their order, each waited for at most a minute; a
	 * request that failed fails this call with its exception
	 */
	public static <T> List<T> runBehindLock(GraphDatabaseService database, Consumer<Transaction> hold, int blocked,
			List<Callable<T>> requests) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(requests.size());
		try {
			List<Future<T>> running = new ArrayList<>();
			try (Transaction holder = database.beginTx()) {
				hold.accept(holder);
				for (Callable<T> request : requests) {
					running.add(threads.submit(request));
				}
				await(database, blocked);
				holder.commit();
			}
			List<T> answers = new ArrayList<>();
			for (Future<T> answer : running) {
				answers.add(answer.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			threads.shutdown();
		}
	}

	/**
	 * {@link #runBehindLock(GraphDatabaseService, Consumer, int, List)} of one request.
	 */
	public static <T> T runBehindLock(GraphDatabaseService database, Consumer<Transaction> hold, int blocked,
			Callable<T> request) throws Exception {
		return runBehindLock(database, hold, blocked, List.of(request)).get(0);
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
