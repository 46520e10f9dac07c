package org.fupin.graphql;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the exceptions the driver raises, as Spring wraps them, are told apart: what is
 * retried, what is busy, what is down.
 */
class DatabaseFailuresTests {

	@Test
	void aDeadlockAndALockTimeoutAreRetriedThroughSpringsWrapper() {
		assertThat(DatabaseFailures.of(new TransientDataAccessResourceException("wrapped",
				new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))))
			.isEqualTo(DatabaseFailures.RETRYABLE);
		assertThat(DatabaseFailures
			.of(new TransientException("Neo.TransientError.Transaction.LockAcquisitionTimeout", "lock not granted")))
			.isEqualTo(DatabaseFailures.RETRYABLE);
	}

	@Test
	void anExhaustedPoolIsBusy() {
		assertThat(DatabaseFailures.of(new TransactionSystemException("Could not open a new Neo4j session",
				new ClientException(
						"Unable to acquire connection from the pool within configured maximum time of " + "5000ms"))))
			.isEqualTo(DatabaseFailures.BUSY);
	}

	@Test
	void aTimedOutTransactionIsNotRetried() {
		assertThat(DatabaseFailures.of(new TransientException(
				"Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "timed out")))
			.isEqualTo(DatabaseFailures.TIMED_OUT);
	}

	@Test
	void aTransactionClosedByTheDatabaseBeforeItsCommitTimedOut() {
		assertThat(
				DatabaseFailures.of(new IllegalStateException("Transaction must be open, but has already been closed")))
			.isEqualTo(DatabaseFailures.TIMED_OUT);
	}

	@Test
	void anUnreachableOrStoppedDatabaseIsUnavailable() {
		assertThat(DatabaseFailures.of(new ServiceUnavailableException("connection refused")))
			.isEqualTo(DatabaseFailures.UNAVAILABLE);
		assertThat(DatabaseFailures
			.of(new TransientException("Neo.TransientError.General.DatabaseUnavailable", "database is stopping")))
			.isEqualTo(DatabaseFailures.UNAVAILABLE);
	}

	@Test
	void aTerminatedTransactionAndOtherFailuresAreNeitherRetriedNorBusy() {
		assertThat(DatabaseFailures.of(new TransientException("Neo.TransientError.Transaction.Terminated", "stopped")))
			.isEqualTo(DatabaseFailures.OTHER);
		assertThat(DatabaseFailures.of(new IllegalStateException("a bug"))).isEqualTo(DatabaseFailures.OTHER);
	}

}
