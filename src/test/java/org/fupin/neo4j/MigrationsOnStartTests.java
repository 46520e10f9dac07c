package org.fupin.neo4j;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What the version of a set of migration scripts depends on. */
class MigrationsOnStartTests {

	@TempDir
	Path folder;

	@Test
	void theVersionIsTheScriptsByNameAndContent() throws IOException {
		Path first = script("V0001__one.cypher", "CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.a IS UNIQUE;");
		Path second = script("V0002__two.cypher", "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b);");
		String version = MigrationsOnStart.version(config(first, second));

		assertThat(version).startsWith("2-").hasSize(34);
		assertThat(MigrationsOnStart.version(config(second, first))).isEqualTo(version);
		assertThat(MigrationsOnStart.version(config(first))).startsWith("1-");

		Files.writeString(second, "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.c);");
		assertThat(MigrationsOnStart.version(config(first, second))).isNotEqualTo(version);

		Path renamed = Files.move(second, this.folder.resolve("V0003__two.cypher"));
		Files.writeString(renamed, "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b);");
		assertThat(MigrationsOnStart.version(config(first, renamed))).isNotEqualTo(version);
	}

	@Test
	void aConfigurationARecordInTheDefaultDatabaseCannotStandForHasNone() throws IOException {
		Path script = script("V0001__one.cypher", "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b);");
		assertThat(MigrationsOnStart.version(builder(script).withDatabase("other").build())).isNull();
		assertThat(MigrationsOnStart.version(builder(script).withSchemaDatabase("schema").build())).isNull();
		assertThat(MigrationsOnStart.version(builder(script).withPackagesToScan("org.example").build())).isNull();
		assertThat(MigrationsOnStart.version(builder(script).withLocationsToScan("file:/migrations").build())).isNull();
		assertThat(MigrationsOnStart.version(builder(script).build())).isNotNull();
	}

	private Path script(String name, String text) throws IOException {
		return Files.writeString(this.folder.resolve(name), text);
	}

	private static MigrationsConfig config(Path... scripts) {
		return builder(scripts).build();
	}

	/** Scripts in one class path location, as the scanner would find them. */
	private static MigrationsConfig.Builder builder(Path... scripts) {
		List<URL> urls = new ArrayList<>();
		for (Path script : scripts) {
			try {
				urls.add(script.toUri().toURL());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return MigrationsConfig.builder()
			.withLocationsToScan("classpath:neo4j/migrations")
			.withResourceScanner((paths) -> (paths.equals(List.of("neo4j/migrations"))) ? urls : List.of());
	}

}
