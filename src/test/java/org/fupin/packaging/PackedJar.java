package org.fupin.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The jar the build packed, for the tests that run after it is packed. */
public final class PackedJar {

	private PackedJar() {
	}

	/** {@code target/fupin-graph-*.jar}; fails if the build has not packed it. */
	public static Path path() throws IOException {
		try (Stream<Path> built = Files.list(Path.of("target"))) {
			return built.filter((file) -> file.getFileName().toString().matches("fupin-graph-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packed jar in target: run ./mvnw package first"));
		}
	}

}
