package org.fupin.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Single-statement reads outside a transaction run as auto-commit reads and keep what a
 * read-only transaction gives: the bookmarks shared with the transaction manager and
 * {@code Neo4jClient}, READ access mode and, inside a transaction, that transaction. (The
 * read timeout: {@code RequestTimeoutIT}.)
 */
class SingleStatementReadsIT extends IntegrationTest {

	@Autowired
	private SingleStatementReads reads;

	@Autowired
	private Neo4jBookmarkManager bookmarks;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void theNextRequestAfterAWriteReadsItFromTheSharedBookmarks() {
		Map<String, Object> village = this.neo4j
			.query("MATCH (v:Village) RETURN v.code AS code, v.name AS name ORDER BY v.code LIMIT 1")
			.fetch()
			.one()
			.orElseThrow();
		String code = (String) village.get("code");
		String name = (String) village.get("name");
		Set<Bookmark> before = Set.copyOf(this.bookmarks.getBookmarks());
		rename(code, name + "（改）");
		try {
			Set<Bookmark> afterWrite = Set.copyOf(this.bookmarks.getBookmarks());
			assertThat(afterWrite).isNotEmpty().isNotEqualTo(before);
			this.graphQl.document("query($code: ID!) { village(code: $code) { name township { code } } }")
				.variable("code", code)
				.execute()
				.path("village.name")
				.entity(String.class)
				.isEqualTo(name + "（改）")
				.path("village.township.code")
				.entity(String.class)
				.isEqualTo(code.substring(0, 9));
		}
		finally {
			rename(code, name);
		}
		Set<Bookmark> beforeClientWrite = Set.copyOf(this.bookmarks.getBookmarks());
		this.neo4j.query("CREATE (p:BookmarkProbe) DELETE p").run();
		assertThat(Set.copyOf(this.bookmarks.getBookmarks())).isNotEmpty().isNotEqualTo(beforeClientWrite);
	}

	@Test
	void aSingleStatementReadRunsInReadAccessMode() {
		Throwable failure = catchThrowable(() -> this.reads.rows("CREATE (p:BookmarkProbe) RETURN p", Map.of()));
		assertThat(failure).isInstanceOf(DataAccessException.class);
		assertThat(failure.getCause()).isInstanceOfSatisfying(Neo4jException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
		assertThat(this.neo4j.query("MATCH (p:BookmarkProbe) RETURN count(p) AS n").fetchAs(Long.class).one())
			.contains(0L);
	}

	@Test
	void insideATransactionItReadsInThatTransaction() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		List<Object> seen = transaction.execute((status) -> {
			this.neo4j.query("CREATE (:BookmarkProbe {n: 7})").run();
			status.setRollbackOnly();
			return this.reads.rows("MATCH (p:BookmarkProbe) RETURN p.n AS n", Map.of())
				.stream()
				.map((row) -> row.get("n"))
				.toList();
		});
		assertThat(seen).containsExactly(7L);
		assertThat(this.reads.rows("MATCH (p:BookmarkProbe) RETURN p.n AS n", Map.of())).isEmpty();
	}

	@Test
	void aReadInTheApplicationsProcessAnswersWhatTheDriverAnswers() {
		String cypher = """
				MATCH (p:BookmarkProbe)
				RETURN 1 AS integer, 1.5 AS float, 'x' AS text, true AS flag, null AS nothing, [1, 2] AS list,
				       {a: 1, b: ['c']} AS map, date('2024-01-02') AS date,
				       datetime('2024-01-02T03:04:05Z') AS dateTime, localtime('12:30') AS time,
				       duration('P1Y2M3DT4H5M6.007S') AS duration, point({longitude: 108.3, latitude: 22.8}) AS place,
				       point({x: 1.5, y: 2.5, z: 3.5}) AS point, p.names AS names, p.numbers AS numbers,
				       p {.*} AS probe""";
		new TransactionTemplate(this.transactions).executeWithoutResult(
				(status) -> this.neo4j.query("CREATE (:BookmarkProbe {names: ['甲', '乙'], numbers: [1, 2], small: 3})")
					.run());
		try {
			List<Map<String, Object>> inProcess = this.reads.rows(cypher, Map.of());
			List<Map<String, Object>> overBolt = List.copyOf(this.neo4j.query(cypher).fetch().all());
			assertThat(inProcess).hasSize(1).isEqualTo(overBolt);
			assertThat(inProcess.get(0).get("names")).isEqualTo(List.of("甲", "乙"));
			assertThat(inProcess.get(0).get("numbers")).isEqualTo(List.of(1L, 2L));
			assertThat(inProcess.get(0).get("duration"))
				.isEqualTo(Values.isoDuration(14, 3, 14706, 7_000_000).asIsoDuration());
			assertThat(inProcess.get(0).get("place")).isEqualTo(Values.point(4326, 108.3, 22.8).asPoint());
			assertThat(inProcess.get(0).get("point")).isEqualTo(Values.point(9157, 1.5, 2.5, 3.5).asPoint());
			assertThat(List.copyOf(inProcess.get(0).keySet())).containsExactly("integer", "float", "text", "flag",
					"nothing", "list", "map", "date", "dateTime", "time", "duration", "place", "point", "names",
					"numbers", "probe");
		}
		finally {
			new TransactionTemplate(this.transactions)
				.executeWithoutResult((status) -> this.neo4j.query("MATCH (p:BookmarkProbe) DELETE p").run());
		}
	}

	@Test
	void aRefusedWriteLeavesNotEvenItsLabelBehind() {
		Throwable failure = catchThrowable(
				() -> this.reads.rows("CREATE (p:NeverCreatedProbe {n: 1}) RETURN p.n AS n", Map.of()));
		assertThat(failure.getCause()).isInstanceOfSatisfying(Neo4jException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
		assertThat(this.neo4j.query("CALL db.labels() YIELD label RETURN label").fetchAs(String.class).all())
			.doesNotContain("NeverCreatedProbe");
	}

	@Test
	void theReadsOfOneReadShareOneTransaction() {
		long before = startedTransactions();
		long villages = this.reads.inOneRead(() -> {
			this.reads.rows("MATCH (t:Township) RETURN count(t) AS n", Map.of());
			return (Long) this.reads.one("MATCH (v:Village) RETURN count(v) AS n", Map.of()).orElseThrow().get("n");
		});
		assertThat(startedTransactions() - before).isEqualTo(1);
		assertThat(villages).isPositive();
	}

	private void rename(String code, String name) {
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.neo4j.query("MATCH (v:Village {code: $code}) SET v.name = $name")
				.bindAll(Map.of("code", code, "name", name))
				.run());
	}

}
