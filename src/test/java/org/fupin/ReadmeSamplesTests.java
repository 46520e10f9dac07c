package org.fupin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README true: every GraphQL sample in it is, character for character, one of
 * the documents that the integration tests execute.
 */
class ReadmeSamplesTests {

	private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	@Test
	void everyReadmeSampleIsATestedDocument() throws IOException {
		List<String> documents;
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/graphql-test"))) {
			documents = files.map(ReadmeSamplesTests::read).toList();
		}
		List<String> samples = new ArrayList<>();
		Matcher matcher = GRAPHQL_BLOCK.matcher(Files.readString(Path.of("README.md")));
		while (matcher.find()) {
			samples.add(matcher.group(1).strip());
		}
		assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
		assertThat(documents).containsAll(samples);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
