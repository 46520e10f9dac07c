package org.fupin.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The load benchmark's invariant check and the dates its writers use. */
class LoadScenariosTests {

	@Test
	void aChainOfPeriodsWithOneOpenWholeIsIntact() {
		List<Map<String, Object>> rows = List.of(period("2020-01-01", "2022-12-25", 10000L),
				period("2022-12-25", null, 6000L), period("2022-12-25", null, 4000L));
		assertThat(LoadScenarios.Invariants.check("A", rows)).isEmpty();
	}

	@Test
	void twoOpenPeriodsOverlapAndAreReported() {
		List<Map<String, Object>> rows = List.of(period("2020-01-01", null, 10000L),
				period("2030-01-01", null, 10000L));
		assertThat(LoadScenarios.Invariants.check("A", rows))
			.containsExactly("A: the period from 2030-01-01 overlaps the one before", "A: 2 open ownership periods");
	}

	@Test
	void sharesNotAddingUpToAWholeAreReported() {
		List<Map<String, Object>> rows = List.of(period("2020-01-01", "2021-01-01", 10000L),
				period("2021-01-01", null, 6000L), period("2021-01-01", null, 3000L));
		assertThat(LoadScenarios.Invariants.check("A", rows))
			.containsExactly("A: shares [6000, 3000] from 2021-01-01 are not a whole");
	}

	@Test
	void sharesAreReadAsTheStoredHundredthsOfAPercent() {
		assertThat(LoadScenarios.Invariants.isWhole(List.of(3350L, 6650L))).isTrue();
		assertThat(LoadScenarios.Invariants.isWhole(List.of(10, 20, 9970))).isTrue();
		assertThat(LoadScenarios.Invariants.isWhole(List.of(100L))).isFalse();
	}

	@Test
	void everyWriterCallOnAnAssetHasADateOfItsOwnAfterItsLatestPeriod() {
		LoadScenarios.TransferDates dates = new LoadScenarios.TransferDates(List.of(LocalDate.of(2995, 10, 30),
				LocalDate.of(2994, 1, 1), LocalDate.of(2993, 6, 1), LocalDate.of(2995, 12, 31)));
		assertThat(dateOf(LoadScenarios.transfer(0, 0, dates))).isEqualTo("2995-10-31");
		assertThat(dateOf(LoadScenarios.transfer(4, 0, dates))).isEqualTo("2995-11-01");
		assertThat(dateOf(LoadScenarios.transfer(127, 0, dates))).isEqualTo("2996-01-01");
		assertThat(dateOf(LoadScenarios.transfer(3, 1, dates))).isEqualTo("2996-01-02");
		assertThat(dateOf(LoadScenarios.transfer(1, 5, dates))).isEqualTo("2994-01-02");
	}

	@SuppressWarnings("unchecked")
	private static String dateOf(Map<String, Object> body) {
		Map<String, Object> variables = (Map<String, Object>) body.get("variables");
		return (String) ((Map<String, Object>) variables.get("input")).get("date");
	}

	private static Map<String, Object> period(String from, String to, Object share) {
		Map<String, Object> row = new HashMap<>();
		row.put("validFrom", LocalDate.parse(from));
		row.put("validTo", (to != null) ? LocalDate.parse(to) : null);
		row.put("share", share);
		return row;
	}

}
