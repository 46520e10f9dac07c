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
 * Keeps the README and the guides in {@code docs/} true: every GraphQL sample in them is,
 * character for character, one of the documents that the integration tests execute.
 */
class ReadmeSamplesTests {

	private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	@Test
	void everySampleIsATestedDocument() throws IOException {
		List<String> documents;
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/graphql-test"))) {
			documents = files.map(ReadmeSamplesTests::read).toList();
		}
		List<String> readme = samplesIn(Path.of("README.md"));
		assertThat(readme).hasSizeGreaterThanOrEqualTo(4);
		assertThat(documents).containsAll(readme);
		List<Path> guides;
		try (Stream<Path> files = Files.list(Path.of("docs"))) {
			guides = files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
		List<String> guideSamples = new ArrayList<>();
		for (Path guide : guides) {
			guideSamples.addAll(samplesIn(guide));
		}
		assertThat(guideSamples).hasSizeGreaterThanOrEqualTo(20);
		assertThat(documents).containsAll(guideSamples);
	}

	private static List<String> samplesIn(Path markdown) throws IOException {
		List<String> samples = new ArrayList<>();
		Matcher matcher = GRAPHQL_BLOCK.matcher(Files.readString(markdown));
		while (matcher.find()) {
			samples.add(matcher.group(1).strip());
		}
		return samples;
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
