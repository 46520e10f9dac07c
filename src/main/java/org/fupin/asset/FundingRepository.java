package org.fupin.asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.PageQuery;
import org.fupin.graphql.Rows;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/** Lean Cypher for projects, fund sources and the money between them. */
@Repository
class FundingRepository {

	private final SingleStatementReads reads;

	FundingRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	Map<String, Project> findProjects(Collection<String> codes) {
		Map<String, Project> projects = new HashMap<>();
		this.reads
			.rows("MATCH (p:Project) WHERE p.code IN $codes RETURN " + Project.PROJECTION + " AS row",
					Map.of("codes", List.copyOf(codes)))
			.forEach((row) -> {
				Project project = Project.from(Row.of(row.get("row")));
				projects.put(project.code(), project);
			});
		return projects;
	}

	Map<String, FundSource> findFundSources(Collection<String> codes) {
		Map<String, FundSource> funds = new HashMap<>();
		this.reads
			.rows("MATCH (f:FundSource) WHERE f.code IN $codes RETURN " + FundSource.PROJECTION + " AS row",
					Map.of("codes", List.copyOf(codes)))
			.forEach((row) -> {
				FundSource fund = FundSource.from(Row.of(row.get("row")));
				funds.put(fund.code(), fund);
			});
		return funds;
	}

	/** Every allocation to each project, by fund code. A project has a handful. */
	Map<String, List<FundAllocation>> findAllocationsToProjects(Collection<String> projectCodes) {
		Map<String, List<FundAllocation>> allocations = new HashMap<>();
		this.reads
			.rows("""
					MATCH (f:FundSource)-[r:FUNDED]->(p:Project) WHERE p.code IN $codes
					RETURN %s AS row ORDER BY p.code, f.code""".formatted(FundAllocation.PROJECTION),
					Map.of("codes", List.copyOf(projectCodes)))
			.forEach((row) -> {
				FundAllocation allocation = FundAllocation.from(Row.of(row.get("row")));
				allocations.computeIfAbsent(allocation.projectCode(), (k) -> new ArrayList<>()).add(allocation);
			});
		return allocations;
	}

	/** Allocations of each fund source, by project code. */
	Map<String, Rows<FundAllocation>> findAllocationPages(PageKey shape, Collection<String> fundCodes) {
		PageQuery query = new PageQuery("""
				MATCH (f:FundSource {code: parent})-[r:FUNDED]->(p:Project)
				WITH f, r, p""", RecordLists.ALLOCATIONS, FundAllocation.PROJECTION);
		return query.fetch(this.reads::rows, fundCodes, shape.page(), shape.withTotal(), Map.of(),
				(fundCode, row) -> FundAllocation.from(Row.of(row)));
	}

}
