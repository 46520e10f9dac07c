package org.fupin.account;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The lockout rule (账户锁定): {@code maxFailures} failed sign-ins in a row lock an account
 * for {@code duration}; a success, or the end of a lock, starts the count again.
 *
 * @param maxFailures failures in a row that lock
 * @param duration how long the lock lasts
 */
record Lockout(int maxFailures, Duration duration) {

	Lockout {
		if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("app.security.local-accounts.max-failures must be at least 1 and"
					+ " lock-duration positive; got " + maxFailures + " and " + duration);
		}
	}

	/** Whether an account locked until {@code lockedUntil} is locked at {@code now}. */
	static boolean locked(OffsetDateTime lockedUntil, OffsetDateTime now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	/**
	 * The state after one more failure.
	 * @param failedAttempts failures in a row before this one (counted since the last
	 * success or lock)
	 * @param now when this one happened
	 */
	State fail(int failedAttempts, OffsetDateTime now) {
		int failures = failedAttempts + 1;
		if (failures >= this.maxFailures) {
			return new State(0, now.plus(this.duration));
		}
		return new State(failures, null);
	}

	/**
	 * Failures in a row and the end of the lock they caused.
	 *
	 * @param failedAttempts failures counted towards the next lock
	 * @param lockedUntil the end of the lock, or null when not locked
	 */
	record State(int failedAttempts, OffsetDateTime lockedUntil) {
	}

}
