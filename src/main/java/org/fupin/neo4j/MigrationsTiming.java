package org.fupin.neo4j;

import org.fupin.StartupTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Logs how long Neo4j-Migrations took at start-up (its initializer applies them while it
 * is initialised), with the JVM's uptime and the process's CPU time, as the other
 * start-up phases do.
 */
@Configuration(proxyBeanMethods = false)
class MigrationsTiming {

	/** The bean of the Neo4j-Migrations starter that applies them. */
	private static final String INITIALIZER = "neo4jMigrationsInitializer";

	@Bean
	static BeanPostProcessor migrationsTimer() {
		return new BeanPostProcessor() {

			private final Logger log = LoggerFactory.getLogger(MigrationsTiming.class);

			private long started;

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (INITIALIZER.equals(beanName)) {
					this.started = System.nanoTime();
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (INITIALIZER.equals(beanName) && this.started != 0) {
					this.log.info("Migrations checked and applied in {} ms ({})",
							(System.nanoTime() - this.started) / 1_000_000, StartupTimes.now());
				}
				return bean;
			}

		};
	}

}
