package org.fupin.bulk;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class BulkLoaderTests {

	/**
	 * Every context has the loader, and most never load; only a bulk load needs the
	 * embedded database's Java API, so only a bulk load asks for it.
	 */
	@Test
	void aLoaderThatHasNotLoadedHasNotAskedForTheEmbeddedDatabase() {
		AtomicInteger asked = new AtomicInteger();
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerBeanDefinition("embeddedNeo4j",
				BeanDefinitionBuilder.genericBeanDefinition(DatabaseManagementService.class, () -> {
					asked.incrementAndGet();
					throw new IllegalStateException("No database in this test");
				}).getBeanDefinition());

		new BulkLoader(null, beans.getBeanProvider(DatabaseManagementService.class), null);

		assertThat(asked).hasValue(0);
	}

}
