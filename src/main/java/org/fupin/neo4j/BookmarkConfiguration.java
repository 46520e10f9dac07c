package org.fupin.neo4j;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

/**
 * The one bookmark manager of the platform: the transaction manager is given it
 * ({@link TransactionTimeoutConfiguration}), Spring Data Neo4j's {@code Neo4jClient}
 * finds it in the context, and {@link SingleStatementReads} starts every auto-commit read
 * from its bookmarks. So a read after a write, however it runs, waits for that write on a
 * replica (causal consistency).
 */
@Configuration(proxyBeanMethods = false)
class BookmarkConfiguration {

	@Bean
	Neo4jBookmarkManager neo4jBookmarkManager() {
		return Neo4jBookmarkManager.create();
	}

}
