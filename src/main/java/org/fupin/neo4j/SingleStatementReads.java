package org.fupin.neo4j;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.GraphQlProperties;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jPersistenceExceptionTranslator;
import org.springframework.data.neo4j.core.UserSelection;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read of one statement, run as an auto-commit read when no transaction is open: one
 * round trip to the database (the statement with its pull) instead of four (begin, run,
 * pull, commit) and none of the transaction manager's set-up. It keeps what the read-only
 * transaction gave: the session is in READ access mode (a cluster routes it to a
 * replica), it starts from the bookmarks of {@link BookmarkConfiguration}'s manager,
 * which the transaction manager and {@code Neo4jClient} share (a caller reading after its
 * own write sees it), and adds its own to them; it carries the read timeout of
 * {@link TransactionTimeoutConfiguration}; failures are translated as {@code Neo4jClient}
 * translates them, so the error mapping reads them alike. Inside a transaction (a
 * mutation answering with what it wrote) the statement runs in that transaction.
 */
@Component
public class SingleStatementReads {

	private final Driver driver;

	private final DatabaseSelectionProvider databases;

	private final Neo4jBookmarkManager bookmarks;

	private final Neo4jClient neo4j;

	private final TransactionConfig config;

	private final Neo4jPersistenceExceptionTranslator translator = new Neo4jPersistenceExceptionTranslator();

	SingleStatementReads(Driver driver, DatabaseSelectionProvider databases, Neo4jBookmarkManager bookmarks,
			Neo4jClient neo4j, GraphQlProperties properties) {
		this.driver = driver;
		this.databases = databases;
		this.bookmarks = bookmarks;
		this.neo4j = neo4j;
		this.config = TransactionConfig.builder()
			.withTimeout(Duration.ofSeconds(TransactionTimeoutConfiguration.readTimeoutSeconds(properties)))
			.build();
	}

	/** The rows of {@code cypher}, each as a map of its columns. */
	public Collection<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.neo4j.query(cypher).bindAll(parameters).fetch().all();
		}
		Collection<Bookmark> used = this.bookmarks.getBookmarks();
		try (Session session = this.driver.session(Neo4jTransactionUtils.sessionConfig(true, used,
				this.databases.getDatabaseSelection(), UserSelection.connectedUser()))) {
			List<Map<String, Object>> rows = session.run(cypher, parameters, this.config).list(Record::asMap);
			this.bookmarks.updateBookmarks(used, session.lastBookmarks());
			return rows;
		}
		catch (RuntimeException ex) {
			DataAccessException translated = this.translator.translateExceptionIfPossible(ex);
			throw (translated != null) ? translated : ex;
		}
	}

}
