package org.fupin.asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Lean Cypher for projects, fund sources and the money between them. */
@Repository
class FundingRepository {

	private final Neo4jClient neo4j;

	FundingRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	Map<String, Project> findProjects(Collection<String> codes) {
		Map<String, Project> projects = new HashMap<>();
		this.neo4j.query("MATCH (p:Project) WHERE p.code IN $codes RETURN " + Project.PROJECTION + " AS row")
			.bind(List.copyOf(codes))
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				Project project = Project.from(Row.of(row.get("row")));
				projects.put(project.code(), project);
			});
		return projects;
	}

	Map<String, FundSource> findFundSources(Collection<String> codes) {
		Map<String, FundSource> funds = new HashMap<>();
		this.neo4j.query("MATCH (f:FundSource) WHERE f.code IN $codes RETURN " + FundSource.PROJECTION + " AS row")
			.bind(List.copyOf(codes))
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				FundSource fund = FundSource.from(Row.of(row.get("row")));
				funds.put(fund.code(), fund);
			});
		return funds;
	}

	/** Every allocation to each project, by fund code. A project has a handful. */
	Map<String, List<FundAllocation>> findAllocationsToProjects(Collection<String> projectCodes) {
		Map<String, List<FundAllocation>> allocations = new HashMap<>();
		this.neo4j.query("""
				MATCH (f:FundSource)-[r:FUNDED]->(p:Project) WHERE p.code IN $codes
				RETURN %s AS row ORDER BY p.code, f.code""".formatted(FundAllocation.PROJECTION))
			.bind(List.copyOf(projectCodes))
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				FundAllocation allocation = FundAllocation.from(Row.of(row.get("row")));
				allocations.computeIfAbsent(allocation.projectCode(), (k) -> new ArrayList<>()).add(allocation);
			});
		return allocations;
	}

	/** Allocations of each fund source, by project code. */
	Map<String, Rows<FundAllocation>> findAllocationPages(PageKey shape, Collection<String> fundCodes, String[] after) {
		Map<String, Object> parameters = new HashMap<>();
		String keyset = null;
		if (after != null) {
			keyset = "p.code > $afterCode";
			parameters.put("afterCode", after[0]);
		}
		PagedQuery query = new PagedQuery("""
				MATCH (f:FundSource {code: parent})-[r:FUNDED]->(p:Project)
				WITH f, r, p""", keyset, "p.code", FundAllocation.PROJECTION, shape.withTotal());
		return query.fetch(this.neo4j, fundCodes, shape.page().first() + 1, parameters,
				(fundCode, row) -> FundAllocation.from(row));
	}

}
