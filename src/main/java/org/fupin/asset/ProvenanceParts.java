package org.fupin.asset;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.FieldSelections.Selected;

/**
 * What a query selects of a provenance beyond the chain itself, which its one query reads
 * along with it: the project, the fund sources of its funding, the parties of its owners,
 * and one page of each income use's beneficiaries.
 *
 * @param beneficiaries the page of beneficiaries every use asks (a key without parent),
 * or null when none is asked, or when the uses ask different pages or a page their
 * resolver refuses: those are left for the loader, which reads or refuses them as usual
 */
record ProvenanceParts(boolean project, boolean funds, boolean ownerParties, PageKey beneficiaries) {

	static ProvenanceParts of(DataFetchingEnvironment env, AssetKeys keys) {
		Set<String> funding = FieldSelections.of(env, "funding");
		return new ProvenanceParts(FieldSelections.of(env).contains("project") || funding.contains("project"),
				funding.contains("fund"),
				FieldSelections.of(env, "currentOwners").contains("owner")
						|| FieldSelections.of(env, "ownershipHistory").contains("owner"),
				beneficiaries(FieldSelections.fields(env, "incomes", "uses", "beneficiaries"), keys));
	}

	private static PageKey beneficiaries(List<Selected> fields, AssetKeys keys) {
		Set<PageKey> pages = new LinkedHashSet<>();
		for (Selected field : fields) {
			Object first = field.argument("first");
			Object after = field.argument("after");
			try {
				pages.add(keys.shape(RecordLists.BENEFICIARIES, null, (first instanceof Integer n) ? n : null,
						(after instanceof String cursor) ? cursor : null, field.names().contains("totalCount")));
			}
			catch (ApiException ex) {
				return null;
			}
		}
		return (pages.size() == 1) ? pages.iterator().next() : null;
	}

}
