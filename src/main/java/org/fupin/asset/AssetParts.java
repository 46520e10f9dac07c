package org.fupin.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.FieldSelections.Selected;

/**
 * What a query selects of one asset that the single-asset hot path reads along with it:
 * the place path, the owners on each date asked (and their parties), the custody on each
 * date asked (and its custodian and responsible person). A date argument left out is
 * today, as the field resolvers default it.
 */
record AssetParts(boolean places, List<LocalDate> ownerDates, boolean ownerParties, List<LocalDate> custodyDates,
		boolean custodians, boolean responsiblePersons) {

	/**
	 * The parts selected under the fields named {@code path} below the current one
	 * (nothing for the asset itself, {@code "edges", "node"} for the assets of a page).
	 */
	static AssetParts of(DataFetchingEnvironment env, LocalDate today, String... path) {
		Set<String> asset = FieldSelections.of(env, path);
		List<Selected> owners = FieldSelections.fields(env, below(path, "owners"));
		List<Selected> custody = FieldSelections.fields(env, below(path, "custody"));
		return new AssetParts(asset.contains("placePath") || asset.contains("place"), dates(owners, today),
				selects(owners, "owner"), dates(custody, today), selects(custody, "custodian"),
				selects(custody, "responsiblePerson"));
	}

	/** Whether nothing beyond the asset's own properties is asked. */
	boolean none() {
		return !this.places && this.ownerDates.isEmpty() && this.custodyDates.isEmpty();
	}

	private static String[] below(String[] path, String name) {
		String[] longer = Arrays.copyOf(path, path.length + 1);
		longer[path.length] = name;
		return longer;
	}

	private static boolean selects(List<Selected> fields, String child) {
		return fields.stream().anyMatch((field) -> field.names().contains(child));
	}

	private static List<LocalDate> dates(List<Selected> fields, LocalDate today) {
		Set<LocalDate> dates = new LinkedHashSet<>();
		for (Selected field : fields) {
			dates.add((field.argument("asOf") instanceof LocalDate date) ? date : today);
		}
		return new ArrayList<>(dates);
	}

}
