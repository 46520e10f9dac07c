package org.fupin;

import ac.simons.neo4j.migrations.springframework.boot.autoconfigure.MigrationsAutoConfiguration;
import org.fupin.neo4j.StoreArchiveCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// Neo4j-Migrations is configured by org.fupin.neo4j.MigrationsConfiguration instead.
@SpringBootApplication(exclude = MigrationsAutoConfiguration.class)
@ConfigurationPropertiesScan
public class Application {

	/**
	 * Serves the platform; with {@code --app.backup.to=FILE} or
	 * {@code --app.restore.from=FILE}, backs up or restores the stopped embedded store
	 * instead and exits ({@link StoreArchiveCommand}).
	 */
	public static void main(String[] args) {
		if (StoreArchiveCommand.requested(args)) {
			StoreArchiveCommand.run(args);
			return;
		}
		SpringApplication.run(Application.class, args);
	}

}
