package org.fupin.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed illustrative files are exactly what the generator writes, so they can be
 * regenerated after a change to the public facts or to the generator, and never drift
 * from it by hand edits.
 */
class IllustrativeSeedGeneratorTests {

	private static final Path COMMITTED = Path.of("seed", "illustrative");

	@Test
	void theCommittedFilesAreWhatTheGeneratorWrites(@TempDir Path out) throws IOException {
		IllustrativeSeedGenerator.generate(Path.of("seed"), out);
		List<String> generated = names(out);
		assertThat(generated).isEqualTo(names(COMMITTED)).hasSize(21);
		for (String name : generated) {
			assertThat(Files.readString(out.resolve(name))).as(name)
				.isEqualTo(Files.readString(COMMITTED.resolve(name)));
		}
	}

	@Test
	void theDatasetHasTheSizeTheFoundationAsksFor() throws IOException {
		assertThat(SeedLoaderIT.rows("illustrative/villages.csv")).isEqualTo(970);
		assertThat(SeedLoaderIT.rows("illustrative/assets.csv")).isEqualTo(4688);
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
