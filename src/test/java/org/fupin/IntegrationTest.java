package org.fupin;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.impl.transaction.stats.TransactionCounters;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Base of the integration tests: the whole application on its embedded Neo4j with the
 * seed loaded, driven through GraphQL over HTTP. All subclasses share one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
public abstract class IntegrationTest {

	@Autowired
	private HttpGraphQlTester baseTester;

	@Autowired
	private DatabaseManagementService neo4j;

	protected HttpGraphQlTester graphQl;

	@BeforeEach
	void tester() {
		// The first query of a cold JVM compiles Cypher and can take seconds.
		this.graphQl = this.baseTester.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	/**
	 * Transactions the database has started so far: the difference around a request is
	 * the number of queries it cost, which is how tests prove batching (no N+1).
	 */
	protected long startedTransactions() {
		GraphDatabaseAPI database = (GraphDatabaseAPI) this.neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		return database.getDependencyResolver()
			.resolveDependency(TransactionCounters.class)
			.getNumberOfStartedTransactions();
	}

}
