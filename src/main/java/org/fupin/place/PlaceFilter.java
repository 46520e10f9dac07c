package org.fupin.place;

/**
 * Every filter of the place lists; each GraphQL filter input binds to the fields it has.
 *
 * @param nameContains part of the Chinese name
 * @param parentCode code of any ancestor: a province code finds everything below it
 * @param region province region
 * @param formerlyPoor 脱贫县 / 脱贫村
 * @param nationalKeyCounty 国家乡村振兴重点帮扶县
 * @param keyVillage 重点帮扶村
 * @param relocationSite 易地扶贫搬迁安置区
 */
public record PlaceFilter(String nameContains, String parentCode, String region, Boolean formerlyPoor,
		Boolean nationalKeyCounty, Boolean keyVillage, Boolean relocationSite) {

	public static final PlaceFilter NONE = new PlaceFilter(null, null, null, null, null, null, null);

	public static PlaceFilter orNone(PlaceFilter filter) {
		return (filter != null) ? filter : NONE;
	}

	PlaceFilter withParentCode(String code) {
		return new PlaceFilter(this.nameContains, code, this.region, this.formerlyPoor, this.nationalKeyCounty,
				this.keyVillage, this.relocationSite);
	}

}
