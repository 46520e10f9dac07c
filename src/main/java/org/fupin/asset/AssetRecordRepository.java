package org.fupin.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;
import org.fupin.graphql.PageQuery;
import org.fupin.graphql.Rows;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/**
 * Lean Cypher for what hangs off an asset: ownership periods, custody, operation
 * contracts, income and its beneficiaries, disposal, and the provenance chain. Every
 * per-asset read takes many assets at once, so a response level costs one query.
 */
@Repository
class AssetRecordRepository {

	private static final String OWNER_ID = "coalesce(p.creditCode, p.householdNo, p.code)";

	/** The beneficiaries of the income use {@code parent}. */
	private static final PageQuery BENEFICIARIES = new PageQuery("""
			MATCH (a:Asset)-[:EARNED]->(i:Income)-[:USED_FOR]->(u:IncomeUse {id: parent})-[b:BENEFITS]->(p)
			WITH a, i, u, b, %s AS beneficiaryId""".formatted(OWNER_ID), RecordLists.BENEFICIARIES,
			BeneficiaryShare.PROJECTION);

	private final SingleStatementReads reads;

	AssetRecordRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	/** Ownership periods covering {@code date}, per asset, ordered by owner id. */
	Map<String, List<Ownership>> findOwners(Collection<String> registerNos, LocalDate date, LocalDate today) {
		Map<String, List<Ownership>> owners = new HashMap<>();
		this.reads
			.rows("""
					UNWIND $registerNos AS registerNo
					MATCH (:Asset {registerNo: registerNo})-[o:OWNED_BY]->(p)
					WHERE %s
					WITH registerNo, %s AS row
					RETURN registerNo, row ORDER BY registerNo, row.ownerId, row.validFrom"""
				.formatted(Model.OWNED_BY.period().currentOn("o", "$date"), Ownership.PROJECTION),
					Map.of("registerNos", List.copyOf(registerNos), "date", date))
			.forEach((row) -> {
				String registerNo = (String) row.get("registerNo");
				owners.computeIfAbsent(registerNo, (k) -> new ArrayList<>())
					.add(Ownership.from(registerNo, Row.of(row.get("row")), today));
			});
		return owners;
	}

	/** The custody covering {@code date}, per asset (the latest if records overlap). */
	Map<String, Custody> findCustody(Collection<String> registerNos, LocalDate date) {
		Map<String, Custody> custody = new HashMap<>();
		this.reads
			.rows("""
					UNWIND $registerNos AS registerNo
					MATCH (:Asset {registerNo: registerNo})-[:HAS_CUSTODY]->(c:Custody)
					WHERE %s
					WITH registerNo, c ORDER BY c.validFrom DESC, c.id DESC
					WITH registerNo, head(collect(c)) AS c
					RETURN registerNo, %s AS row""".formatted(Model.CUSTODY.period().currentOn("c", "$date"),
					Custody.PROJECTION), Map.of("registerNos", List.copyOf(registerNos), "date", date))
			.forEach((row) -> {
				String registerNo = (String) row.get("registerNo");
				custody.put(registerNo, Custody.from(registerNo, Row.of(row.get("row"))));
			});
		return custody;
	}

	Map<String, Disposal> findDisposals(Collection<String> registerNos) {
		Map<String, Disposal> disposals = new HashMap<>();
		this.reads
			.rows("""
					UNWIND $registerNos AS registerNo
					MATCH (:Asset {registerNo: registerNo})-[:DISPOSED_BY]->(d:Disposal)
					WITH registerNo, d ORDER BY d.date DESC, d.id DESC
					WITH registerNo, head(collect(d)) AS d
					RETURN registerNo, %s AS row""".formatted(Disposal.PROJECTION),
					Map.of("registerNos", List.copyOf(registerNos)))
			.forEach((row) -> {
				String registerNo = (String) row.get("registerNo");
				disposals.put(registerNo, Disposal.from(registerNo, Row.of(row.get("row"))));
			});
		return disposals;
	}

	/** Ownership periods per asset, by start date then owner id. */
	Map<String, Rows<Ownership>> findOwnershipPages(PageKey shape, Collection<String> registerNos, LocalDate today) {
		PageQuery query = new PageQuery("""
				MATCH (:Asset {registerNo: parent})-[o:OWNED_BY]->(p)
				WITH o, p, %s AS ownerId""".formatted(OWNER_ID), RecordLists.OWNERSHIP, Ownership.PROJECTION);
		return query.fetch(this.reads::rows, registerNos, shape.page(), shape.withTotal(), Map.of(),
				(registerNo, row) -> Ownership.from(registerNo, Row.of(row), today));
	}

