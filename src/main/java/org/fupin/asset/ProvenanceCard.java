package org.fupin.asset;

import java.util.Map;

import org.fupin.graphql.Rows;

/**
 * A provenance with the parts its query selected ({@link ProvenanceParts}), read in one
 * query, for priming the loaders of those parts.
 *
 * @param projects projects that formed the asset, by code
 * @param funds fund sources of the project's funding, by code
 * @param parties every owner the asset has had, by id
 * @param beneficiaries the asked page of beneficiaries per income use id
 */
record ProvenanceCard(Provenance provenance, Map<String, Project> projects, Map<String, FundSource> funds,
		Map<String, Object> parties, Map<String, Rows<BeneficiaryShare>> beneficiaries) {

}
