package org.fupin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.convert.DurationStyle;

/**
 * The questions put to the platform and to its peer, {@code @neo4j/graphql} on Apollo
 * Server ({@code src/test/resources/bench/peer-v1.yaml}): each as the platform's GraphQL
 * document, the peer's, and the hand-written Cypher floor.
 *
 * @param version results of different versions are not comparable
 * @param warmup how long each way runs before latencies are recorded
 * @param duration how long latencies are recorded
 * @param check how many rows of each sample, spread over it, are compared before
 * measuring
 * @param samples Cypher per sample name; each row is one parameter set
 * @param questions in the order they run
 */
record PeerQuestions(int version, Duration warmup, Duration duration, int check, Map<String, String> samples,
		List<Question> questions) {

	static final String DEFAULT = "bench/peer-v1.yaml";

	PeerQuestions {
		for (Question question : questions) {
			if (!samples.containsKey(question.sample())) {
				throw new IllegalArgumentException("Question " + question.name() + " names the sample '"
						+ question.sample() + "', which is not defined; samples: " + samples.keySet());
			}
		}
	}

	/**
	 * One question.
	 *
	 * @param platformItems where the items of the platform's answer are
	 * ({@link Answers#items})
	 * @param peerItems where the items of the peer's answer are
	 */
	record Question(String name, String description, String sample, String platformItems, String peerItems,
			String platform, String peer, String cypher) {

		/** As a workload operation, for the benchmark's shared report and runner. */
		Workload.Operation asOperation() {
			return new Workload.Operation(this.name, this.description, this.sample, Workload.Parameters.ROW, List.of(),
					this.platform, this.cypher);
		}

	}

	static PeerQuestions load(String resource) {
		try (InputStream in = PeerQuestions.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No peer questions on the class path at " + resource);
			}
			return parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static PeerQuestions parse(InputStream in) {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		Map<String, String> samples = new LinkedHashMap<>();
		((Map<String, Object>) required(root, "samples")).forEach((name, cypher) -> samples.put(name, (String) cypher));
		List<Question> questions = new ArrayList<>();
		for (Object item : (List<Object>) required(root, "questions")) {
			Map<String, Object> q = (Map<String, Object>) item;
			questions.add(new Question((String) required(q, "name"), (String) q.get("description"),
					(String) required(q, "sample"), (String) required(q, "platformItems"),
					(String) required(q, "peerItems"), (String) required(q, "platform"), (String) required(q, "peer"),
					(String) required(q, "cypher")));
		}
		return new PeerQuestions(((Number) required(root, "version")).intValue(),
				DurationStyle.detectAndParse(String.valueOf(required(root, "warmup"))),
				DurationStyle.detectAndParse(String.valueOf(required(root, "duration"))),
				((Number) root.getOrDefault("check", 5)).intValue(), samples, List.copyOf(questions));
	}

	private static Object required(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			throw new IllegalArgumentException("The peer questions lack '" + key + "' in " + map.keySet());
		}
		return value;
	}

}
