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

}
