package org.fupin.neo4j;

import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The application's backup and restore mode: {@code --app.backup.to=FILE} or
 * {@code --app.restore.from=FILE} on the command line runs {@link StoreArchive} on the
 * embedded store named by the usual configuration ({@code app.neo4j.embedded.data-dir})
 * and exits, without starting Neo4j, the web server or anything else. An external server
 * is backed up with its own tooling ({@code neo4j-admin database dump/load}, or
 * {@code backup} in Enterprise), so that is refused here. Not a {@code @Configuration},
 * so the application's component scan leaves it out; it is the source of its own small
 * context.
 */
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class StoreArchiveCommand {

	static final String BACKUP = "app.backup.to";

	static final String RESTORE = "app.restore.from";

	/** Whether the command line asks for a backup or restore. */
	public static boolean requested(String... args) {
		return Arrays.stream(args)
			.anyMatch((arg) -> arg.startsWith("--" + BACKUP + "=") || arg.startsWith("--" + RESTORE + "="));
	}

	/** Runs the backup or restore the arguments ask for; the context is closed after. */
	public static void run(String... args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreArchiveCommand.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(args)) {
			// The runner below did the work.
		}
	}

	@Bean
	ApplicationRunner storeArchiveRunner(Environment environment, EmbeddedNeo4jProperties store) {
		return (ApplicationArguments arguments) -> {
			String uri = environment.getProperty("spring.neo4j.uri");
			if (StringUtils.hasText(uri)) {
				throw new IllegalStateException(
						"spring.neo4j.uri is set (" + uri + "): back up that server with its own"
								+ " tooling, neo4j-admin database dump / load (docs/operations.md).");
			}
			String to = environment.getProperty(BACKUP);
			String from = environment.getProperty(RESTORE);
			if (StringUtils.hasText(to) == StringUtils.hasText(from)) {
				throw new IllegalArgumentException(
						"Give exactly one of --" + BACKUP + "=FILE and --" + RESTORE + "=FILE.");
			}
			Path home = Path.of(store.dataDir());
			if (StringUtils.hasText(to)) {
				StoreArchive.dump(home, Path.of(to));
			}
			else {
				StoreArchive.load(home, Path.of(from));
			}
		};
	}

}
