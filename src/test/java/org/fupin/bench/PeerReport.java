package org.fupin.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The table of the peer comparison: per question and client count, throughput, p50, p95
 * and p99 of the platform, of {@code @neo4j/graphql} and of the Cypher floor, the
 * platform's ratios to the peer and to the floor, the gate, and the machine's load
 * average while the line ran.
 * <p>
 * A line may hold several rounds of the same measurement. The peer's own throughput moves
 * by a quarter from one run to the next on a small machine, so one round cannot decide a
 * gate near its bound. The line then shows its median round, chosen by the gate's ratio,
 * and the range of that ratio over all rounds.
 */
final class PeerReport {

	/**
	 * The platform's throughput at 8 clients must be at least this many times the peer's.
	 */
	static final double THROUGHPUT_GATE = 2.0;

	private static final String ROW = "%-24s %3s | %8s %7s %7s %7s | %8s %7s %7s %7s | %8s %7s %7s %7s | %6s %6s %6s | %-9s | %-14s | %s%n";

	private PeerReport() {
	}

	/**
	 * One measurement: the platform, the peer and the floor, one after the other.
	 *
	 * @param floor null when the floor was not run
	 */
	record Round(Report.Stats platform, Report.Stats peer, Report.Stats floor) {

		/** Platform throughput over the peer's. */
		double throughputRatio() {
			return (this.peer.throughput() > 0) ? this.platform.throughput() / this.peer.throughput() : Double.NaN;
		}

		/** Platform p50 over the peer's. */
		double p50Ratio() {
			return (this.peer.p50() > 0) ? this.platform.p50() / this.peer.p50() : Double.NaN;
		}

	}

	/**
	 * One line: a question at one client count, in one round or more.
	 *
	 * @param rounds in the order they ran
	 * @param load the 1-minute load average while the line ran: lowest and highest seen
	 */
	record Line(String question, int clients, List<Round> rounds, double[] load) {

		Line {
			if (rounds.isEmpty()) {
				throw new IllegalArgumentException("A line needs at least one round");
			}
			rounds = List.copyOf(rounds);
		}

		/** A line of one round. */
		Line(String question, int clients, Report.Stats platform, Report.Stats peer, Report.Stats floor,
				double[] load) {
			this(question, clients, List.of(new Round(platform, peer, floor)), load);
		}

		/**
		 * The round whose gate ratio is the median; of an even number, the one of the
		 * middle two that is less favourable to the platform.
		 */
		Round median() {
			List<Round> sorted = this.rounds.stream().sorted(Comparator.comparingDouble(this::advantage)).toList();
			return sorted.get((sorted.size() - 1) / 2);
		}

		/**
		 * The ratio the gate reads: p50 against the peer's at 1 client, else throughput.
		 */
		double gateRatio(Round round) {
			return (this.clients == 1) ? round.p50Ratio() : round.throughputRatio();
		}

		/** The gate's ratio, larger when better for the platform. */
		private double advantage(Round round) {
			return (this.clients == 1) ? -gateRatio(round) : gateRatio(round);
		}

		Report.Stats platform() {
			return median().platform();
		}

		Report.Stats peer() {
			return median().peer();
		}

		Report.Stats floor() {
			return median().floor();
		}

		/** Platform throughput over the peer's, in the median round. */
		double throughputRatio() {
			return median().throughputRatio();
		}

		/** Platform p50 over the peer's, in the median round. */
		double p50Ratio() {
			return median().p50Ratio();
		}

		/** Platform p50 over the floor's, in the median round. */
		double floorRatio() {
			Report.Stats floor = floor();
			return (floor != null && floor.p50() > 0) ? platform().p50() / floor.p50() : Double.NaN;
		}

		/**
		 * The gate for this client count, read in the median round: at 1 client a lower
		 * p50 than the peer, at 8 at least twice its throughput; none at other counts.
		 * Errors in any round fail it.
		 */
		String gate() {
			if (this.rounds.stream().anyMatch((r) -> r.platform().errors() > 0 || r.peer().errors() > 0)) {
				return "errors";
			}
			if (this.clients == 1) {
				return (platform().p50() < peer().p50()) ? "met" : "MISSED";
			}
			if (this.clients == 8) {
				return (throughputRatio() >= THROUGHPUT_GATE) ? "met" : "MISSED";
			}
			return "-";
		}

		/** The number of rounds and the range of the gate's ratio over them. */
		String spread() {
			if (this.rounds.size() == 1) {
				return "1";
			}
			double low = this.rounds.stream().mapToDouble(this::gateRatio).min().orElse(Double.NaN);
			double high = this.rounds.stream().mapToDouble(this::gateRatio).max().orElse(Double.NaN);
			return this.rounds.size() + ": " + ratio(low) + "-" + ratio(high);
		}

	}

	static String table(List<Line> lines) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, ROW, "question", "cl", "plat/s", "p50", "p95", "p99", "peer/s", "p50",
				"p95", "p99", "floor/s", "p50", "p95", "p99", "x peer", "p50/pr", "p50/fl", "gate", "rounds",
				"load 1m"));
		for (Line line : lines) {
			Report.Stats f = line.floor();
			out.append(String.format(Locale.ROOT, ROW, line.question(), line.clients(),
					Report.number(line.platform().throughput()), ms(line.platform().p50()), ms(line.platform().p95()),
					ms(line.platform().p99()), Report.number(line.peer().throughput()), ms(line.peer().p50()),
					ms(line.peer().p95()), ms(line.peer().p99()), (f != null) ? Report.number(f.throughput()) : "-",
					(f != null) ? ms(f.p50()) : "-", (f != null) ? ms(f.p95()) : "-", (f != null) ? ms(f.p99()) : "-",
					ratio(line.throughputRatio()), ratio(line.p50Ratio()), ratio(line.floorRatio()), line.gate(),
					line.spread(), String.format(Locale.ROOT, "%.2f-%.2f", line.load()[0], line.load()[1])));
		}
		out.append("latencies in ms; x peer = platform throughput / peer throughput; p50/pr = platform p50 / peer p50;")
			.append(" p50/fl = platform p50 / floor p50; gate: p50 below the peer's @1, x peer >= ")
			.append(Report.number(THROUGHPUT_GATE))
			.append(" @8; rounds: how many, and the range of the gate's ratio over them")
			.append(" (p50/pr @1, x peer otherwise); a line of several shows its median round")
			.append(System.lineSeparator());
		return out.toString();
	}

	private static String ms(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%.0f" : "%.2f", value);
	}

	private static String ratio(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
	}

}
