package org.fupin.place;

import java.util.Map;

/**
 * A node of the administrative division tree, as the API shows it. The records are
 * immutable views of one row of a Cypher map projection.
 */
public sealed interface Place permits Place.Province, Place.Prefecture, Place.County, Place.Township, Place.Village {

	String code();

	String name();

	PlaceLevel level();

	/** How sure the public fact is ({@code sourced}, {@code reported}, ...), or null. */
	String certainty();

	String source();

	boolean illustrative();

	static Place from(Map<String, Object> row) {
		String code = (String) row.get("code");
		Values v = new Values(row);
		return switch (PlaceLevel.ofLength(code.length())) {
			case PROVINCE ->
				new Province(code, v.str("name"), v.str("nameEn"), v.str("region"), v.str("assistanceProgram"),
						v.str("assistanceSource"), v.str("certainty"), v.str("source"), v.bool("illustrative"));
			case PREFECTURE ->
				new Prefecture(code, v.str("name"), v.str("certainty"), v.str("source"), v.bool("illustrative"));
			case COUNTY -> new County(code, v.str("name"), v.bool("formerlyPoor"), v.integer("exitYear"),
					v.bool("nationalKeyCounty"), v.bool("provincialKeyCounty"), v.str("provincialCategory"),
					v.str("certainty"), v.str("source"), v.bool("illustrative"));
			case TOWNSHIP ->
				new Township(code, v.str("name"), v.str("certainty"), v.str("source"), v.bool("illustrative"));
			case VILLAGE -> new Village(code, v.str("name"), v.bool("formerlyPoor"), v.bool("keyVillage"),
					v.bool("relocationSite"), v.integer("population"), v.integer("formerlyPoorPopulation"),
					v.str("certainty"), v.str("source"), v.bool("illustrative"));
		};
	}

	/**
	 * A province; {@code assistanceProgram} is the program that pairs it with the east
	 * (EAST_WEST or COUNTERPART_SUPPORT), a public fact with {@code assistanceSource}.
	 */
	record Province(String code, String name, String nameEn, String region, String assistanceProgram,
			String assistanceSource, String certainty, String source, boolean illustrative) implements Place {

		public PlaceLevel level() {
			return PlaceLevel.PROVINCE;
		}
	}

	record Prefecture(String code, String name, String certainty, String source,
			boolean illustrative) implements Place {

		public PlaceLevel level() {
			return PlaceLevel.PREFECTURE;
		}
	}

	record County(String code, String name, boolean formerlyPoor, Integer exitYear, boolean nationalKeyCounty,
			boolean provincialKeyCounty, String provincialCategory, String certainty, String source,
			boolean illustrative) implements Place {

		public PlaceLevel level() {
			return PlaceLevel.COUNTY;
		}
	}

	record Township(String code, String name, String certainty, String source, boolean illustrative) implements Place {

		public PlaceLevel level() {
			return PlaceLevel.TOWNSHIP;
		}
	}

	record Village(String code, String name, boolean formerlyPoor, boolean keyVillage, boolean relocationSite,
			Integer population, Integer formerlyPoorPopulation, String certainty, String source,
			boolean illustrative) implements Place {

		public PlaceLevel level() {
			return PlaceLevel.VILLAGE;
		}
	}

	/** Typed reads of a projection row, where absent properties are null or false. */
	record Values(Map<String, Object> row) {

		String str(String key) {
			Object value = this.row.get(key);
			return (value != null) ? value.toString() : null;
		}

		boolean bool(String key) {
			return Boolean.TRUE.equals(this.row.get(key));
		}

		Integer integer(String key) {
			Object value = this.row.get(key);
			return (value instanceof Number number) ? number.intValue() : null;
		}
	}

}
