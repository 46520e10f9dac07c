package org.fupin.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * What a query selects of one asset that the single-asset hot path reads along with it:
 * the place path, the owners on each date asked (and their parties), the custody on each
 * date asked (and its custodian and responsible person). A date argument left out is
 * today, as the field resolvers default it.
 */
record AssetParts(boolean places, List<LocalDate> ownerDates, boolean ownerParties, List<LocalDate> custodyDates,
		boolean custodians, boolean responsiblePersons) {

	static AssetParts of(DataFetchingFieldSelectionSet selection, LocalDate today) {
		return of(selection, "", today);
	}

	/**
	 * The parts selected under {@code prefix} (e.g. {@code edges/node/} for the assets of
	 * a page).
	 */
	static AssetParts of(DataFetchingFieldSelectionSet selection, String prefix, LocalDate today) {
		return new AssetParts(selection.contains(prefix + "placePath") || selection.contains(prefix + "place"),
				dates(selection.getFields(prefix + "owners"), today), selection.contains(prefix + "owners/owner"),
				dates(selection.getFields(prefix + "custody"), today), selection.contains(prefix + "custody/custodian"),
				selection.contains(prefix + "custody/responsiblePerson"));
	}

	/** Whether nothing beyond the asset's own properties is asked. */
	boolean none() {
		return !this.places && this.ownerDates.isEmpty() && this.custodyDates.isEmpty();
	}

	private static List<LocalDate> dates(List<SelectedField> fields, LocalDate today) {
		Set<LocalDate> dates = new LinkedHashSet<>();
		for (SelectedField field : fields) {
			Object asOf = field.getArguments().get("asOf");
			dates.add((asOf instanceof LocalDate date) ? date : today);
		}
		return new ArrayList<>(dates);
	}

}
