package org.fupin.neo4j;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.fupin.graphql.GraphQlProperties;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jPersistenceExceptionTranslator;
import org.springframework.data.neo4j.core.UserSelection;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's reads, each one statement, outside any transaction of the caller's.
 * <ul>
 * <li>With the embedded database (the default) a read runs in the application's own
 * process ({@link InProcessReads}): no Bolt round trip, no network thread on either side,
 * no PackStream. Its transaction may only read and carries the read timeout of
 * {@link TransactionTimeoutConfiguration}. It needs no bookmark and no pooled connection.
 * <li>With a real server ({@code spring.neo4j.uri}) it runs as an auto-commit read: one
 * round trip (the statement with its pull) instead of four (begin, run, pull, commit),
 * none of the transaction manager's set-up. It keeps what a read-only transaction gives:
 * the session is in READ access mode (a cluster routes it to a replica), and it carries
 * the same timeout. It starts from the bookmarks of {@link BookmarkConfiguration}'s
 * manager, which the transaction manager and {@code Neo4jClient} share, so a caller
 * reading after its own write sees it, and it adds its own bookmarks to them.
 * </ul>
 * Either way failures are translated as {@code Neo4jClient} translates them, so the error
 * mapping reads them alike. Inside a transaction (a mutation answering with what it
 * wrote) the statement runs in that transaction, and {@link #inOneRead} puts several
 * statements (a DataLoader batch with lists of several shapes) in one read.
 */
@Component
public class SingleStatementReads {

	private final Driver driver;

	private final DatabaseSelectionProvider databases;

	private final Neo4jBookmarkManager bookmarks;

	private final Neo4jClient neo4j;

	private final TransactionConfig config;

	private final InProcessReads inProcess;

	private final TransactionTemplate readOnly;

	private final Neo4jPersistenceExceptionTranslator translator = new Neo4jPersistenceExceptionTranslator();

	SingleStatementReads(Driver driver, DatabaseSelectionProvider databases, Neo4jBookmarkManager bookmarks,
			Neo4jClient neo4j, GraphQlProperties properties, ObjectProvider<DatabaseManagementService> embedded,
			PlatformTransactionManager transactions) {
		this.driver = driver;
		this.databases = databases;
		this.bookmarks = bookmarks;
		this.neo4j = neo4j;
		long timeout = TransactionTimeoutConfiguration.readTimeoutSeconds(properties);
		this.config = TransactionConfig.builder().withTimeout(Duration.ofSeconds(timeout)).build();
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		DatabaseManagementService dbms = embedded.getIfAvailable();
		this.inProcess = (dbms != null)
				? new InProcessReads(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), timeout) : null;
	}

	/**
	 * Runs {@code work} with every read it makes through this class in one read
	 * transaction: the caller's if one is open, otherwise one of its own (in the
	 * application's process when the database is embedded).
	 */
	public <T> T inOneRead(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		if (this.inProcess != null) {
			return translated(() -> this.inProcess.inOneTransaction(work));
		}
		return this.readOnly.execute((status) -> work.get());
	}

	/** The first row of {@code cypher}, if it has any. */
	public Optional<Map<String, Object>> first(String cypher, Map<String, Object> parameters) {
		return rows(cypher, parameters).stream().findFirst();
	}

	/** The one row of {@code cypher}, if it has any; more than one is a failure. */
	public Optional<Map<String, Object>> one(String cypher, Map<String, Object> parameters) {
		List<Map<String, Object>> rows = rows(cypher, parameters);
		if (rows.size() > 1) {
			throw new IncorrectResultSizeDataAccessException(1, rows.size());
		}
		return rows.stream().findFirst();
	}

	/** The rows of {@code cypher}, each as a map of its columns. */
	public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return List.copyOf(this.neo4j.query(cypher).bindAll(parameters).fetch().all());
		}
		if (this.inProcess != null) {
			return translated(() -> this.inProcess.rows(cypher, parameters));
		}
		return translated(() -> {
			Collection<Bookmark> used = this.bookmarks.getBookmarks();
			try (Session session = this.driver.session(Neo4jTransactionUtils.sessionConfig(true, used,
					this.databases.getDatabaseSelection(), UserSelection.connectedUser()))) {
				List<Map<String, Object>> rows = session.run(cypher, parameters, this.config).list(Record::asMap);
				this.bookmarks.updateBookmarks(used, session.lastBookmarks());
				return rows;
			}
		});
	}

	private <T> T translated(Supplier<T> read) {
		try {
			return read.get();
		}
		catch (RuntimeException ex) {
			DataAccessException translated = this.translator.translateExceptionIfPossible(ex);
			throw (translated != null) ? translated : ex;
		}
	}

}
