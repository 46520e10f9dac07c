package org.fupin.bulk;

import java.time.LocalDate;
import java.util.List;

import org.fupin.bulk.MadeUp.Contract;
import org.fupin.bulk.MadeUp.Custody;
import org.fupin.bulk.MadeUp.Disposal;
import org.fupin.bulk.MadeUp.Income;
import org.fupin.bulk.MadeUp.Use;
import org.fupin.bulk.MadeUpGenerator.Asset;

/**
 * The national dataset's output: what {@link MadeUpGenerator} makes, as the nodes and
 * relationships of a bulk {@link Chunk}, every node marked illustrative. A code of 18
 * characters is an organisation's, one starting with {@code H} a household's, any other a
 * place's.
 */
final class ChunkSink implements MadeUpGenerator.Sink {

	private final Chunk chunk;

	ChunkSink(Chunk chunk) {
		this.chunk = chunk;
	}

	@Override
	public void township(String code, String name, String countyCode) {
		this.chunk.node(GraphTable.TOWNSHIP, Chunk.props("code", code, "name", name, "illustrative", true));
		this.chunk.rel(GraphTable.TOWNSHIP_PART_OF, code, countyCode);
	}

	@Override
	public void organisation(String creditCode, String name, String kind, String enterpriseType, String placeCode) {
		GraphTable table = switch (kind) {
			case "COLLECTIVE" -> GraphTable.COLLECTIVE;
			case "COOPERATIVE" -> GraphTable.COOPERATIVE;
			case "ENTERPRISE" -> GraphTable.ENTERPRISE;
			case "GOVERNMENT_DEPARTMENT" -> GraphTable.GOVERNMENT_DEPARTMENT;
			case "CENTRAL_UNIT" -> GraphTable.CENTRAL_UNIT;
			case "HOSPITAL" -> GraphTable.HOSPITAL;
			case "SCHOOL" -> GraphTable.SCHOOL;
			case "SOCIAL_ORGANISATION" -> GraphTable.SOCIAL_ORGANISATION;
			default -> throw new IllegalArgumentException("No organisation table for the kind " + kind);
		};
		this.chunk.node(table, Chunk.props("creditCode", creditCode, "name", name, "kind", kind, "enterpriseType",
				enterpriseType, "illustrative", true));
		this.chunk.rel(GraphTable.ORGANISATION_LOCATED_IN, creditCode, placeCode);
	}

	@Override
	public void person(String personId, String name, String role, String organisationCode) {
		this.chunk.node(GraphTable.PERSON,
				Chunk.props("personId", personId, "name", name, "role", role, "illustrative", true));
		this.chunk.rel(GraphTable.WORKS_FOR, personId, organisationCode);
	}

	@Override
	public void pairing(String id, String program, String kind, String helperCode, String recipientCode,
			String parentPairingId, LocalDate start, LocalDate end, String status, long investment) {
		this.chunk.node(GraphTable.PAIRING,
				Chunk.props("id", id, "program", program, "kind", kind, "startDate", start, "endDate", end, "status",
						status, "exception", false, "investment", (investment > 0) ? investment : null, "illustrative",
						true));
		this.chunk.rel(organisation(helperCode) ? GraphTable.HELPER_ORGANISATION : GraphTable.HELPER_PLACE, id,
				helperCode);
		this.chunk.rel(organisation(recipientCode) ? GraphTable.RECIPIENT_ORGANISATION : GraphTable.RECIPIENT_PLACE, id,
				recipientCode);
		if (parentPairingId != null) {
			this.chunk.rel(GraphTable.UNDER, id, parentPairingId);
		}
	}

	@Override
	public void staff(String pairingId, String personId, String role, LocalDate start, LocalDate end) {
		this.chunk.rel(GraphTable.STAFFED_BY, pairingId, personId,
				Chunk.props("role", role, "startDate", start, "endDate", end));
	}

	@Override
	public void village(String code, String name, String townshipCode, boolean formerlyPoor, boolean keyVillage,
			boolean relocationSite, long population, long formerlyPoorPopulation) {
		this.chunk.node(GraphTable.VILLAGE,
				Chunk.props("code", code, "name", name, "formerlyPoor", formerlyPoor, "keyVillage", keyVillage,
						"relocationSite", relocationSite, "population", population, "formerlyPoorPopulation",
						formerlyPoorPopulation, "illustrative", true));
		this.chunk.rel(GraphTable.VILLAGE_PART_OF, code, townshipCode);
	}

	@Override
	public void household(String householdNo, String headName, String idNumber, long size, boolean formerlyPoor,
			String villageCode) {
		this.chunk.node(GraphTable.HOUSEHOLD, Chunk.props("householdNo", householdNo, "headName", headName, "idNumber",
				idNumber, "size", size, "formerlyPoor", formerlyPoor, "illustrative", true));
		this.chunk.rel(GraphTable.HOUSEHOLD_LOCATED_IN, householdNo, villageCode);
	}

