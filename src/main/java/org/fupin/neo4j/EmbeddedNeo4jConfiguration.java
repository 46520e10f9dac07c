package org.fupin.neo4j;

import java.net.URI;

import org.fupin.graphql.LoadProperties;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a Neo4j Community DBMS inside the application when no external server is
 * configured, so that a fresh machine needs no install. The application still talks to it
 * through the driver over Bolt, exactly as it would to a real server: the
 * {@link Neo4jConnectionDetails} below replaces Spring Boot's default URI, and because it
 * depends on the DBMS bean the driver starts after the database and closes before it.
 *
 * <p>
 * The DBMS's start runs on a thread of its own ({@link EmbeddedNeo4jStart}) beside
 * Spring's work, and the DBMS bean waits for it: begun by {@code Application.main} as
 * soon as the configuration is read ({@link EmbeddedNeo4jEarlyStart}), or else as soon as
 * the context's bean definitions are known. The web server still opens its port only
 * after the migrations, the seed and the rollups, which need the DBMS.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4jCondition.class)
public class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	/** The bean of the {@link EmbeddedNeo4jStart} of this context. */
	static final String START = "embeddedNeo4jStart";

	/**
	 * Begins the DBMS's start before any other bean is created, unless an
	 * {@link EmbeddedStorePreparer} must work on the store's files first, or takes over
	 * the start {@link EmbeddedNeo4jEarlyStart} began before the context. Static, so that
	 * it runs before this configuration itself is created.
	 */
	@Bean
	static BeanFactoryPostProcessor embeddedNeo4jEarlyStart(Environment environment) {
		return (beanFactory) -> {
			EmbeddedNeo4jStart.Settings settings = settings(beanFactory, environment);
			boolean prepared = beanFactory.getBeanNamesForType(EmbeddedStorePreparer.class, true, false).length > 0;
			if (beanFactory.containsSingleton(START)) {
				EmbeddedNeo4jStart early = beanFactory.getBean(START, EmbeddedNeo4jStart.class);
				if (early.settings().equals(settings) && !prepared) {
					return;
				}
				log.warn(
						"The embedded Neo4j started before the context with {}, the context asks for {}{}; "
								+ "starting it again",
						early.settings(), settings, prepared ? " and a preparation of its store" : "");
				((DefaultListableBeanFactory) beanFactory).destroySingleton(START);
			}
			EmbeddedNeo4jStart start = new EmbeddedNeo4jStart(settings);
			if (!prepared) {
				start.beginInBackground();
			}
			register(beanFactory, start);
		};
	}

	/** Makes {@code start} this context's, shut down with it (also when it fails). */
	static void register(ConfigurableListableBeanFactory beanFactory, EmbeddedNeo4jStart start) {
		beanFactory.registerSingleton(START, start);
		if (beanFactory instanceof DefaultListableBeanFactory registry) {
			registry.registerDisposableBean(START, start);
		}
	}

	/**
	 * This context's settings. The properties are taken from their beans (bound now, and
	 * only once: a data dir of {@code ${random.uuid}} in tests must be the same for every
	 * bean that reads it).
	 */
	private static EmbeddedNeo4jStart.Settings settings(ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		return EmbeddedNeo4jStart.Settings.of(bean(beanFactory, EmbeddedNeo4jProperties.class),
				bean(beanFactory, LoadProperties.class), environment);
	}

	/** The one bean of a type, found without creating any other bean to learn types. */
	private static <T> T bean(ConfigurableListableBeanFactory beanFactory, Class<T> type) {
		String[] names = beanFactory.getBeanNamesForType(type, false, false);
		if (names.length != 1) {
			throw new IllegalStateException("Expected one " + type.getSimpleName() + " bean, found " + names.length);
		}
		return beanFactory.getBean(names[0], type);
	}

	/** The started DBMS; {@link EmbeddedNeo4jStart} shuts it down. */
	@Bean(destroyMethod = "")
	DatabaseManagementService embeddedNeo4j(@Qualifier(START) EmbeddedNeo4jStart start,
			ObjectProvider<EmbeddedStorePreparer> preparers) {
		return start.await(preparers.orderedStream().toList());
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j) {
		GraphDatabaseAPI system = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		int port = system.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		URI uri = URI.create("bolt://127.0.0.1:" + port);
		log.info("Embedded Neo4j ready at {}", uri);
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return AuthTokens.none();
			}
		};
	}

}
