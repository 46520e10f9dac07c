package org.fupin.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.Connection;
import org.fupin.graphql.PageRequest;
import org.fupin.place.PlaceLevel;
import org.fupin.place.PlaceService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage gaps of the pairing network and the dashboard numbers of coordination offices.
 */
@Service
@Transactional(readOnly = true)
public class CoverageService {

	private final CoverageRepository repository;

	private final PlaceService places;

	/**
	 * What "today" is: the date in China, or {@code app.today} (the asset register's
	 * clock).
	 */
	private final Clock clock;

	CoverageService(CoverageRepository repository, PlaceService places, Clock clock) {
		this.repository = repository;
		this.places = places;
		this.clock = clock;
	}

	/**
	 * Gaps at or below {@code placeCode} (everywhere when null), ordered by rule and
	 * subject.
	 */
	public Connection<CoverageGap> gaps(String placeCode, List<CoverageGapRule> rules, PageRequest page) {
		String place = "";
		if (placeCode != null) {
			this.places.get(PlaceLevel.ofCode(placeCode, "placeCode"), placeCode, "placeCode");
			place = placeCode;
		}
		List<CoverageGapRule> wanted = (rules == null || rules.isEmpty()) ? Arrays.asList(CoverageGapRule.values())
				: rules;
		Map<String, Object> after = PairingCursor.GAPS.after(page.after());
		CoverageRepository.GapPage found = this.repository.gaps(place, wanted, LocalDate.now(this.clock), after,
				page.limit());
		return PairingCursor.GAPS.connection(found.gaps(), page, found.total());
	}

	/**
	 * One row per western province without a code; otherwise one row for the place.
	 */
	public List<PairingSummary> summary(String placeCode) {
		if (placeCode == null) {
			return this.repository.summaries(this.repository.westernProvinces(), LocalDate.now(this.clock));
		}
		this.places.get(PlaceLevel.ofCode(placeCode, "placeCode"), placeCode, "placeCode");
		return this.repository.summaries(List.of(placeCode), LocalDate.now(this.clock));
	}

}
