package org.fupin.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.fupin.graphql.ApiException;
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

	private static final String GAP = "gap";

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
		Integer afterOrder = null;
		String afterSubject = null;
		String key = PairingCursor.decode(GAP, page.after());
		if (key != null) {
			String[] parts = key.split(":", 2);
			try {
				afterOrder = Integer.valueOf(parts[0]);
				afterSubject = parts[1];
			}
			catch (RuntimeException ex) {
				throw new ApiException(org.fupin.graphql.ErrorCode.INVALID_CURSOR, "after", "'" + page.after()
						+ "' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.");
			}
		}
		CoverageRepository.GapPage found = this.repository.gaps(place, wanted, LocalDate.now(this.clock), afterOrder,
				afterSubject, page.first() + 1);
		return PairingService.connection(new PairingRepository.Rows<>(found.gaps(), found.total()), page,
				(gap) -> PairingCursor.encode(GAP, gap.rule().ordinal() + ":" + gap.subjectId()));
	}

	/**
	 * One row per western province without a code; otherwise one row for the place.
	 */
	public List<PairingSummary> summary(String placeCode) {
		if (placeCode == null) {
			return this.repository.summaries(this.repository.westernProvinces());
		}
		this.places.get(PlaceLevel.ofCode(placeCode, "placeCode"), placeCode, "placeCode");
		return this.repository.summaries(List.of(placeCode));
	}

}
