package org.fupin.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service holds up under load: how many GraphQL requests run at once and how long
 * the others wait for a turn, how many of those may be mutations, how long a mutation's
 * transaction may run, and how often a deadlocked mutation runs again. Anything refused
 * answers {@code BUSY} with {@code Retry-After}. How these numbers fit the web server's
 * workers and the driver's pool is explained in {@link LoadSizing}.
 *
 * @param maxConcurrentRequests GraphQL requests executing at the same time, reads and
 * writes together; each holds at most one database connection at a time, so this is the
 * share of the driver's pool that requests may use
 * @param admissionTimeout how long a request waits for one of those turns before it is
 * refused; the longest a request spends in line
 * @param maxConcurrentWrites mutations running at the same time, counted within
 * {@code maxConcurrentRequests}; the rest of the turns stay with readers
 * @param writeQueueTimeout how long an admitted mutation waits for one of those slots
 * before it is refused; short, because a waiting mutation holds a turn that a reader
 * could use
 * @param writeTimeout the timeout of each mutation's transaction (whole seconds); the
 * database stops it and it answers {@code BUSY}. Seed and bulk loads are not mutations
 * and keep no timeout
 * @param writeAttempts how many times a mutation's transaction runs when Neo4j aborts it
 * for a deadlock, a lock timeout or another transient reason; no attempt starts later
 * than {@code writeTimeout} after the first
 * @param lockTimeout how long a transaction of the embedded Neo4j waits for a lock
 * ({@code db.lock.acquisition.timeout}) before it fails; a mutation then answers
 * {@code BUSY}. An external server keeps its own setting; there the write timeout bounds
 * the wait
 * @param retryAfter the {@code Retry-After} sent with a {@code BUSY} answer
 */
@ConfigurationProperties("app.load")
public record LoadProperties(@DefaultValue("48") int maxConcurrentRequests,
		@DefaultValue("3s") Duration admissionTimeout, @DefaultValue("16") int maxConcurrentWrites,
		@DefaultValue("500ms") Duration writeQueueTimeout, @DefaultValue("10s") Duration writeTimeout,
		@DefaultValue("5") int writeAttempts, @DefaultValue("3s") Duration lockTimeout,
		@DefaultValue("1s") Duration retryAfter) {

	/** The {@code Retry-After} header's value: whole seconds, at least one. */
	public String retryAfterSeconds() {
		return String.valueOf(Math.max(1, (this.retryAfter.toMillis() + 999) / 1000));
	}

}
