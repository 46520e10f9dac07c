package org.fupin.graphql;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every mutation the same way: in one write transaction with a timeout of its own
 * ({@code app.load.write-timeout}), at most {@code app.load.max-concurrent-writes} at a
 * time (the others wait up to {@code app.load.write-queue-timeout} for a turn), and again
 * from the start, after a short random pause, when Neo4j aborts it for a deadlock or
 * another transient reason (a lock not granted within {@code app.load.lock-timeout} among
 * them), as Neo4j's own drivers do, up to {@code app.load.write-attempts} times and no
 * later than {@code app.load.write-timeout} after the first. The service method joins
 * this transaction, so a retry re-runs all of it: every check, every write, the change
 * event and the dashboard recount. What cannot get through answers {@code BUSY}: nothing
 * was changed, and the same request may simply be sent again.
 */
@Component
public class Mutations {

	private static final Logger log = LoggerFactory.getLogger(Mutations.class);

	private final TransactionTemplate transactions;

	private final Semaphore slots;

	private final LoadProperties load;

	Mutations(PlatformTransactionManager transactionManager, LoadProperties load) {
		this.load = load;
		this.slots = new Semaphore(Math.max(1, load.maxConcurrentWrites()), true);
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		long millis = load.writeTimeout().toMillis();
		this.transactions.setTimeout((int) Math.max(1, (millis + 999) / 1000));
	}

	/** Runs {@code change} as one mutation; its result is what the mutation answers. */
	public <T> T run(Supplier<T> change) {
		acquireSlot();
		try {
			long deadline = System.nanoTime() + this.load.writeTimeout().toNanos();
			for (int attempt = 1;; attempt++) {
				try {
					return this.transactions.execute((status) -> change.get());
				}
				catch (RuntimeException ex) {
					DatabaseFailures failure = DatabaseFailures.of(ex);
					if (failure == DatabaseFailures.BUSY || failure == DatabaseFailures.TIMED_OUT) {
						log.debug("A change was refused as busy: {}", ex.getMessage());
						throw busy("no database connection, or the transaction ran past app.load.write-timeout");
					}
					if (failure != DatabaseFailures.RETRYABLE) {
						throw ex;
					}
					if (attempt >= this.load.writeAttempts() || System.nanoTime() - deadline > 0) {
						log.warn("Giving up a change after {} attempts: {}", attempt, ex.getMessage());
						throw busy("concurrent changes of the same data kept colliding");
					}
					log.debug("Running a change again after a transient failure: {}", ex.getMessage());
					pause(attempt);
				}
			}
		}
		finally {
			this.slots.release();
		}
	}

	private void acquireSlot() {
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.load.writeQueueTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw busy("all " + this.load.maxConcurrentWrites() + " write slots (app.load.max-concurrent-writes) "
					+ "stayed taken for " + this.load.writeQueueTimeout().toMillis() + " ms");
		}
	}

	private ApiException busy(String why) {
		return new ApiException(ErrorCode.BUSY, null, "服务繁忙，未作任何更改，请稍后重试。The service is busy (" + why
				+ "); nothing was changed. Send the same request again in " + this.load.retryAfterSeconds() + " s.");
	}

	/** A random pause that grows with each attempt, so colliding writers spread out. */
	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
