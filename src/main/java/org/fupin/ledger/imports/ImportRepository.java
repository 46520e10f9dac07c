package org.fupin.ledger.imports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.graphql.Keyset;
import org.fupin.graphql.SortKey;
import org.fupin.ledger.read.ReportLine;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * The jobs and their report lines. Their state is written in transactions of its own,
 * straight through the driver, so that a commit's progress is seen while the commit's own
 * transaction is still open; only the final state of a commit is written inside it,
 * through {@link #committedInTransaction}, so that it holds exactly when the rows do.
 */
@Repository
class ImportRepository {

	private static final String JOB = """
			j {.id, .form, .fileName, .actor, .placeScope, .createdAt, .updatedAt, .state, .commitRequested,
			   .rowsRead, .rowsValid, .rowsInvalid, .rowsWritten, .rowsCreated, .rowsUpdated, .rowsUnchanged,
			   .rate, .etaSeconds, .codes, .codeCounts, .linesKept, .message, .file, .charset, .roles, .program,
			   .counties, .countyVersions, .committedThrough}""";

	private final Driver driver;

	private final Neo4jClient neo4j;

	ImportRepository(Driver driver, Neo4jClient neo4j) {
		this.driver = driver;
		this.neo4j = neo4j;
	}

	void create(Map<String, Object> properties) {
		write("CREATE (j:ImportJob) SET j = $properties", Map.of("properties", properties));
	}

	/** Sets these properties (null removes one) and {@code updatedAt}. */
	void update(String id, Map<String, Object> properties) {
		write("MATCH (j:ImportJob {id: $id}) SET j += $properties, j.updatedAt = $now",
				Map.of("id", id, "properties", properties, "now", now()));
	}

	/**
	 * Moves the job from {@code from} to {@code to} with these properties, unless it
	 * stands elsewhere by now.
	 * @return whether it moved
	 */
	boolean move(String id, List<ImportState> from, ImportState to, Map<String, Object> properties) {
		try (Session session = this.driver.session()) {
			return session
				.executeWrite((tx) -> tx
					.run("""
							MATCH (j:ImportJob {id: $id}) WHERE j.state IN $from
							SET j += $properties, j.state = $to, j.updatedAt = $now
							RETURN count(j) AS moved""",
							Values.value(Map.of("id", id, "from", from.stream().map(Enum::name).toList(), "to",
									to.name(), "properties", properties, "now", now())))
					.single()
					.get("moved")
					.asLong()) == 1;
		}
	}

	/** The final state of a commit, in the commit's own transaction. */
	void committedInTransaction(String id, Map<String, Object> properties) {
		this.neo4j.query("""
				MATCH (j:ImportJob {id: $id})
				SET j += $properties, j.state = 'COMMITTED', j.updatedAt = $now""")
			.bindAll(Map.of("id", id, "properties", properties, "now", now()))
			.run();
	}

	/** A batch's checkpoint, in the batch's own transaction. */
	void checkpointInTransaction(String id, Map<String, Object> properties) {
		this.neo4j.query("MATCH (j:ImportJob {id: $id}) SET j += $properties, j.updatedAt = $now")
			.bindAll(Map.of("id", id, "properties", properties, "now", now()))
			.run();
	}

	Optional<ImportJob> find(String id) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx
				.run("MATCH (j:ImportJob {id: $id}) RETURN " + JOB + " AS job", Values.value(Map.of("id", id)))
				.list()
				.stream()
				.findFirst()
				.map((record) -> ImportJob.from(record.get("job").asMap())));
		}
	}

	/** Jobs newest first; the id breaks ties between jobs of the same instant. */
	static final Keyset<ImportJob> JOBS = Keyset.of("imports",
			SortKey.time("created", "j.createdAt", ImportJob::createdAt).desc(),
			SortKey.text("id", "j.id", ImportJob::id).desc());

	/** The report lines of job {@code jobId}, in row order. */
	static Keyset<Line> lines(String jobId) {
		return Keyset.of("report:" + jobId, SortKey.integer("seq", "l.seq", Line::seq));
	}

	/**
	 * Jobs in {@link #JOBS} order after the cursor position {@code after} (its
	 * parameters, or null), of uploaders whose place scope starts with {@code place} when
	 * given.
	 */
	List<ImportJob> page(Map<String, Object> after, String place, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		if (after != null) {
			parameters.putAll(after);
		}
		parameters.put("place", place);
		parameters.put("limit", limit);
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx
				.run("""
						MATCH (j:ImportJob)
						WHERE ($place IS NULL OR j.placeScope STARTS WITH $place) AND %s
						WITH j ORDER BY %s LIMIT $limit
						RETURN %s AS job""".formatted((after != null) ? JOBS.condition() : "true", JOBS.orderBy(), JOB),
						Values.value(parameters))
				.list()
				.stream()
				.map((record) -> ImportJob.from(record.get("job").asMap()))
				.toList());
		}
	}

	long count(String place) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run("""
					MATCH (j:ImportJob) WHERE ($place IS NULL OR j.placeScope STARTS WITH $place)
					RETURN count(j) AS n""", Values.value(java.util.Collections.singletonMap("place", place)))
				.single()
				.get("n")
				.asLong());
		}
	}

	/** Jobs in these states: those a stop interrupted. */
	List<String> inState(List<ImportState> states) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx
				.run("""
						MATCH (j:ImportJob) WHERE j.state IN $states
						RETURN j.id AS id ORDER BY j.createdAt, j.id""",
						Values.value(Map.of("states", states.stream().map(Enum::name).toList())))
				.list()
				.stream()
				.map((record) -> record.get("id").asString())
				.toList());
		}
	}

	/** Keeps report lines, numbered from {@code firstSeq} on. */
	void addLines(String jobId, long firstSeq, List<ReportLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>(lines.size());
		long seq = firstSeq;
		for (ReportLine line : lines) {
			Map<String, Object> row = new HashMap<>();
			row.put("seq", seq++);
			row.put("row", line.row());
			row.put("field", line.field());
			row.put("header", line.header());
			row.put("value", line.value());
			row.put("code", line.code());
			row.put("message", line.message());
			rows.add(row);
		}
		write("""
				UNWIND $lines AS line
				CREATE (l:ImportReportLine {jobId: $jobId, seq: line.seq, row: line.row, code: line.code,
				                            message: line.message})
				SET l.field = line.field, l.header = line.header, l.value = line.value""",
				Map.of("jobId", jobId, "lines", rows));
	}

	void deleteLines(String jobId) {
		write("""
				MATCH (l:ImportReportLine {jobId: $jobId})
				CALL (l) { DELETE l } IN TRANSACTIONS OF 10000 ROWS""", Map.of("jobId", jobId), true);
	}

	/** Report lines after {@code afterSeq}, in order. */
	List<Line> lines(String jobId, long afterSeq, int limit) {
		return lines(jobId, Map.of("afterSeq", afterSeq), limit);
	}

	/** Report lines after the cursor position {@code after} (or null), in order. */
	List<Line> lines(String jobId, Map<String, Object> after, int limit) {
		Keyset<Line> order = lines(jobId);
		Map<String, Object> parameters = new HashMap<>();
		if (after != null) {
			parameters.putAll(after);
		}
		parameters.put("jobId", jobId);
		parameters.put("limit", limit);
		String cypher = """
				MATCH (l:ImportReportLine {jobId: $jobId}) WHERE %s
				RETURN l {.seq, .row, .field, .header, .value, .code, .message} AS line
				ORDER BY %s LIMIT $limit""".formatted((after != null) ? order.condition() : "true", order.orderBy());
		try (Session session = this.driver.session()) {
			return session
				.executeRead((tx) -> tx.run(cypher, Values.value(parameters)).list().stream().map((record) -> {
					Map<String, Object> line = record.get("line").asMap();
					return new Line(((Number) line.get("seq")).longValue(),
							new ReportLine(((Number) line.get("row")).intValue(), (String) line.get("field"),
									(String) line.get("header"), (String) line.get("value"), (String) line.get("code"),
									(String) line.get("message")));
				}).toList());
		}
	}

	record Line(long seq, ReportLine line) {
	}

	private void write(String cypher, Map<String, Object> parameters) {
		write(cypher, parameters, false);
	}

	private void write(String cypher, Map<String, Object> parameters, boolean implicit) {
		try (Session session = this.driver.session()) {
			if (implicit) {
				session.run(cypher, Values.value(parameters)).consume();
			}
			else {
				session.executeWriteWithoutResult((tx) -> tx.run(cypher, Values.value(parameters)).consume());
			}
		}
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
