package org.fupin.seed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ResourceLoader;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the curated seed dataset (see {@code seed/README.md}) in one transaction: all or
 * nothing. Every node is merged on its natural key and every relationship on its
 * endpoints (and period), so loading twice adds nothing. Each link statement must match
 * every row it is given; a reference to a missing node fails the load instead of being
 * dropped silently.
 *
 * <p>
 * The illustrative history is written for the year {@link #HISTORY_YEAR}: on any day of
 * that year it breaks exactly the rules planted in it. It is loaded shifted by whole
 * years to the year of the day it is seeded (every date, year, and year in a code, name
 * or reference moves alike), so that the demo is right on the day it starts in any year.
 * Public facts are never shifted, and a pairing never starts before the pairing it sits
 * under.
 */
@Component
public class SeedLoader {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private static final int BATCH = 5_000;

	/** The year the illustrative history is written for. */
	static final int HISTORY_YEAR = 2026;

	/**
	 * A year standing alone in a code, name or reference (not inside a longer number).
	 */
	private static final Pattern YEAR = Pattern.compile("(?<![0-9A-Za-z])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])");

	/** Organisation kinds and the labels they add to {@code Organisation}. */
	private static final Map<String, String> ORGANISATION_LABELS = Map.of("COLLECTIVE", "Collective", "ENTERPRISE",
			"Enterprise", "COOPERATIVE", "Cooperative", "GOVERNMENT_DEPARTMENT", "GovernmentDepartment", "CENTRAL_UNIT",
			"CentralUnit", "HOSPITAL", "Hospital", "SCHOOL", "School", "SOCIAL_ORGANISATION", "SocialOrganisation");

	private final Neo4jClient neo4j;

	private final ResourceLoader resources;

	private final SeedProperties properties;

	/** The day of seeding: the date in China, or {@code app.today}. */
	private final Clock clock;

	SeedLoader(Neo4jClient neo4j, ResourceLoader resources, SeedProperties properties, Clock clock) {
		this.neo4j = neo4j;
		this.resources = resources;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one load did. */
	public record Result(String version, boolean skipped, long nodes, long relationships) {
	}

	/**
	 * Loads the dataset unless this exact version was loaded before.
	 */
	@Transactional
	public Result load() {
		long started = System.nanoTime();
		SeedFiles files = new SeedFiles(this.resources, this.properties.location());
		Map<String, List<Map<String, Object>>> data = readAll(files);
		String version = files.version();
		boolean loaded = this.neo4j.query("MATCH (s:SeedRun {version: $version}) RETURN count(s) > 0")
			.bind(version)
			.to("version")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
		if (loaded) {
			log.info("Seed dataset {} is already loaded", version);
			return new Result(version, true, 0, 0);
		}
		int shift = LocalDate.now(this.clock).getYear() - HISTORY_YEAR;
		data.forEach((file, rows) -> {
			if (file.startsWith("illustrative/") && shift != 0) {
				rows.forEach((row) -> shift(row, shift));
			}
		});
		loadPlaces(data);
		loadParties(data);
		loadPairings(data);
		loadFunding(data);
		loadAssets(data);
		new PairingResultsSeed(this.neo4j).load(data, shift);
		this.neo4j
			.query("MERGE (s:SeedRun {version: $version}) SET s.loadedAt = datetime(), s.historyYear = $historyYear, "
					+ "s.yearShift = $shift")
			.bindAll(Map.of("version", version, "historyYear", HISTORY_YEAR, "shift", shift))
			.run();
		Map<String, Object> counts = this.neo4j.query(
				"CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
						+ "RETURN nodes, rels")
			.fetch()
			.one()
			.orElseThrow();
		Result result = new Result(version, false, (Long) counts.get("nodes"), (Long) counts.get("rels"));
		log.info(
				"Seed dataset {} loaded in {} ms: {} nodes, {} relationships; illustrative history moved {} years "
						+ "from {}",
				version, (System.nanoTime() - started) / 1_000_000, result.nodes(), result.relationships(), shift,
				HISTORY_YEAR);
		return result;
	}

	private static Map<String, List<Map<String, Object>>> readAll(SeedFiles files) {
		Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
		for (String file : List.of("places/provinces.csv", "places/prefectures.csv", "places/counties.csv",
				"places/county_pairs.csv", "pairings/province_pairs.csv", "illustrative/townships.csv",
				"illustrative/villages.csv", "illustrative/organisations.csv", "illustrative/households.csv",
				"illustrative/persons.csv", "illustrative/pairings.csv", "illustrative/pairing_people.csv",
				"illustrative/fund_sources.csv", "illustrative/projects.csv", "illustrative/project_funding.csv",
				"illustrative/assets.csv", "illustrative/ownerships.csv", "illustrative/custody.csv",
				"illustrative/operation_contracts.csv", "illustrative/incomes.csv", "illustrative/income_uses.csv",
				"illustrative/income_beneficiaries.csv", "illustrative/disposals.csv",
				"illustrative/transfer_approvals.csv", PairingResultsSeed.RESULTS, PairingResultsSeed.KINDS)) {
			data.put(file, files.exists(file) ? files.read(file) : List.of());
		}
		return data;
	}

	private void loadPlaces(Map<String, List<Map<String, Object>>> data) {
		List<Map<String, Object>> provinces = facts(data.get("places/provinces.csv"));
		nodes("places/provinces.csv", provinces, "Place:Province", "code");
		List<Map<String, Object>> prefectures = facts(data.get("places/prefectures.csv"));
		nodes("places/prefectures.csv", prefectures, "Place:Prefecture", "code", "provinceCode");
		link("places/prefectures.csv", prefectures, """
				MATCH (n:Prefecture {code: row.code})
				WITH row, n
				MATCH (p:Province {code: row.provinceCode})
				MERGE (n)-[:PART_OF]->(p)""");
		List<Map<String, Object>> counties = facts(data.get("places/counties.csv"));
		counties.forEach((row) -> row.putIfAbsent("provincialKeyCounty", false));
		nodes("places/counties.csv", counties, "Place:County", "code", "prefectureCode");
		link("places/counties.csv", counties, """
				MATCH (n:County {code: row.code})
				WITH row, n
				MATCH (p:Prefecture {code: row.prefectureCode})
				MERGE (n)-[:PART_OF]->(p)""");
		List<Map<String, Object>> townships = data.get("illustrative/townships.csv");
		nodes("illustrative/townships.csv", townships, "Place:Township", "code", "countyCode");
		link("illustrative/townships.csv", townships, """
				MATCH (n:Township {code: row.code})
				WITH row, n
				MATCH (p:County {code: row.countyCode})
				MERGE (n)-[:PART_OF]->(p)""");
		List<Map<String, Object>> villages = data.get("illustrative/villages.csv");
		nodes("illustrative/villages.csv", villages, "Place:Village", "code", "townshipCode");
		link("illustrative/villages.csv", villages, """
				MATCH (n:Village {code: row.code})
				WITH row, n
				MATCH (p:Township {code: row.townshipCode})
				MERGE (n)-[:PART_OF]->(p)""");
	}

	private void loadParties(Map<String, List<Map<String, Object>>> data) {
		List<Map<String, Object>> organisations = data.get("illustrative/organisations.csv");
		organisations.stream()
			.collect(Collectors.groupingBy((row) -> label((String) row.get("kind")), LinkedHashMap::new,
					Collectors.toList()))
			.forEach((label, rows) -> nodes("illustrative/organisations.csv", rows, "Organisation:" + label,
					"creditCode", "placeCode"));
		link("illustrative/organisations.csv", organisations, """
				MATCH (n:Organisation {creditCode: row.creditCode})
				WITH row, n
				MATCH (p:Place {code: row.placeCode})
				MERGE (n)-[:LOCATED_IN]->(p)""");
		List<Map<String, Object>> households = data.get("illustrative/households.csv");
		nodes("illustrative/households.csv", households, "Household", "householdNo", "villageCode");
		link("illustrative/households.csv", households, """
				MATCH (n:Household {householdNo: row.householdNo})
				WITH row, n
				MATCH (v:Village {code: row.villageCode})
				MERGE (n)-[:LOCATED_IN]->(v)""");
		List<Map<String, Object>> persons = data.get("illustrative/persons.csv");
		nodes("illustrative/persons.csv", persons, "Person", "personId", "organisationCode");
		link("illustrative/persons.csv", present(persons, "organisationCode"), """
				MATCH (n:Person {personId: row.personId})
				WITH row, n
				MATCH (o:Organisation {creditCode: row.organisationCode})
				MERGE (n)-[:WORKS_FOR]->(o)""");
	}

	private void loadPairings(Map<String, List<Map<String, Object>>> data) {
		List<Map<String, Object>> pairings = new ArrayList<>();
		List<Map<String, Object>> provincePairs = facts(data.get("pairings/province_pairs.csv"));
		Set<String> provincePairIds = provincePairs.stream()
			.map((row) -> (String) row.get("id"))
			.collect(Collectors.toSet());
		for (Map<String, Object> row : provincePairs) {
			String helper = (String) row.get("helperCode");
			row.put("kind", (helper.length() == 2) ? "PROVINCE_PAIR" : "CITY_PAIR");
			row.put("status", "ACTIVE");
			row.putIfAbsent("centralArrangement", false);
			// A city pair sits under its provinces' pair, as a county pair does.
			String parent = "EW-" + helper.substring(0, 2) + "-" + ((String) row.get("recipientCode")).substring(0, 2);
			if ("EAST_WEST".equals(row.get("program")) && helper.length() > 2 && provincePairIds.contains(parent)) {
				row.put("parentPairingId", parent);
			}
			pairings.add(row);
		}
		for (Map<String, Object> pair : facts(data.get("places/county_pairs.csv"))) {
			pairings.add(countyPair(pair, provincePairIds));
		}
		pairings.addAll(data.get("illustrative/pairings.csv"));
		notBeforeParent(pairings);
		String file = "pairings (province_pairs, county_pairs, illustrative/pairings)";
		nodes(file, pairings, "Pairing", "id", "helperCode", "recipientCode", "parentPairingId", "eastName",
				"westName");
		link(file, pairings, """
				MATCH (n:Pairing {id: row.id})
				%s
				MERGE (n)-[:HELPER]->(party)""".formatted(party("row.helperCode")));
		link(file, pairings, """
				MATCH (n:Pairing {id: row.id})
				%s
				MERGE (n)-[:RECIPIENT]->(party)""".formatted(party("row.recipientCode")));
		link(file, present(pairings, "parentPairingId"), """
				MATCH (n:Pairing {id: row.id})
				WITH row, n
				MATCH (p:Pairing {id: row.parentPairingId})
				MERGE (n)-[:UNDER]->(p)""");
		link("illustrative/pairing_people.csv", data.get("illustrative/pairing_people.csv"), """
				MATCH (n:Pairing {id: row.pairingId})
				WITH row, n
				MATCH (p:Person {personId: row.personId})
				MERGE (n)-[r:STAFFED_BY]->(p)
				SET r.role = row.role, r.startDate = row.startDate, r.endDate = row.endDate""");
	}

	/**
	 * Moves every date of an illustrative row, every {@code year}, and every year that
	 * stands alone in a text (codes such as {@code INC-...-2024}, names such as
	 * {@code 2024年...}, approval references such as {@code 〔2024〕}) by {@code years}.
	 */
	static void shift(Map<String, Object> row, int years) {
		row.replaceAll((column, value) -> {
			if (value instanceof LocalDate date) {
				return date.plusYears(years);
			}
			if ("year".equals(column) && value instanceof Long year) {
				return year + years;
			}
			if (value instanceof String text) {
				return YEAR.matcher(text)
					.replaceAll((match) -> String.valueOf(Integer.parseInt(match.group(1)) + years));
			}
			return value;
		});
	}

	/** A pairing that would start before the one it sits under starts with it. */
	private static void notBeforeParent(List<Map<String, Object>> pairings) {
		Map<String, LocalDate> starts = new HashMap<>();
		pairings.forEach((row) -> {
			if (row.get("startDate") != null) {
				starts.put((String) row.get("id"), (LocalDate) row.get("startDate"));
			}
		});
		for (Map<String, Object> row : pairings) {
			LocalDate parentStart = starts.get(row.get("parentPairingId"));
			LocalDate start = (LocalDate) row.get("startDate");
			if (parentStart != null && start != null && start.isBefore(parentStart)
					&& Boolean.TRUE.equals(row.get("illustrative"))) {
				row.put("startDate", parentStart);
			}
		}
	}

	/** A public county-to-county pair becomes a pairing under its provinces' pair. */
	private static Map<String, Object> countyPair(Map<String, Object> pair, Set<String> provincePairIds) {
		String east = (String) pair.get("eastCode");
		String west = (String) pair.get("westCode");
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", "EW-" + east + "-" + west);
		row.put("program", "EAST_WEST");
		row.put("kind", "COUNTY_PAIR");
		row.put("helperCode", east);
		row.put("recipientCode", west);
		String parent = "EW-" + east.substring(0, 2) + "-" + west.substring(0, 2);
		row.put("parentPairingId", provincePairIds.contains(parent) ? parent : null);
		Long startYear = (Long) pair.get("startYear");
		// The public sources give the year only: the date is 1 January, and says so.
		row.put("startDate", (startYear != null) ? LocalDate.of(startYear.intValue(), 1, 1) : null);
		row.put("startDatePrecision", (startYear != null) ? "YEAR" : null);
		row.put("status", "ACTIVE");
		row.put("exception", false);
		row.put("certainty", pair.get("certainty"));
		row.put("source", pair.get("source"));
		row.put("illustrative", false);
		return row;
	}

	private void loadFunding(Map<String, List<Map<String, Object>>> data) {
		List<Map<String, Object>> funds = data.get("illustrative/fund_sources.csv");
		nodes("illustrative/fund_sources.csv", funds, "FundSource", "code", "providerCode", "pairingId");
		link("illustrative/fund_sources.csv", present(funds, "providerCode"), """
				MATCH (n:FundSource {code: row.code})
				%s
				MERGE (n)-[:PROVIDED_BY]->(party)""".formatted(party("row.providerCode")));
		link("illustrative/fund_sources.csv", present(funds, "pairingId"), """
				MATCH (n:FundSource {code: row.code})
				WITH row, n
				MATCH (p:Pairing {id: row.pairingId})
				MERGE (n)-[:THROUGH]->(p)""");
		List<Map<String, Object>> projects = data.get("illustrative/projects.csv");
		nodes("illustrative/projects.csv", projects, "Project", "code", "countyCode", "pairingId");
		link("illustrative/projects.csv", projects, """
				MATCH (n:Project {code: row.code})
				WITH row, n
				MATCH (c:County {code: row.countyCode})
				MERGE (n)-[:LOCATED_IN]->(c)""");
		link("illustrative/projects.csv", present(projects, "pairingId"), """
				MATCH (n:Project {code: row.code})
				WITH row, n
				MATCH (p:Pairing {id: row.pairingId})
				MERGE (n)-[:THROUGH]->(p)""");
		link("illustrative/project_funding.csv", data.get("illustrative/project_funding.csv"), """
				MATCH (f:FundSource {code: row.fundCode})
				WITH row, f
				MATCH (p:Project {code: row.projectCode})
				MERGE (f)-[r:FUNDED]->(p)
				SET r.amount = row.amount""");
	}

	private void loadAssets(Map<String, List<Map<String, Object>>> data) {
		List<Map<String, Object>> assets = data.get("illustrative/assets.csv");
		assets.forEach((row) -> row.put("version", 0L));
		nodes("illustrative/assets.csv", assets, "Asset", "registerNo", "projectCode");
		link("illustrative/assets.csv", assets, """
				MATCH (n:Asset {registerNo: row.registerNo})
				WITH row, n
				MATCH (p:Place {code: row.placeCode})
				MERGE (n)-[:LOCATED_IN]->(p)""");
		link("illustrative/assets.csv", present(assets, "projectCode"), """
				MATCH (n:Asset {registerNo: row.registerNo})
				WITH row, n
				MATCH (p:Project {code: row.projectCode})
				MERGE (p)-[:FORMED]->(n)""");
		link("illustrative/ownerships.csv", data.get("illustrative/ownerships.csv"), """
				MATCH (a:Asset {registerNo: row.registerNo})
				%s
				MERGE (a)-[r:OWNED_BY {validFrom: row.validFrom}]->(party)
				SET r.share = row.share, r.validTo = row.validTo, r.certificateNo = row.certificateNo"""
			.formatted(party("row.ownerCode")));
		List<Map<String, Object>> custody = data.get("illustrative/custody.csv");
		nodes("illustrative/custody.csv", custody, "Custody", "id", "registerNo", "custodianCode",
				"responsiblePersonId");
		link("illustrative/custody.csv", custody, """
				MATCH (n:Custody {id: row.id})
				WITH row, n
				MATCH (a:Asset {registerNo: row.registerNo})
				%s
				MERGE (a)-[:HAS_CUSTODY]->(n)
				MERGE (n)-[:CUSTODIAN]->(party)""".formatted(party("row.custodianCode")));
		link("illustrative/custody.csv", present(custody, "responsiblePersonId"), """
				MATCH (n:Custody {id: row.id})
				WITH row, n
				MATCH (p:Person {personId: row.responsiblePersonId})
				MERGE (n)-[:RESPONSIBLE_PERSON]->(p)""");
		List<Map<String, Object>> contracts = data.get("illustrative/operation_contracts.csv");
		nodes("illustrative/operation_contracts.csv", contracts, "OperationContract", "contractNo", "registerNo",
				"operatorCode");
		link("illustrative/operation_contracts.csv", contracts, """
				MATCH (n:OperationContract {contractNo: row.contractNo})
				WITH row, n
				MATCH (a:Asset {registerNo: row.registerNo})
				%s
				MERGE (a)-[:HAS_CONTRACT]->(n)
				MERGE (n)-[:OPERATOR]->(party)""".formatted(party("row.operatorCode")));
		List<Map<String, Object>> incomes = data.get("illustrative/incomes.csv");
		nodes("illustrative/incomes.csv", incomes, "Income", "id", "registerNo");
		link("illustrative/incomes.csv", incomes, """
				MATCH (n:Income {id: row.id})
				WITH row, n
				MATCH (a:Asset {registerNo: row.registerNo})
				MERGE (a)-[:EARNED]->(n)""");
		List<Map<String, Object>> uses = data.get("illustrative/income_uses.csv");
		nodes("illustrative/income_uses.csv", uses, "IncomeUse", "id", "incomeId");
		link("illustrative/income_uses.csv", uses, """
				MATCH (n:IncomeUse {id: row.id})
				WITH row, n
				MATCH (i:Income {id: row.incomeId})
				MERGE (i)-[:USED_FOR]->(n)""");
		link("illustrative/income_beneficiaries.csv", data.get("illustrative/income_beneficiaries.csv"), """
				MATCH (u:IncomeUse {id: row.useId})
				%s
				MERGE (u)-[r:BENEFITS]->(party)
				SET r.amount = row.amount""".formatted(party("row.beneficiaryCode")));
		List<Map<String, Object>> disposals = data.get("illustrative/disposals.csv");
		nodes("illustrative/disposals.csv", disposals, "Disposal", "id", "registerNo", "transfereeCode");
		link("illustrative/disposals.csv", disposals, """
				MATCH (n:Disposal {id: row.id})
				WITH row, n
				MATCH (a:Asset {registerNo: row.registerNo})
				MERGE (a)-[:DISPOSED_BY]->(n)""");
		link("illustrative/transfer_approvals.csv", data.get("illustrative/transfer_approvals.csv"), """
				MATCH (:Asset {registerNo: row.registerNo})-[r:OWNED_BY {validFrom: row.validFrom}]->()
				SET r.approvalRef = row.approvalRef
				WITH row, count(r) AS periods WHERE periods > 0""");
		link("illustrative/disposals.csv", present(disposals, "transfereeCode"), """
				MATCH (n:Disposal {id: row.id})
				%s
				MERGE (n)-[:TRANSFERRED_TO]->(party)""".formatted(party("row.transfereeCode")));
	}

	/**
	 * Cypher that binds {@code party} to the node a code names: an organisation (credit
	 * code), a household (household number) or a place (statistical code). Each branch is
	 * an index seek; at most one matches.
	 */
	private static String party(String code) {
		return """
				CALL (row) {
				  MATCH (party:Organisation {creditCode: %1$s}) RETURN party
				  UNION
				  MATCH (party:Household {householdNo: %1$s}) RETURN party
				  UNION
				  MATCH (party:Place {code: %1$s}) RETURN party
				}""".formatted(code);
	}

	/**
	 * Merges one node per row on {@code key}; the other columns but {@code references}
	 * become properties.
	 */
	private void nodes(String file, List<Map<String, Object>> rows, String labels, String key, String... references) {
		Set<String> skipped = Set.of(references);
		List<Map<String, Object>> batch = rows.stream().map((row) -> {
			Map<String, Object> properties = new HashMap<>(row);
			properties.keySet().removeAll(skipped);
			properties.remove(key);
			properties.putIfAbsent("illustrative", false);
			return Map.of("key", row.get(key), "properties", properties);
		}).toList();
		link(file, batch, "MERGE (n:%s {%s: row.key}) SET n += row.properties".formatted(labels, key));
	}

	/** Runs {@code statement} for each row; every row must match, or the load fails. */
	private void link(String file, List<Map<String, Object>> rows, String statement) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			long matched = this.neo4j.query("UNWIND $rows AS row " + statement + " RETURN count(*)")
				.bind(batch)
				.to("rows")
				.fetchAs(Long.class)
				.one()
				.orElse(0L);
			if (matched != batch.size()) {
				throw new IllegalStateException("Seed file " + file + ": " + (batch.size() - matched) + " of "
						+ batch.size() + " rows refer to nodes that do not exist ("
						+ statement.lines().findFirst().orElse("") + ")");
			}
		}
	}

	/** Public facts: certainty as the API's enum, and never illustrative. */
	private static List<Map<String, Object>> facts(List<Map<String, Object>> rows) {
		rows.forEach((row) -> {
			Object certainty = row.get("certainty");
			if (certainty != null) {
				row.put("certainty", certainty.toString().toUpperCase(Locale.ROOT));
			}
			row.put("illustrative", false);
		});
		return rows;
	}

	private static List<Map<String, Object>> present(List<Map<String, Object>> rows, String column) {
		Predicate<Map<String, Object>> has = (row) -> row.get(column) != null;
		return rows.stream().filter(has).toList();
	}

	private static String label(String kind) {
		String label = ORGANISATION_LABELS.get(kind);
		if (label == null) {
			throw new IllegalStateException("Seed file illustrative/organisations.csv: unknown kind " + kind);
		}
		return label;
	}

}
