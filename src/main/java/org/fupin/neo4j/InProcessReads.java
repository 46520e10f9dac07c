package org.fupin.neo4j;

import java.lang.reflect.Array;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.values.storable.DurationValue;

/**
 * A read of one statement run inside the application's own process, on the embedded
 * database's Java API: no Bolt round trip, no network threads on either side, no
 * serialising of the rows to PackStream and back. The rows come out as the driver's
 * {@code Record.asMap()} gives them (integers as {@code Long}, lists as {@code List},
 * property arrays as lists), so a repository cannot tell the two paths apart; a statement
 * must project what it returns (maps and values, not nodes), as every read here does, and
 * no read returns a point or a duration (they would come out as the embedded types). A
 * failure comes out as the driver's exception of the same Neo4j status code, so the error
 * mapping reads both paths alike.
 * <p>
 * A read needs no bookmark here: the embedded database is a single instance, and a write
 * committed through the driver is visible to every transaction that starts after its
 * commit returned.
 */
final class InProcessReads {

	private static final String FORBIDDEN = "Neo.ClientError.Security.Forbidden";

	private final GraphDatabaseAPI database;

	private final LoginContext readAccess;

	private final long timeoutSeconds;

	/** The transaction of {@link #inOneTransaction} on this thread. */
	private final ThreadLocal<Transaction> open = new ThreadLocal<>();

	InProcessReads(GraphDatabaseService database, long timeoutSeconds) {
		this.database = (GraphDatabaseAPI) database;
		this.timeoutSeconds = timeoutSeconds;
		this.readAccess = SecurityContext.authDisabled(AccessMode.Static.READ, ClientConnectionInfo.EMBEDDED_CONNECTION,
				database.databaseName());
	}

	/**
	 * A transaction that may only read: the database refuses its writes and the tokens a
	 * write would create, as it does for a session in READ access mode.
	 */
	private Transaction begin() {
		return this.database.beginTransaction(KernelTransaction.Type.EXPLICIT, this.readAccess,
				ClientConnectionInfo.EMBEDDED_CONNECTION, this.timeoutSeconds, TimeUnit.SECONDS);
	}

	/**
	 * Runs {@code work} with every read it makes in one transaction (the reads of one
	 * DataLoader batch, say), or in the one already open on this thread.
	 */
	<T> T inOneTransaction(Supplier<T> work) {
		if (this.open.get() != null) {
			return work.get();
		}
		// Never committed: what a statement might have written is rolled back with it.
		try (Transaction tx = begin()) {
			this.open.set(tx);
			return work.get();
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
		finally {
			this.open.remove();
		}
	}

	List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		Transaction open = this.open.get();
		if (open != null) {
			return rows(open, cypher, parameters);
		}
		try (Transaction tx = begin()) {
			return rows(tx, cypher, parameters);
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	private static List<Map<String, Object>> rows(Transaction tx, String cypher, Map<String, Object> parameters) {
		try (Result result = tx.execute(cypher, parameters)) {
			if (result.getQueryExecutionType().queryType() != QueryExecutionType.QueryType.READ_ONLY) {
				throw writeRefused();
			}
			List<String> columns = result.columns();
			List<Map<String, Object>> rows = new ArrayList<>();
			while (result.hasNext()) {
				Map<String, Object> row = result.next();
				Map<String, Object> copy = new LinkedHashMap<>(columns.size() * 2);
				for (String column : columns) {
					copy.put(column, value(row.get(column)));
				}
				rows.add(copy);
			}
			return rows;
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	private static RuntimeException translated(RuntimeException ex) {
		if (ex instanceof Neo4jException) {
			return ex;
		}
		Neo4jException driverLike = asDriverException(ex);
		if (driverLike != null && FORBIDDEN.equals(driverLike.code())) {
			// The only thing a transaction without authentication is forbidden is to
			// write.
			ClientException refused = writeRefused();
			refused.addSuppressed(ex);
			return refused;
		}
		return (driverLike != null) ? driverLike : ex;
	}

	/**
	 * The refusal of a write (before it runs, or when it tries), with the code a session
	 * in READ access mode gives.
	 */
	private static ClientException writeRefused() {
		return new ClientException("Neo.ClientError.Statement.AccessMode",
				"Writing in read access mode not allowed: a read runs statements that only read.");
	}

	/** A value as the driver would have handed it over. */
	static Object value(Object value) {
		if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
				|| value instanceof Double) {
			return value;
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Float number) {
			return number.doubleValue();
		}
		if (value instanceof Character character) {
			return character.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
			map.forEach((key, item) -> copy.put((String) key, value(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(value(item)));
			return copy;
		}
		if (value instanceof byte[]) {
			return value;
		}
		if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> copy = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				copy.add(value(Array.get(value, i)));
			}
			return copy;
		}
		if (value instanceof Point point) {
			int srid = point.getCRS().getCode();
			double[] at = point.getCoordinate().getCoordinate();
			return ((at.length == 3) ? Values.point(srid, at[0], at[1], at[2]) : Values.point(srid, at[0], at[1]))
				.asPoint();
		}
		if (value instanceof DurationValue duration) {
			return Values
				.isoDuration(duration.get(ChronoUnit.MONTHS), duration.get(ChronoUnit.DAYS),
						duration.get(ChronoUnit.SECONDS), (int) duration.get(ChronoUnit.NANOS))
				.asIsoDuration();
		}
		if (value instanceof Entity || value instanceof Path) {
			throw new IllegalArgumentException("A read run in the application's process returns maps and values, not "
					+ value.getClass().getSimpleName() + ": project the entity in the statement");
		}
		// Dates, times and date-times are the same java.time types on both paths.
		return value;
	}

	/**
	 * The driver's exception for the embedded database's failure, by its Neo4j status
	 * code (as the driver makes it from the code Bolt sends), or null when it carries
	 * none.
	 */
	static Neo4jException asDriverException(RuntimeException ex) {
		String code = null;
		if (ex instanceof Status.HasStatus status) {
			code = status.status().code().serialize();
		}
		else if (ex instanceof QueryExecutionException query) {
			code = query.getStatusCode();
		}
		if (code == null) {
			return null;
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : code;
		Neo4jException translated;
		if (code.startsWith("Neo.ClientError.")) {
			translated = new ClientException(code, message);
		}
		else if (code.startsWith("Neo.TransientError.")) {
			translated = new TransientException(code, message);
		}
		else {
			translated = new DatabaseException(code, message);
		}
		// The driver's constructors for a status code take no cause.
		translated.addSuppressed(ex);
		return translated;
	}

}
