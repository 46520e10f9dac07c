package org.fupin;

import java.time.Duration;
import java.util.List;

import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.impl.transaction.stats.TransactionCounters;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

/**
 * Base of the integration tests: the whole application on its embedded Neo4j with the
 * seed loaded, driven through GraphQL over HTTP. All subclasses share one application
 * context, with demo tokens on, so tests act as any role (they are off by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "app.security.demo-tokens.enabled=true")
@AutoConfigureHttpGraphQlTester
public abstract class IntegrationTest {

	@Autowired
	private HttpGraphQlTester baseTester;

	@Autowired
	private DatabaseManagementService neo4j;

	@Autowired
	private DemoTokens tokens;

	/**
	 * The tester most tests use: an AUDITOR without the personal-data grant (reads
	 * everything, personal data masked); {@link WritingIntegrationTest} makes it an
	 * ADMIN.
	 */
	protected HttpGraphQlTester graphQl;

	@BeforeEach
	void tester() {
		this.graphQl = as(Role.AUDITOR);
	}

	/** A caller without a token. */
	protected HttpGraphQlTester anonymous() {
		// The first query of a cold JVM compiles Cypher and can take seconds.
		return this.baseTester.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	/**
	 * A caller with a demo token for {@code role}. Each claim is {@code place=<code>},
	 * {@code program=<PairingProgram>}, {@code sub=<name>} (default {@code test-<role>})
	 * or {@code personal-data}.
	 */
	protected HttpGraphQlTester as(Role role, String... claims) {
		String subject = "test-" + role.name().toLowerCase();
		String place = null;
		String program = null;
		boolean personalData = false;
		for (String claim : claims) {
			if (claim.equals("personal-data")) {
				personalData = true;
			}
			else if (claim.startsWith("place=")) {
				place = claim.substring("place=".length());
			}
			else if (claim.startsWith("program=")) {
				program = claim.substring("program=".length());
			}
			else if (claim.startsWith("sub=")) {
				subject = claim.substring("sub=".length());
			}
			else {
				throw new IllegalArgumentException("Unknown claim " + claim);
			}
		}
		String token = this.tokens.issue(subject, List.of(role), place, program, personalData);
		return anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
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
