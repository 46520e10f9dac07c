package org.fupin.neo4j;

import org.fupin.graphql.GraphQlProperties;
import org.neo4j.driver.Driver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DelegatingTransactionDefinition;

/**
 * The transaction manager, with a timeout on every read-only transaction that names none:
 * {@code app.graphql.request-timeout}, rounded up to whole seconds. The driver sends it
 * with the transaction, so Neo4j itself stops a runaway read (embedded or external
 * alike). Other writes keep no timeout here: the seed and bulk loads run long on purpose,
 * and each mutation gets its own ({@code app.load.write-timeout}, through
 * {@code org.fupin.graphql.Mutations}). Single-statement reads outside a transaction
 * carry the same read timeout ({@link SingleStatementReads}), and the transaction manager
 * shares the bookmark manager of {@link BookmarkConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class TransactionTimeoutConfiguration {

	@Bean(name = "transactionManager")
	PlatformTransactionManager transactionManager(Driver driver, DatabaseSelectionProvider databases,
			Neo4jBookmarkManager bookmarks, GraphQlProperties properties) {
		Neo4jTransactionManager neo4j = Neo4jTransactionManager.with(driver)
			.withDatabaseSelectionProvider(databases)
			.withBookmarkManager(bookmarks)
			.build();
		return new ReadTimeout(neo4j, readTimeoutSeconds(properties));
	}

	/**
	 * The read timeout: {@code app.graphql.request-timeout} rounded up to whole seconds.
	 */
	static int readTimeoutSeconds(GraphQlProperties properties) {
		long millis = properties.requestTimeout().toMillis();
		return (int) Math.max(1, (millis + 999) / 1000);
	}

	/** Gives read-only transactions without a timeout of their own this one. */
	record ReadTimeout(PlatformTransactionManager delegate, int seconds) implements PlatformTransactionManager {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
			if (definition != null && definition.isReadOnly()
					&& definition.getTimeout() == TransactionDefinition.TIMEOUT_DEFAULT) {
				return this.delegate.getTransaction(new DelegatingTransactionDefinition(definition) {
					@Override
					public int getTimeout() {
						return ReadTimeout.this.seconds;
					}
				});
			}
			return this.delegate.getTransaction(definition);
		}

		@Override
		public void commit(TransactionStatus status) throws TransactionException {
			this.delegate.commit(status);
		}

		@Override
		public void rollback(TransactionStatus status) throws TransactionException {
			this.delegate.rollback(status);
		}

	}

}
