package org.fupin.party;

/**
 * Filter of organisation lists; every part is optional.
 *
 * @param kind GraphQL {@code OrganisationKind}
 * @param placeCode registered at this place or below it
 * @param nameContains part of the name
 */
public record OrganisationFilter(String kind, String placeCode, String nameContains) {

	static OrganisationFilter orNone(OrganisationFilter filter) {
		return (filter != null) ? filter : new OrganisationFilter(null, null, null);
	}

}
