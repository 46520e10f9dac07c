package org.fupin.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.springframework.boot.autoconfigure.MigrationsProperties;
import org.neo4j.driver.Driver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Neo4j-Migrations as its Spring Boot starter configures it from
 * {@code org.neo4j.migrations.*} (the application leaves the starter's auto-configuration
 * out), with two differences. The start applies the migrations through
 * {@link MigrationsOnStart}, which does not ask the library again about scripts the store
 * records as applied. And the migration scripts in {@code locations-to-scan} are found by
 * Spring's resource resolver, which asks the class loader for the locations' directories,
 * instead of by the library's default scanner, which opens and lists every jar of the
 * class path (ClassGraph, once for the scripts, once for the catalogs and once for the
 * callbacks: about 270 nested jars in the fat jar, at every start, also on a store that
 * needs no migration). The scripts found, their versions, checksums and the validation of
 * the store's chain are unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MigrationsProperties.class)
class MigrationsConfiguration {

	/** Named as the starter's. */
	@Bean
	MigrationsConfig neo4jMigrationsConfig(MigrationsProperties properties, ResourceLoader resourceLoader) {
		return MigrationsConfig.builder()
			.withLocationsToScan(properties.getLocationsToScan())
			.withPackagesToScan(properties.getPackagesToScan())
			.withTransactionMode(properties.getTransactionMode())
			.withDatabase(properties.getDatabase())
			.withSchemaDatabase(properties.getSchemaDatabase())
			.withImpersonatedUser(properties.getImpersonatedUser())
			.withInstalledBy(properties.getInstalledBy())
			.withValidateOnMigrate(properties.isValidateOnMigrate())
			.withAutocrlf(properties.isAutocrlf())
			.withResourceScanner(scanner(ResourcePatternUtils.getResourcePatternResolver(resourceLoader)))
			.build();
	}

	@Bean
	Migrations neo4jMigrations(MigrationsConfig config, Driver driver) {
		return new Migrations(config, driver);
	}

	/** Off with {@code org.neo4j.migrations.enabled=false}, as the starter's. */
	@Bean
	@ConditionalOnProperty(prefix = "org.neo4j.migrations", name = "enabled", matchIfMissing = true)
	MigrationsOnStart neo4jMigrationsInitializer(Migrations migrations, MigrationsConfig config, Neo4jClient neo4j) {
		return new MigrationsOnStart(migrations, neo4j, MigrationsOnStart.version(config));
	}

	/**
	 * Every file (no class file, no directory) below each of the given class path
	 * directories, in every class path root that has it, as the library's scanner returns
	 * them.
	 */
	static ClasspathResourceScanner scanner(ResourcePatternResolver resolver) {
		return (paths) -> {
			List<URL> found = new ArrayList<>();
			for (String path : paths) {
				String directory = path.replaceAll("^/+|/+$", "");
				try {
					for (Resource resource : resolver
						.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + directory + "/**/*")) {
						String name = resource.getFilename();
						if (resource.isReadable() && name != null && !name.endsWith(".class")) {
							found.add(resource.getURL());
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot list the migrations in classpath:" + directory, ex);
				}
			}
			return found;
		};
	}

}
