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
 * A fixed, versioned benchmark workload
 * ({@code src/test/resources/bench/workload-*.yaml}): the queries that sample parameters
 * from the dataset, and the operations, each as a GraphQL document and as the
 * hand-written Cypher that is its floor.
 *
 * @param version results of different versions are not comparable
 * @param warmup how long each operation runs before latencies are recorded
 * @param duration how long latencies are recorded
 * @param samples Cypher per sample name; each row is one parameter set
 * @param operations in the order they run
 */
record Workload(int version, Duration warmup, Duration duration, Map<String, String> samples,
		List<Operation> operations) {

	/** The workload of this version of the code. */
	static final String DEFAULT = "bench/workload-v1.yaml";

	Workload {
		for (Operation operation : operations) {
			if (!samples.containsKey(operation.sample())) {
				throw new IllegalArgumentException(
						"Operation " + operation.name() + " names the sample '" + operation.sample() + "', which "
								+ "the workload does not define; samples: " + samples.keySet());
			}
		}
	}

	/** How the parameters of each call are made. */
	enum Parameters {

		/** A row of the sample, as it is. */
		ROW,

		/**
		 * A valid ownership transfer of a sampled asset: the day after its history last
		 * changed, to a party of its village that does not own it now
		 * ({@link Transfers}).
		 */
		TRANSFER

	}

	/**
	 * One operation of the workload.
	 *
	 * @param name short name, unique in the workload
	 * @param description what it does, in words
	 * @param sample the sample its parameters come from
	 * @param parameters how a call's parameters are made from the sample
	 * @param targets the issue's targets for it (may be empty)
	 * @param graphql the GraphQL document (one operation)
	 * @param cypher the hand-written Cypher of the same operation (one statement)
	 */
	record Operation(String name, String description, String sample, Parameters parameters, List<Target> targets,
			String graphql, String cypher) {

		boolean writes() {
			return this.parameters == Parameters.TRANSFER;
		}

	}

	/**
	 * A target of the issue: a latency percentile at most, or a throughput at least, with
	 * a given number of clients.
	 *
	 * @param clients the client count the target is about
	 * @param metric {@code p50}, {@code p95}, {@code p99} (milliseconds) or
	 * {@code throughput} (operations per second)
	 * @param bound the limit
	 * @param atMost whether the measured value must stay at or below the bound (else at
	 * or above)
	 */
	record Target(int clients, String metric, double bound, boolean atMost) {

		Target {
			if (!List.of("p50", "p95", "p99", "throughput").contains(metric)) {
				throw new IllegalArgumentException(
						"Unknown target metric '" + metric + "'; use p50, p95, p99 or throughput");
			}
		}

		@Override
		public String toString() {
			String unit = "throughput".equals(this.metric) ? "/s" : " ms";
			return this.metric + (this.atMost ? " <= " : " >= ") + Report.number(this.bound) + unit + " @"
					+ this.clients;
		}

	}

	static Workload load(String resource) {
		try (InputStream in = Workload.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No workload on the class path at " + resource);
			}
			return parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Workload parse(InputStream in) {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		Map<String, String> samples = new LinkedHashMap<>();
		map(root, "samples").forEach((name, cypher) -> samples.put(name, (String) cypher));
		List<Operation> operations = new ArrayList<>();
		for (Object item : list(root, "operations")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> op = (Map<String, Object>) item;
			List<Target> targets = new ArrayList<>();
			for (Object t : list(op, "targets")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> target = (Map<String, Object>) t;
				boolean atMost = target.containsKey("atMost");
				Number bound = (Number) (atMost ? target.get("atMost") : required(target, "atLeast"));
				targets.add(new Target(((Number) required(target, "clients")).intValue(),
						(String) required(target, "metric"), bound.doubleValue(), atMost));
			}
			String parameters = (String) op.getOrDefault("parameters", "row");
			operations.add(new Operation((String) required(op, "name"), (String) op.get("description"),
					(String) required(op, "sample"), Parameters.valueOf(parameters.toUpperCase()), List.copyOf(targets),
					(String) required(op, "graphql"), (String) required(op, "cypher")));
		}
		long distinct = operations.stream().map(Operation::name).distinct().count();
		if (distinct != operations.size()) {
			throw new IllegalArgumentException("Operation names must be unique");
		}
		return new Workload(((Number) required(root, "version")).intValue(),
				DurationStyle.detectAndParse(String.valueOf(required(root, "warmup"))),
				DurationStyle.detectAndParse(String.valueOf(required(root, "duration"))), samples,
				List.copyOf(operations));
	}

	Operation operation(String name) {
		return this.operations.stream()
			.filter((op) -> op.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No operation " + name + " in workload v" + this.version));
	}

	private static Object required(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			throw new IllegalArgumentException("The workload lacks '" + key + "' in " + map.keySet());
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> map, String key) {
		return (Map<String, Object>) required(map, key);
	}

	private static List<Object> list(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return (value != null) ? castList(value) : List.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> castList(Object value) {
		return (List<Object>) value;
	}

}