	@Override
	public void asset(Asset a, String projectCode) {
		this.chunk.node(GraphTable.ASSET,
				Chunk.props("registerNo", a.registerNo, "name", a.name, "type", a.type.type(), "category", a.category,
						"originalValue", a.value, "completionDate", a.completion, "status", a.status, "statusSince",
						a.statusSince, "placeCode", a.placeCode(), "illustrative", true, "version", 0L));
		this.chunk.rel(GraphTable.ASSET_LOCATED_IN, a.registerNo, a.placeCode());
	}

	@Override
	public void ownership(String registerNo, String ownerCode, long share, LocalDate from, LocalDate to,
			String certificateNo, String approvalRef) {
		this.chunk.rel(household(ownerCode) ? GraphTable.OWNED_BY_HOUSEHOLD : GraphTable.OWNED_BY_ORGANISATION,
				registerNo, ownerCode, Chunk.props("share", share, "validFrom", from, "validTo", to, "certificateNo",
						certificateNo, "approvalRef", approvalRef));
	}

	@Override
	public void custody(String id, String registerNo, Custody c) {
		this.chunk.node(GraphTable.CUSTODY, Chunk.props("id", id, "duty", c.duty(), "validFrom", c.from(), "validTo",
				c.to(), "illustrative", true));
		this.chunk.rel(GraphTable.HAS_CUSTODY, registerNo, id);
		this.chunk.rel(GraphTable.CUSTODIAN, id, c.custodianCode());
		this.chunk.rel(GraphTable.RESPONSIBLE_PERSON, id, c.personId());
	}

	@Override
	public void contract(String contractNo, String registerNo, Contract c) {
		this.chunk.node(GraphTable.CONTRACT, Chunk.props("contractNo", contractNo, "mode", c.mode(), "startDate",
				c.start(), "endDate", c.end(), "annualRent", c.rent(), "illustrative", true));
		this.chunk.rel(GraphTable.HAS_CONTRACT, registerNo, contractNo);
		this.chunk.rel(GraphTable.OPERATOR, contractNo, c.operatorCode());
	}

	@Override
	public void income(String id, String registerNo, Income income) {
		this.chunk.node(GraphTable.INCOME,
				Chunk.props("id", id, "year", (long) income.year(), "amount", income.amount(), "illustrative", true));
		this.chunk.rel(GraphTable.EARNED, registerNo, id);
	}

	@Override
	public void incomeUse(String id, String incomeId, Use use) {
		this.chunk.node(GraphTable.INCOME_USE,
				Chunk.props("id", id, "use", use.kind(), "amount", use.amount(), "illustrative", true));
		this.chunk.rel(GraphTable.USED_FOR, incomeId, id);
	}

	@Override
	public void beneficiary(String useId, String beneficiaryCode, long amount) {
		this.chunk.rel(household(beneficiaryCode) ? GraphTable.BENEFITS_HOUSEHOLD : GraphTable.BENEFITS_VILLAGE, useId,
				beneficiaryCode, Chunk.props("amount", amount));
	}

	@Override
	public void transferApproval(String registerNo, LocalDate from, String approvalRef) {
		// Already on the ownership periods it approves.
	}

	@Override
	public void disposal(String id, String registerNo, Disposal d) {
		this.chunk.node(GraphTable.DISPOSAL, Chunk.props("id", id, "mode", d.mode(), "date", d.date(), "approvalRef",
				d.approvalRef(), "proceeds", d.proceeds(), "illustrative", true));
		this.chunk.rel(GraphTable.DISPOSED_BY, registerNo, id);
		if (d.transfereeCode() != null) {
			this.chunk.rel(GraphTable.TRANSFERRED_TO, id, d.transfereeCode());
		}
	}

	@Override
	public void fund(String code, String name, String kind, int year, String providerCode, String pairingId) {
		this.chunk.node(GraphTable.FUND_SOURCE,
				Chunk.props("code", code, "name", name, "kind", kind, "year", (long) year, "illustrative", true));
		if (providerCode != null) {
			this.chunk.rel(organisation(providerCode) ? GraphTable.FUND_PROVIDED_BY_ORGANISATION
					: GraphTable.FUND_PROVIDED_BY_PLACE, code, providerCode);
		}
		if (pairingId != null) {
			this.chunk.rel(GraphTable.FUND_THROUGH, code, pairingId);
		}
	}

	@Override
	public void project(String code, String name, int year, String countyCode, String pairingId, List<Asset> formed) {
		this.chunk.node(GraphTable.PROJECT,
				Chunk.props("code", code, "name", name, "year", (long) year, "illustrative", true));
		this.chunk.rel(GraphTable.PROJECT_LOCATED_IN, code, countyCode);
		if (pairingId != null) {
			this.chunk.rel(GraphTable.PROJECT_THROUGH, code, pairingId);
		}
		formed.forEach((asset) -> this.chunk.rel(GraphTable.FORMED, code, asset.registerNo));
	}

	@Override
	public void funding(String fundCode, String projectCode, long amount) {
		this.chunk.rel(GraphTable.FUNDED, fundCode, projectCode, Chunk.props("amount", amount));
	}

	/** A unified social credit code has 18 characters, a place code at most 12. */
	private static boolean organisation(String code) {
		return code.length() == 18;
	}

	private static boolean household(String code) {
		return code.startsWith("H");
	}

}