	/** Custody records per asset, by start date then id. */
	Map<String, Rows<Custody>> findCustodyPages(PageKey shape, Collection<String> registerNos) {
		PageQuery query = new PageQuery("""
				MATCH (:Asset {registerNo: parent})-[:HAS_CUSTODY]->(c:Custody)
				WITH c""", RecordLists.CUSTODY, Custody.PROJECTION);
		return query.fetch(this.reads::rows, registerNos, shape.page(), shape.withTotal(), Map.of(),
				(registerNo, row) -> Custody.from(registerNo, Row.of(row)));
	}

	/**
	 * Operation contracts per asset, by start date then contract number; only those
	 * running on the key's argument (a date) when it is not null.
	 */
	Map<String, Rows<OperationContract>> findContractPages(PageKey shape, Collection<String> registerNos) {
		Map<String, Object> parameters = new HashMap<>();
		String active = "";
		if (shape.argument() != null) {
			active = " WHERE " + Model.OPERATION_CONTRACT.period().currentOn("k", "$activeOn");
			parameters.put("activeOn", shape.argument());
		}
		PageQuery query = new PageQuery("""
				MATCH (:Asset {registerNo: parent})-[:HAS_CONTRACT]->(k:OperationContract)%s
				WITH k""".formatted(active), RecordLists.CONTRACTS, OperationContract.PROJECTION);
		return query.fetch(this.reads::rows, registerNos, shape.page(), shape.withTotal(), parameters,
				(registerNo, row) -> OperationContract.from(registerNo, Row.of(row)));
	}

	/**
	 * Income records with their uses per asset, by year then id; only one year's when the
	 * key's argument (a year) is not null.
	 */
	Map<String, Rows<Income>> findIncomePages(PageKey shape, Collection<String> registerNos) {
		Map<String, Object> parameters = new HashMap<>();
		String year = "";
		if (shape.argument() != null) {
			year = " WHERE i.year = $year";
			parameters.put("year", shape.argument());
		}
		PageQuery query = new PageQuery("""
				MATCH (:Asset {registerNo: parent})-[:EARNED]->(i:Income)%s
				WITH i""".formatted(year), RecordLists.INCOMES, Income.PROJECTION);
		return query.fetch(this.reads::rows, registerNos, shape.page(), shape.withTotal(), parameters,
				(registerNo, row) -> Income.from(registerNo, Row.of(row)));
	}

	/** Beneficiary shares per income use, by beneficiary id. */
	Map<String, Rows<BeneficiaryShare>> findBeneficiaryPages(PageKey shape, Collection<String> useIds) {
		return BENEFICIARIES.fetch(this.reads::rows, useIds, shape.page(), shape.withTotal(), Map.of(),
				(useId, row) -> BeneficiaryShare.from(Row.of(row)));
	}

	/**
	 * What each party received from assets' income, newest year first, then by use id;
	 * from the assets at or below the place in the shape's argument, when it has one (an
	 * OFFICER's, {@link AssetKeys#scope}).
	 */
	Map<String, Rows<BeneficiaryShare>> findBenefitPages(PageKey shape, Collection<String> partyIds) {
		String scope = (String) shape.argument();
		PageQuery query = new PageQuery("""
				%s
				MATCH (p)<-[b:BENEFITS]-(u:IncomeUse)<-[:USED_FOR]-(i:Income)<-[:EARNED]-(a:Asset)%s
				WITH a, i, u, b, parent AS beneficiaryId""".formatted(Model.BENEFITS.findEnd("parent", "parent", "p"),
				(scope != null) ? " WHERE a.placeCode STARTS WITH $scope" : ""), RecordLists.BENEFITS,
				BeneficiaryShare.PROJECTION);
		return query.fetch(this.reads::rows, partyIds, shape.page(), shape.withTotal(),
				(scope != null) ? Map.of("scope", scope) : Map.of(),
				(partyId, row) -> BeneficiaryShare.from(Row.of(row)));
	}

