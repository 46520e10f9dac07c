package org.fupin.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerReportTests {

	@Test
	void theGateIsALowerMedianAtOneClientAndTwiceTheThroughputAtEight() {
		Report.Stats platform1 = new Report.Stats(300, 0, 10, 3.0, 4.0, 5.0);
		Report.Stats peer1 = new Report.Stats(250, 0, 10, 3.5, 4.5, 6.0);
		Report.Stats platform8 = new Report.Stats(15000, 0, 10, 5.0, 7.0, 9.0);
		Report.Stats peer8 = new Report.Stats(8000, 0, 10, 9.0, 12.0, 15.0);
		PeerReport.Line one = new PeerReport.Line("assetCard", 1, platform1, peer1, null, new double[] { 1.5, 2.0 });
		PeerReport.Line eight = new PeerReport.Line("assetCard", 8, platform8, peer8,
				new Report.Stats(20000, 0, 10, 2.0, 3.0, 4.0), new double[] { 2.0, 3.25 });

		assertThat(one.gate()).isEqualTo("met");
		assertThat(eight.throughputRatio()).isEqualTo(1.875);
		assertThat(eight.gate()).isEqualTo("MISSED");
		assertThat(eight.floorRatio()).isEqualTo(2.5);
		String table = PeerReport.table(List.of(one, eight));
		assertThat(table.lines().toList().get(0).replaceAll("\\s+", " "))
			.contains("| plat/s p50 p95 p99 | peer/s p50 p95 p99 | floor/s p50 p95 p99 |");
		assertThat(table.lines().toList().get(1)).startsWith("assetCard").contains("| met ").endsWith("1.50-2.00");
		assertThat(table.lines().toList().get(2)).contains(" 1500 ")
			.contains(" 800 ")
			.contains(" 5.00    7.00    9.00 ")
			.contains(" 9.00   12.00   15.00 ")
			.contains(" 2.00    3.00    4.00 ")
			.contains("1.88")
			.contains("MISSED");
	}

	@Test
	void errorsFailTheGate() {
		PeerReport.Line line = new PeerReport.Line("assetCard", 1, new Report.Stats(300, 1, 10, 1.0, 1.0, 1.0),
				new Report.Stats(250, 0, 10, 3.5, 4.5, 6.0), null, new double[] { 1, 1 });

		assertThat(line.gate()).isEqualTo("errors");
	}

	@Test
	void severalRoundsShowTheirMedianRoundAndTheRange() {
		Report.Stats peer = new Report.Stats(10000, 0, 10, 8.0, 9.0, 10.0);
		PeerReport.Line odd = new PeerReport.Line("village", 8,
				List.of(round(19000, peer), round(22000, peer), round(20500, peer)), new double[] { 6, 8 });

		assertThat(odd.median().platform().count()).isEqualTo(20500);
		assertThat(odd.throughputRatio()).isEqualTo(2.05);
		assertThat(odd.gate()).isEqualTo("met");
		assertThat(odd.spread()).isEqualTo("3: 1.90-2.20");
		assertThat(PeerReport.table(List.of(odd)).lines().toList().get(1)).contains("| met       | 3: 1.90-2.20 ");
	}

	@Test
	void ofTwoMiddleRoundsTheOneLessFavourableToThePlatformDecides() {
		Report.Stats peer = new Report.Stats(10000, 0, 10, 8.0, 9.0, 10.0);
		PeerReport.Line even = new PeerReport.Line("village", 8, List.of(round(21000, peer), round(19000, peer)),
				new double[] { 6, 8 });
		Report.Stats peer1 = new Report.Stats(100, 0, 10, 2.0, 3.0, 4.0);
		PeerReport.Line one = new PeerReport.Line("village", 1,
				List.of(p50(1.6, peer1), p50(2.2, peer1), p50(1.8, peer1), p50(1.9, peer1)), new double[] { 1, 2 });

		assertThat(even.throughputRatio()).isEqualTo(1.9);
		assertThat(even.gate()).isEqualTo("MISSED");
		assertThat(one.median().platform().p50()).isEqualTo(1.9);
		assertThat(one.gate()).isEqualTo("met");
		assertThat(one.spread()).isEqualTo("4: 0.80-1.10");
	}

	@Test
	void anErrorInAnyRoundFailsTheGate() {
		Report.Stats peer = new Report.Stats(10000, 0, 10, 8.0, 9.0, 10.0);
		PeerReport.Line line = new PeerReport.Line(
				"village", 8, List.of(round(25000, peer),
						new PeerReport.Round(new Report.Stats(100, 1, 10, 1, 1, 1), peer, null), round(24000, peer)),
				new double[] { 1, 1 });

		assertThat(line.gate()).isEqualTo("errors");
	}

	private static PeerReport.Round round(long platformCount, Report.Stats peer) {
		return new PeerReport.Round(new Report.Stats(platformCount, 0, 10, 4.0, 5.0, 6.0), peer, null);
	}

	private static PeerReport.Round p50(double platformP50, Report.Stats peer) {
		return new PeerReport.Round(new Report.Stats(120, 0, 10, platformP50, 3.0, 4.0), peer, null);
	}

}
