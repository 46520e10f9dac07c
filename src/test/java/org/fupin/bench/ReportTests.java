package org.fupin.bench;

import java.time.Duration;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Percentiles, ratios and verdicts of the benchmark's table. */
class ReportTests {

	private static final Workload.Operation OPERATION = new Workload.Operation("assetByRegisterNo", "one asset",
			"assets", Workload.Parameters.ROW,
			List.of(new Workload.Target(1, "p99", 20, true), new Workload.Target(8, "throughput", 1500, false)),
			"{ x }", "RETURN 1");

	@Test
	void percentilesComeFromTheHistogramInMilliseconds() {
		Report.Stats stats = Report.Stats.of(micros(1, 1000), 3, Duration.ofSeconds(10));
		assertThat(stats.count()).isEqualTo(1000);
		assertThat(stats.errors()).isEqualTo(3);
		assertThat(stats.throughput()).isEqualTo(100.0);
		assertThat(stats.p50()).isEqualTo(0.5);
		assertThat(stats.p95()).isEqualTo(0.95);
		assertThat(stats.p99()).isEqualTo(0.99);
	}

	@Test
	void aLineShowsBothWaysTheirRatioAndTheTargetsOfItsClientCount() {
		Report.Stats graphql = Report.Stats.of(micros(1, 1000), 0, Duration.ofSeconds(10));
		Report.Stats cypher = Report.Stats.of(micros(1, 500), 0, Duration.ofSeconds(1));
		Report.Line line = new Report.Line(OPERATION, 1, graphql, cypher);
		assertThat(line.ratio("p50")).isEqualTo(2.0);
		assertThat(line.verdicts()).isEqualTo("p99 <= 20 ms @1 met (0.99); ratio <= 1.5 MISSED");
		String table = Report.table(List.of(line));
		assertThat(table.lines().toList().get(1)).isEqualTo("assetByRegisterNo            1 |      100    0.50    0.95"
				+ "    0.99     0 |      500    0.25    0.48    0.50     0 |  2.00  2.00 | p99 <= 20 ms @1 met (0.99); "
				+ "ratio <= 1.5 MISSED");
	}

	@Test
	void aThroughputTargetAppliesToItsClientCountOnly() {
		Report.Stats slow = Report.Stats.of(micros(1, 1000), 0, Duration.ofSeconds(10));
		assertThat(new Report.Line(OPERATION, 8, slow, null).verdicts())
			.isEqualTo("throughput >= 1500/s @8 MISSED (100)");
	}

	@Test
	void aLineWithFailedCallsIsNotJudged() {
		// Fast refusals (UNAUTHENTICATED, say) would otherwise meet every latency target.
		Report.Stats failing = Report.Stats.of(micros(1, 10), 990, Duration.ofSeconds(10));
		Report.Stats cypher = Report.Stats.of(micros(1, 500), 2, Duration.ofSeconds(1));
		assertThat(new Report.Line(OPERATION, 1, failing, cypher).verdicts()).isEqualTo("not judged: 992 calls failed");
		assertThat(new Report.Line(OPERATION, 1, Report.Stats.of(micros(1, 10), 0, Duration.ofSeconds(10)), cypher)
			.verdicts()).isEqualTo("not judged: 2 calls failed");
	}

	@Test
	void severalRoundsShowTheirMedianRoundByTheRatioAndItsRange() {
		Report.Stats cypher = new Report.Stats(1000, 0, 10, 4.0, 8.0, 12.0);
		Report.Line line = Report.Line.ofRounds(List.of(round(8.0, cypher), round(4.4, cypher), round(6.4, cypher)));

		assertThat(line.graphql().p50()).isEqualTo(6.4);
		assertThat(line.ratio("p50")).isEqualTo(1.6);
		assertThat(line.rounds()).containsExactly(2.0, 1.1, 1.6);
		assertThat(new Report.Line(OPERATION, 8, line.graphql(), cypher, line.rounds()).verdicts())
			.isEqualTo("throughput >= 1500/s @8 MISSED (500); ratio <= 1.5 MISSED; rounds 3: r p50 1.10-2.00");
		Report.Line even = Report.Line.ofRounds(List.of(round(5.6, cypher), round(6.4, cypher)));
		assertThat(even.ratio("p50")).isEqualTo(1.6);
		assertThat(even.verdicts()).endsWith("ratio <= 1.5 MISSED; rounds 2: r p50 1.40-1.60");
	}

	@Test
	void aRoundWithFailedCallsIsShownInsteadOfTheMedian() {
		Report.Stats cypher = new Report.Stats(1000, 0, 10, 4.0, 8.0, 12.0);
		Report.Line failed = new Report.Line(OPERATION, 8, new Report.Stats(5000, 2, 10, 1.0, 2.0, 3.0), cypher);
		Report.Line line = Report.Line.ofRounds(List.of(round(4.4, cypher), failed, round(5.2, cypher)));

		assertThat(line.graphql().errors()).isEqualTo(2);
		assertThat(line.verdicts()).isEqualTo("not judged: 2 calls failed");
	}

	private static Report.Line round(double graphQlP50, Report.Stats cypher) {
		return new Report.Line(OPERATION, 8, new Report.Stats(5000, 0, 10, graphQlP50, 9.0, 13.0), cypher);
	}

	private static Histogram micros(int from, int to) {
		Histogram histogram = new Histogram(60_000_000L, 3);
		for (int v = from; v <= to; v++) {
			histogram.recordValue(v);
		}
		return histogram;
	}

}