	/**
	 * Everything of the provenance chain but the asset's derived fields, with the parts
	 * its query selects (the project, the fund sources, the owners' parties, a page of
	 * each income use's beneficiaries), in one query; null when no asset has the register
	 * number. Each part repeats the Cypher of the loader it stands in for.
	 */
	ProvenanceCard findProvenance(String registerNo, ProvenanceParts parts, LocalDate today) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("registerNo", registerNo);
		parameters.put("max", Provenance.MAX_ITEMS);
		List<String> selected = new ArrayList<>();
		if (parts.project()) {
			selected.add(", COLLECT { MATCH (p:Project)-[:FORMED]->(a) RETURN %s AS row } AS projects"
				.formatted(Project.PROJECTION));
		}
		if (parts.funds()) {
			selected.add(", COLLECT { MATCH (f:FundSource)-[:FUNDED]->(pj) RETURN DISTINCT %s AS row } AS funds"
				.formatted(FundSource.PROJECTION));
		}
		if (parts.ownerParties()) {
			selected.add(", {%s} AS parties".formatted(AssetCardRepository.ownerParties("", "true")));
		}
		PageKey beneficiaries = parts.beneficiaries();
		if (beneficiaries != null) {
			Map<String, Object> after = RecordLists.BENEFICIARIES.after(beneficiaries.page().after());
			selected.add("""
					, COLLECT { UNWIND incomes[..$max] AS income UNWIND income.uses AS use
					            WITH DISTINCT use.id AS parent
					            %s
					            RETURN {parent: parent, items: items, total: %s} AS page } AS beneficiaryPages"""
				.formatted(BENEFICIARIES.perParent(after != null, beneficiaries.withTotal()),
						beneficiaries.withTotal() ? "total" : "null"));
			parameters.put("limit", beneficiaries.page().limit());
			if (after != null) {
				parameters.putAll(after);
			}
		}
		return this.reads
			.one("""
					MATCH (a:Asset {registerNo: $registerNo})
					OPTIONAL MATCH (pj:Project)-[:FORMED]->(a)
					WITH a, pj LIMIT 1
					CALL (pj) {
					  MATCH (f:FundSource)-[r:FUNDED]->(pj)
					  WITH f, r, pj AS p ORDER BY f.code
					  RETURN collect(%s) AS funding, sum(r.amount) AS fundingTotal
					}
					CALL (a) {
					  MATCH (a)-[o:OWNED_BY]->(p)
					  WITH o, p ORDER BY o.validFrom, %s
					  RETURN collect(%s) AS ownerships
					}
					CALL (a) {
					  MATCH (a)-[:EARNED]->(i:Income)
					  WITH i ORDER BY i.year, i.id
					  RETURN collect(%s) AS incomes, sum(i.amount) AS incomeTotal,
					         sum(reduce(s = 0, u IN [(i)-[:USED_FOR]->(u:IncomeUse) | u.amount] | s + u)) AS distributedTotal
					}
					CALL (a) {
					  OPTIONAL MATCH (a)-[:EARNED]->(:Income)-[:USED_FOR]->(:IncomeUse)-[b:BENEFITS]->(x)
					  RETURN count(DISTINCT x) AS beneficiaryCount, sum(b.amount) AS beneficiaryTotal
					}
					RETURN %s AS asset, funding[..$max] AS funding, fundingTotal, ownerships[..$max] AS ownerships,
					       incomes[..$max] AS incomes, incomeTotal, distributedTotal, beneficiaryCount, beneficiaryTotal
					"""
				.formatted(FundAllocation.PROJECTION, OWNER_ID, Ownership.PROJECTION, Income.PROJECTION,
						Asset.PROJECTION)
					+ String.join("\n", selected), parameters)
			.map((values) -> provenance(registerNo, new Row(values), today))
			.orElse(null);
	}

	private static ProvenanceCard provenance(String registerNo, Row row, LocalDate today) {
		List<Ownership> history = row.rows("ownerships")
			.stream()
			.map((o) -> Ownership.from(registerNo, o, today))
			.toList();
		Provenance provenance = new Provenance(Asset.from(Row.of(row.values().get("asset"))),
				row.rows("funding").stream().map(FundAllocation::from).toList(), row.money("fundingTotal"), history,
				history.stream().filter(Ownership::current).toList(),
				row.rows("incomes").stream().map((i) -> Income.from(registerNo, i)).toList(), row.money("incomeTotal"),
				row.money("distributedTotal"), row.integer("beneficiaryCount"), row.money("beneficiaryTotal"));
		Map<String, Project> projects = new HashMap<>();
		for (Row project : row.rows("projects")) {
			Project found = Project.from(project);
			projects.put(found.code(), found);
		}
		Map<String, FundSource> funds = new HashMap<>();
		for (Row fund : row.rows("funds")) {
			FundSource found = FundSource.from(fund);
			funds.put(found.code(), found);
		}
		Map<String, Object> parties = row.values().containsKey("parties")
				? AssetCardRepository.parties(Row.of(row.values().get("parties"))) : Map.of();
		Map<String, Rows<BeneficiaryShare>> beneficiaries = new HashMap<>();
		for (Row found : row.rows("beneficiaryPages")) {
			List<BeneficiaryShare> items = found.rows("items").stream().map(BeneficiaryShare::from).toList();
			Object total = found.values().get("total");
			beneficiaries.put(found.str("parent"),
					new Rows<>(items, (total != null) ? ((Number) total).longValue() : null));
		}
		return new ProvenanceCard(provenance, projects, funds, parties, beneficiaries);
	}

}
