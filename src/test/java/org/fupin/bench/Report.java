package org.fupin.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * The benchmark's table: per operation and client count, throughput, p50, p95, p99 and
 * errors of the GraphQL request and of its Cypher floor, their ratio, and the issue's
 * targets for it, met or missed.
 * <p>
 * A line may stand for several rounds of the same measurement, GraphQL and the floor
 * taking turns to go first: the line is then its median round by the ratio at p50, and
 * its verdicts say the range of that ratio over the rounds.
 */
final class Report {

	/** The bound on GraphQL latency against the Cypher floor (at p50). */
	static final double MAX_RATIO = 1.5;

	private static final String ROW = "%-26s %3s | %8s %7s %7s %7s %5s | %8s %7s %7s %7s %5s | %5s %5s | %s%n";

	private Report() {
	}

	/**
	 * What one way of running an operation measured.
	 *
	 * @param count calls answered without error in the measured window, whose latencies
	 * the percentiles are
	 * @param errors calls that failed: an exception, an HTTP status other than 200, or
	 * GraphQL errors in the answer
	 * @param seconds length of the measured window
	 * @param p50 median latency in milliseconds
	 * @param p95 95th percentile in milliseconds
	 * @param p99 99th percentile in milliseconds
	 */
	record Stats(long count, long errors, double seconds, double p50, double p95, double p99) {

		/**
		 * @param histogram latencies in microseconds of the calls in the window
		 */
		static Stats of(Histogram histogram, long errors, Duration window) {
			return new Stats(histogram.getTotalCount(), errors, window.toNanos() / 1e9,
					histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
					histogram.getValueAtPercentile(99) / 1000.0);
		}

		double throughput() {
			return (this.seconds > 0) ? this.count / this.seconds : 0;
		}

		double metric(String name) {
			return switch (name) {
				case "p50" -> this.p50;
				case "p95" -> this.p95;
				case "p99" -> this.p99;
				case "throughput" -> throughput();
				default -> throw new IllegalArgumentException("Unknown metric " + name);
			};
		}

	}

	/**
	 * One line of the table.
	 *
	 * @param cypher null when the floor was not run
	 * @param rounds the ratio at p50 in every round the line stands for, in the order
	 * they ran; empty for a line of one round
	 */
	record Line(Workload.Operation operation, int clients, Stats graphql, Stats cypher, List<Double> rounds) {

		Line {
			rounds = List.copyOf(rounds);
		}

		/** A line of one round. */
		Line(Workload.Operation operation, int clients, Stats graphql, Stats cypher) {
			this(operation, clients, graphql, cypher, List.of());
		}

		/**
		 * The line of several rounds of one operation: the round whose ratio at p50 is
		 * the median (of an even number, the higher of the middle two), carrying every
		 * round's ratio. A round with failed calls is shown instead, since it is not
		 * judged.
		 */
		static Line ofRounds(List<Line> rounds) {
			if (rounds.size() == 1) {
				return rounds.get(0);
			}
			List<Double> ratios = rounds.stream().map((round) -> round.ratio("p50")).toList();
			Line shown = rounds.stream()
				.filter((round) -> round.errors() > 0)
				.findFirst()
				.orElseGet(() -> rounds.stream()
					.sorted(Comparator.comparingDouble((Line round) -> round.ratio("p50")))
					.toList()
					.get(rounds.size() / 2));
			return new Line(shown.operation(), shown.clients(), shown.graphql(), shown.cypher(), ratios);
		}

		/** GraphQL latency over the floor's at a percentile; NaN without a floor. */
		double ratio(String metric) {
			if (this.cypher == null || this.cypher.metric(metric) <= 0 || this.graphql.count() == 0) {
				return Double.NaN;
			}
			return this.graphql.metric(metric) / this.cypher.metric(metric);
		}

		/** The targets for this client count, each met or missed, and the ratio bound. */
		String verdicts() {
			long errors = errors();
			if (errors > 0) {
				return "not judged: " + errors + " calls failed";
			}
			List<String> verdicts = new ArrayList<>();
			for (Workload.Target target : this.operation.targets()) {
				if (target.clients() != this.clients) {
					continue;
				}
				if (this.graphql.count() == 0) {
					verdicts.add(target + " not measured (no call completed in the window)");
					continue;
				}
				double value = this.graphql.metric(target.metric());
				boolean met = target.atMost() ? value <= target.bound() : value >= target.bound();
				String shown = "throughput".equals(target.metric()) ? number(value) : ms(value);
				verdicts.add(target + (met ? " met" : " MISSED") + " (" + shown + ")");
			}
			double ratio = ratio("p50");
			if (!Double.isNaN(ratio)) {
				verdicts.add("ratio <= " + number(MAX_RATIO) + ((ratio <= MAX_RATIO) ? " met" : " MISSED"));
				if (!this.rounds.isEmpty()) {
					verdicts.add("rounds " + this.rounds.size() + ": r p50 "
							+ Report.ratio(this.rounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
							+ "-"
							+ Report.ratio(this.rounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
				}
			}
			return String.join("; ", verdicts);
		}

		private long errors() {
			return this.graphql.errors() + ((this.cypher != null) ? this.cypher.errors() : 0);
		}

	}

	static String table(List<Line> lines) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, ROW, "operation", "cl", "GQL op/s", "p50", "p95", "p99", "err",
				"Cyp op/s", "p50", "p95", "p99", "err", "r p50", "r p95", "targets (GraphQL)"));
		for (Line line : lines) {
			Stats g = line.graphql();
			Stats c = line.cypher();
			out.append(String.format(Locale.ROOT, ROW, line.operation().name(), line.clients(), number(g.throughput()),
					ms(g.p50()), ms(g.p95()), ms(g.p99()), g.errors(), (c != null) ? number(c.throughput()) : "-",
					(c != null) ? ms(c.p50()) : "-", (c != null) ? ms(c.p95()) : "-", (c != null) ? ms(c.p99()) : "-",
					(c != null) ? String.valueOf(c.errors()) : "-", ratio(line.ratio("p50")), ratio(line.ratio("p95")),
					line.verdicts()));
		}
		out.append("latencies in ms; r = GraphQL / Cypher floor; err = failed calls in the measured window;")
			.append(" a line of several rounds shows its median round and the range of r p50 over them")
			.append(System.lineSeparator());
		return out.toString();
	}

	static String number(double value) {
		if (value >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String ms(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%.0f" : "%.2f", value);
	}

	private static String ratio(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
	}

}
