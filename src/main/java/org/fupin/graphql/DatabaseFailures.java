package org.fupin.graphql;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * What a database failure means for the caller, read from the exception and its causes
 * (Spring wraps the driver's exceptions, sometimes twice). The error mapping and the
 * mutation retries both decide by it, so a failure is never called busy in one place and
 * internal in another.
 */
enum DatabaseFailures {

	/**
	 * A deadlock, a lock not granted within the lock timeout, or another transient error
	 * that the same transaction, run again, is likely to get past (Neo4j's drivers retry
	 * these too).
	 */
	RETRYABLE,

	/**
	 * The database is there but too busy to serve now: no connection free in the pool
	 * within the acquisition timeout.
	 */
	BUSY,

	/** A transaction stopped by its timeout. */
	TIMED_OUT,

	/** The database cannot be reached. */
	UNAVAILABLE,

	/** Anything else: not a question of load. */
	OTHER;

	/**
	 * What Spring reports, instead of the commit's own failure, when the database
	 * terminated a transaction (at its timeout) and the rollback after the failed commit
	 * finds it closed.
	 */
	private static final String TERMINATED_AT_COMMIT = "Transaction must be open, but has already been closed";

	/** The driver's message when no pooled connection freed up in time. */
	private static final String POOL_EXHAUSTED = "Unable to acquire connection from the pool";

	static DatabaseFailures of(Throwable ex) {
		DatabaseFailures found = OTHER;
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			DatabaseFailures kind = classify(t);
			if (kind != OTHER) {
				// The innermost cause that says something wins over Spring's wrappers.
				found = kind;
			}
		}
		return found;
	}

	private static DatabaseFailures classify(Throwable t) {
		if (t instanceof Neo4jException neo4j && neo4j.code() != null) {
			String code = neo4j.code();
			if (code.contains("TimedOut")) {
				return TIMED_OUT;
			}
			if (code.contains("DatabaseUnavailable")) {
				return UNAVAILABLE;
			}
		}
		if (t.getMessage() != null && t.getMessage().startsWith(POOL_EXHAUSTED)) {
			return BUSY;
		}
		if (t instanceof IllegalStateException && TERMINATED_AT_COMMIT.equals(t.getMessage())) {
			return TIMED_OUT;
		}
		if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
			return UNAVAILABLE;
		}
		if (t instanceof TransientException transient_ && !isTerminated(transient_)) {
			return RETRYABLE;
		}
		if (t instanceof QueryTimeoutException) {
			return TIMED_OUT;
		}
		if (t instanceof PessimisticLockingFailureException) {
			return RETRYABLE;
		}
		if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException) {
			return UNAVAILABLE;
		}
		return OTHER;
	}

	/**
	 * A transaction terminated on purpose (by an administrator, or because its client
	 * went away) is not run again, as Neo4j's own drivers decide.
	 */
	private static boolean isTerminated(TransientException ex) {
		String code = ex.code();
		return code != null && (code.endsWith("Terminated") || code.endsWith("LockClientStopped"));
	}

}
