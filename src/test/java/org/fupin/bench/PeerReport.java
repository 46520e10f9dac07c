package org.fupin.bench;

import java.util.List;
import java.util.Locale;

/**
 * The table of the peer comparison: per question and client count, throughput, p50, p95
 * and p99 of the platform, of {@code @neo4j/graphql} and of the Cypher floor, the
 * platform's ratios to the peer and to the floor, the gate, and the machine's load
 * average while the line ran.
 */
final class PeerReport {

	/**
	 * The platform's throughput at 8 clients must be at least this many times the peer's.
	 */
	static final double THROUGHPUT_GATE = 2.0;

	private static final String ROW = "%-24s %3s | %8s %7s %7s %7s | %8s %7s %7s %7s | %8s %7s %7s %7s | %6s %6s %6s | %-9s | %s%n";

	private PeerReport() {
	}

	/**
	 * One line.
	 *
	 * @param floor null when the floor was not run
	 * @param load the 1-minute load average while the line ran: lowest and highest seen
	 */
	record Line(String question, int clients, Report.Stats platform, Report.Stats peer, Report.Stats floor,
			double[] load) {

		/** Platform throughput over the peer's. */
		double throughputRatio() {
			return (this.peer.throughput() > 0) ? this.platform.throughput() / this.peer.throughput() : Double.NaN;
		}

		/** Platform p50 over the peer's. */
		double p50Ratio() {
			return (this.peer.p50() > 0) ? this.platform.p50() / this.peer.p50() : Double.NaN;
		}

		/** Platform p50 over the floor's. */
		double floorRatio() {
			return (this.floor != null && this.floor.p50() > 0) ? this.platform.p50() / this.floor.p50() : Double.NaN;
		}

		/**
		 * The gate for this client count: at 1 client a lower p50 than the peer, at 8 at
		 * least twice its throughput; none at other counts.
		 */
		String gate() {
			if (this.platform.errors() > 0 || this.peer.errors() > 0) {
				return "errors";
			}
			if (this.clients == 1) {
				return (this.platform.p50() < this.peer.p50()) ? "met" : "MISSED";
			}
			if (this.clients == 8) {
				return (throughputRatio() >= THROUGHPUT_GATE) ? "met" : "MISSED";
			}
			return "-";
		}

	}

	static String table(List<Line> lines) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, ROW, "question", "cl", "plat/s", "p50", "p95", "p99", "peer/s", "p50",
				"p95", "p99", "floor/s", "p50", "p95", "p99", "x peer", "p50/pr", "p50/fl", "gate", "load 1m"));
		for (Line line : lines) {
			Report.Stats f = line.floor();
			out.append(String.format(Locale.ROOT, ROW, line.question(), line.clients(),
					Report.number(line.platform().throughput()), ms(line.platform().p50()), ms(line.platform().p95()),
					ms(line.platform().p99()), Report.number(line.peer().throughput()), ms(line.peer().p50()),
					ms(line.peer().p95()), ms(line.peer().p99()), (f != null) ? Report.number(f.throughput()) : "-",
					(f != null) ? ms(f.p50()) : "-", (f != null) ? ms(f.p95()) : "-", (f != null) ? ms(f.p99()) : "-",
					ratio(line.throughputRatio()), ratio(line.p50Ratio()), ratio(line.floorRatio()), line.gate(),
					String.format(Locale.ROOT, "%.2f-%.2f", line.load()[0], line.load()[1])));
		}
		out.append("latencies in ms; x peer = platform throughput / peer throughput; p50/pr = platform p50 / peer p50;")
			.append(" p50/fl = platform p50 / floor p50; gate: p50 below the peer's @1, x peer >= ")
			.append(Report.number(THROUGHPUT_GATE))
			.append(" @8")
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
