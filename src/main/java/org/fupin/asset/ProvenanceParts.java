package org.fupin.asset;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.fupin.graphql.ApiException;

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

	static ProvenanceParts of(DataFetchingFieldSelectionSet selection, AssetKeys keys) {
		return new ProvenanceParts(selection.contains("project") || selection.contains("funding/project"),
				selection.contains("funding/fund"),
				selection.contains("currentOwners/owner") || selection.contains("ownershipHistory/owner"),
				beneficiaries(selection.getFields("incomes/uses/beneficiaries"), keys));
	}

	private static PageKey beneficiaries(List<SelectedField> fields, AssetKeys keys) {
		Set<PageKey> pages = new LinkedHashSet<>();
		for (SelectedField field : fields) {
			Object first = field.getArguments().get("first");
			Object after = field.getArguments().get("after");
			try {
				pages.add(keys.shape(RecordLists.BENEFICIARIES, null, (first instanceof Integer n) ? n : null,
						(after instanceof String cursor) ? cursor : null,
						field.getSelectionSet().contains("totalCount")));
			}
			catch (ApiException ex) {
				return null;
			}
		}
		return (pages.size() == 1) ? pages.iterator().next() : null;
	}

}
