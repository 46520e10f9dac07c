package org.fupin.graphql;

import java.time.Duration;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.fupin.neo4j.SingleStatementReads;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A tiny request timeout: the request answers TIMEOUT naming the limit, and a runaway
 * read is stopped by the database (read-only transactions carry the timeout, rounded up
 * to one second here).
 */
@TestPropertySource(properties = { "app.graphql.request-timeout=1ns", "app.test.store=timeout" })
class RequestTimeoutIT extends IntegrationTest {

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private SingleStatementReads reads;

	@Test
	void aRequestPastTheTimeoutAnswersTimeout() {
		this.graphQl.document("{ provinces(first: 2) { edges { node { code prefectures { totalCount } } } } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors).allSatisfy((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "TIMEOUT");
					assertThat(error.getMessage()).isEqualTo("The request ran longer than app.graphql.request-timeout"
							+ " (1 ns) and was stopped; ask for smaller pages or fewer nested lists.");
				});
			});
	}

	@Test
	void theDatabaseStopsARunawayRead() {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		long started = System.nanoTime();
		Throwable failure = catchThrowable(() -> readOnly.executeWithoutResult(
				(status) -> this.neo4j.query("UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i) AS n")
					.fetch()
					.one()));
		assertThat(failure).isNotNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		// Neo4j's own code for a transaction past its timeout, in the driver exception or
		// the message Spring's translation carries.
		StringBuilder causes = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			causes.append((t instanceof Neo4jException neo4j) ? neo4j.code() : "").append(' ').append(t.getMessage());
		}
		assertThat(causes.toString()).contains("TransactionTimedOut");
	}

	@Test
	void theDatabaseStopsARunawaySingleStatementRead() {
		Throwable failure = catchThrowable(() -> this.reads
			.rows("UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i) AS n", Map.of()));
		assertThat(failure).isNotNull();
		StringBuilder causes = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			causes.append((t instanceof Neo4jException neo4j) ? neo4j.code() : "").append(' ').append(t.getMessage());
		}
		assertThat(causes.toString()).contains("TransactionTimedOut");
	}

}
