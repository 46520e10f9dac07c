package org.fupin.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rows of a sample the peer run checks both sides on. */
class PeerRunTests {

	@Test
	void theCheckedRowsSpreadOverTheWholeSample() {
		List<Integer> rows = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(PeerRun.spread(rows, 5)).containsExactly(0, 3, 6, 9, 12);
		assertThat(PeerRun.spread(rows, 1)).containsExactly(0);
		assertThat(PeerRun.spread(rows, 13)).isEqualTo(rows);
		assertThat(PeerRun.spread(List.of(7, 8), 5)).containsExactly(7, 8);
	}

}
