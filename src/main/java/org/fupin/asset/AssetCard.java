package org.fupin.asset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.party.Organisation;
import org.fupin.party.Person;
import org.fupin.place.Place;

/**
 * One asset with the parts its query selected ({@link AssetParts}), read in one query:
 * the values its DataLoaders would load, keyed as they key them.
 *
 * @param places places of the path by code (codes without a place are absent)
 * @param owners owners per date, ordered by owner id
 * @param parties owner parties by id
 * @param custody custody per date (dates without any are absent)
 * @param organisations custodians by credit code
 * @param persons responsible persons by person id
 */
record AssetCard(Asset asset, Map<String, Place> places, Map<LocalDate, List<Ownership>> owners,
		Map<String, Object> parties, Map<LocalDate, Custody> custody, Map<String, Organisation> organisations,
		Map<String, Person> persons) {
}
