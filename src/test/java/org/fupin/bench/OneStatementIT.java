package org.fupin.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.IntegrationTest;
import org.fupin.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.query.QueryExecutionMonitor;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.Monitors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the peer comparison's five questions ({@code bench/peer-v1.yaml}) is answered
 * by the platform with one Cypher statement: counted by the database's own query monitor,
 * for the first row of each question's sample on the seed store, as an ADMIN. So is every
 * read of the national workload ({@code bench/workload-v1.yaml}), one statement per root
 * field, on the first row of its sample that its Cypher floor answers.
 */
class OneStatementIT extends IntegrationTest {

	private static final PeerQuestions QUESTIONS = PeerQuestions.load(PeerQuestions.DEFAULT);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private DatabaseManagementService neo4j;

	@Autowired
	private Driver driver;

	private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

	private final QueryExecutionMonitor monitor = new QueryExecutionMonitor() {
		@Override
		public void startProcessing(ExecutingQuery query) {
		}

		@Override
		public void startExecution(ExecutingQuery query) {
			OneStatementIT.this.statements.add(query.rawQueryText());
		}

		@Override
		public void endFailure(ExecutingQuery query, Throwable failure) {
		}

		@Override
		public void endFailure(ExecutingQuery query, String reason, org.neo4j.kernel.api.exceptions.Status status,
				org.neo4j.gqlstatus.ErrorGqlStatusObject gqlStatus) {
		}

		@Override
		public void endSuccess(ExecutingQuery query) {
		}
	};

	@BeforeEach
	void listen() {
		monitors().addMonitorListener(this.monitor);
	}

	@AfterEach
	void stopListening() {
		monitors().removeMonitorListener(this.monitor);
	}

	@Test
	void everyQuestionIsOneStatement() throws Exception {
		for (PeerQuestions.Question question : QUESTIONS.questions()) {
			Map<String, Object> row = firstRow(question);
			Map<String, Object> variables = new LinkedHashMap<>(GraphQlClient.variables(row));
			variables.keySet().retainAll(Benchmark.declaredVariables(question.platform()));
			this.statements.clear();
			GraphQlTester.Response response = as(Role.ADMIN).document(question.platform())
				.variables(variables)
				.execute();
			List<String> run = List.copyOf(this.statements);
			response.errors().verify();
			String root = question.platformItems().split("\\.")[0];
			JsonNode answer = JSON.valueToTree(Map.of(root, response.path(root).entity(Object.class).get()));
			assertThat(Answers.items(answer, question.platformItems())).as(question.name()).isNotEmpty();
			assertThat(run).as(question.name() + " with " + variables).hasSize(1);
		}
	}

	@Test
	void everyWorkloadReadIsOneStatementPerRootField() {
		Map<String, List<String>> runs = new LinkedHashMap<>();
		for (Workload.Operation op : WorkloadIT.WORKLOAD.operations()) {
			if (op.writes()) {
				continue;
			}
			Map<String, Object> variables = new LinkedHashMap<>(GraphQlClient.variables(answeredRow(op)));
			variables.keySet().retainAll(Benchmark.declaredVariables(op.graphql()));
			this.statements.clear();
			GraphQlTester.Response response = as(Role.ADMIN).document(op.graphql()).variables(variables).execute();
			runs.put(op.name(), List.copyOf(this.statements));
			response.errors().verify();
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, Integer> expected = new LinkedHashMap<>();
		runs.forEach((name, run) -> {
			counts.put(name, run.size());
			expected.put(name, 1);
		});
		assertThat(counts).as("statements per document: %s", runs).isEqualTo(expected);
	}

	/**
	 * The first row of the operation's sample for which its Cypher floor finds something.
	 */
	private Map<String, Object> answeredRow(Workload.Operation op) {
		List<Map<String, Object>> rows = WorkloadIT.sample(this.driver, op.sample());
		assertThat(rows).as("sample of " + op.name()).isNotEmpty();
		return rows.stream()
			.limit(50)
			.filter((row) -> !WorkloadIT.floor(this.driver, op, row, false).isEmpty())
			.findFirst()
			.orElse(rows.get(0));
	}

	private Map<String, Object> firstRow(PeerQuestions.Question question) {
		return database().executeTransactionally(QUESTIONS.samples().get(question.sample()), Map.of(), (result) -> {
			assertThat(result.hasNext()).as("the sample " + question.sample() + " on the seed").isTrue();
			return new LinkedHashMap<>(result.next());
		});
	}

	private GraphDatabaseAPI database() {
		return (GraphDatabaseAPI) this.neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	private Monitors monitors() {
		return database().getDependencyResolver().resolveDependency(Monitors.class);
	}

}
