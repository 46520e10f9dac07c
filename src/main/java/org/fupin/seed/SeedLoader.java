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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.fupin.StartupTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;

import org.fupin.graph.Model;
import org.fupin.graph.NodeType;
import org.fupin.pairing.PairingPlaces;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	/** The year the illustrative history is written for. */
	static final int HISTORY_YEAR = 2026;

	/**
	 * A year standing alone in a code, name or reference (not inside a longer number).
	 */
	private static final Pattern YEAR = Pattern.compile("(?<![0-9A-Za-z])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])");

	/** The seed's files, in the order their bytes make its version. */
	private static final List<String> FILES = List.of("places/provinces.csv", "places/prefectures.csv",
			"places/counties.csv", "places/county_pairs.csv", "pairings/province_pairs.csv",
			"illustrative/townships.csv", "illustrative/villages.csv", "illustrative/organisations.csv",
			"illustrative/households.csv", "illustrative/persons.csv", "illustrative/pairings.csv",
			"illustrative/pairing_people.csv", "illustrative/fund_sources.csv", "illustrative/projects.csv",
			"illustrative/project_funding.csv", "illustrative/assets.csv", "illustrative/ownerships.csv",
			"illustrative/custody.csv", "illustrative/operation_contracts.csv", "illustrative/incomes.csv",
			"illustrative/income_uses.csv", "illustrative/income_beneficiaries.csv", "illustrative/disposals.csv",
			"illustrative/transfer_approvals.csv", PairingResultsSeed.RESULTS, PairingResultsSeed.KINDS);

	private final Neo4jClient neo4j;

	/** The embedded database, or none when the platform talks to a server. */
	private final ObjectProvider<DatabaseManagementService> embedded;

	private final ResourceLoader resources;

	private final SeedProperties properties;

	/** The day of seeding: the date in China, or {@code app.today}. */
	private final Clock clock;

	private final TransactionTemplate transaction;

	SeedLoader(Neo4jClient neo4j, ObjectProvider<DatabaseManagementService> embedded, ResourceLoader resources,
			SeedProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.neo4j = neo4j;
		this.embedded = embedded;
		this.resources = resources;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * What one load did.
	 *
	 * @param yearShift whole years the illustrative history moved
	 */
	public record Result(String version, boolean skipped, long nodes, long relationships, int yearShift) {
	}

	/**
	 * A load's result, with when its rows were written (before the commit), so that the
	 * log can tell writing and committing apart.
	 */
	record Written(Result result, long nanoTime) {
	}

	/**
	 * Loads the dataset unless this exact version was loaded before, and says so once its
	 * transaction has committed: a load whose commit fails is never logged as loaded. A
	 * new embedded store (one without a node of any declared type) is written through the
	 * embedded Java API, anything else merged by Cypher through the driver; both write
	 * the same graph.
	 */
	public Result load() {
		long started = System.nanoTime();
		String way = "the embedded Java API";
		Written written = loadIntoNewEmbeddedStore();
		if (written == null) {
			way = "Cypher";
			written = loadByCypher();
		}
		long committed = System.nanoTime();
		Result result = written.result();
		if (result.skipped()) {
			log.info("Seed dataset {} is already loaded (checked in {} ms; {})", result.version(),
					(committed - started) / 1_000_000, StartupTimes.now());
		}
		else {
			log.info(
					"Seed dataset {} loaded in {} ms, committed in {} ms of them: {} nodes, {} relationships; "
							+ "illustrative history moved {} years from {}; written through {} ({})",
					result.version(), (committed - started) / 1_000_000, (committed - written.nanoTime()) / 1_000_000,
					result.nodes(), result.relationships(), result.yearShift(), HISTORY_YEAR, way, StartupTimes.now());
		}
		return result;
	}

	/** Merges the dataset by Cypher in a Spring transaction. */
	Written loadByCypher() {
		return this.transaction
			.execute((status) -> new Written(load(new RowWriter(this.neo4j, Model.GRAPH)), System.nanoTime()));
	}

	/**
	 * Writes the dataset through the embedded Java API in one transaction of the embedded
	 * database, if the platform runs one and it holds no node of a declared type yet;
	 * else null.
	 */
	Written loadIntoNewEmbeddedStore() {
		DatabaseManagementService dbms = this.embedded.getIfAvailable();
		if (dbms == null) {
			return null;
		}
		try (Transaction tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
			for (NodeType type : Model.GRAPH.nodes()) {
				try (ResourceIterator<Node> nodes = tx.findNodes(Label.label(type.idSpace()))) {
					if (nodes.hasNext()) {
						return null;
					}
				}
			}
			Written done = new Written(load(new RowWriter(new EmbeddedRowTarget(tx), Model.GRAPH)), System.nanoTime());
			tx.commit();
			return done;
		}
	}

	private Result load(RowWriter writer) {
		SeedFiles files = new SeedFiles(this.resources, this.properties.location());
		String version = files.version(FILES);
		boolean loaded = Boolean.TRUE.equals(writer
			.single("MATCH (s:SeedRun {version: $version}) RETURN count(s) > 0 AS loaded", Map.of("version", version))
			.get("loaded"));
		if (loaded) {
			return new Result(version, true, 0, 0, 0);
		}
		Map<String, List<Map<String, Object>>> data = readAll(files);
		int shift = LocalDate.now(this.clock).getYear() - HISTORY_YEAR;
		data.forEach((file, rows) -> {
			if (file.startsWith("illustrative/") && shift != 0) {
				rows.forEach((row) -> shift(row, shift));
			}
		});
		loadPlaces(writer, data);
		loadParties(writer, data);
		loadPairings(writer, data);
		// In the load's transaction: a seeded store never lacks them.
		writer.single("MATCH (p:Pairing) " + PairingPlaces.SET + " RETURN count(p) AS pairings", Map.of());
		loadFunding(writer, data);
		loadAssets(writer, data);
		new PairingResultsSeed(writer).load(data, shift);
		writer.single(
				"MERGE (s:SeedRun {version: $version}) SET s.loadedAt = datetime(), s.historyYear = $historyYear, "
						+ "s.yearShift = $shift",
				Map.of("version", version, "historyYear", (long) HISTORY_YEAR, "shift", (long) shift));
		Map<String, Object> counts = writer.single(
				"CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
						+ "RETURN nodes, rels",
				Map.of());
		return new Result(version, false, (Long) counts.get("nodes"), (Long) counts.get("rels"), shift);
	}

	private static Map<String, List<Map<String, Object>>> readAll(SeedFiles files) {
		Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
		for (String file : FILES) {
			data.put(file, files.exists(file) ? files.read(file) : List.of());
		}
		return data;
	}

	private static void loadPlaces(RowWriter writer, Map<String, List<Map<String, Object>>> data) {
		writer.nodes("places/provinces.csv", Model.PROVINCE, null, facts(data.get("places/provinces.csv")));
		writer.nodes("places/prefectures.csv", Model.PREFECTURE, null, facts(data.get("places/prefectures.csv")));
		List<Map<String, Object>> counties = facts(data.get("places/counties.csv"));
		counties.forEach((row) -> row.putIfAbsent("provincialKeyCounty", false));
		writer.nodes("places/counties.csv", Model.COUNTY, null, counties);
		writer.nodes("illustrative/townships.csv", Model.TOWNSHIP, null, data.get("illustrative/townships.csv"));
		writer.nodes("illustrative/villages.csv", Model.VILLAGE, null, data.get("illustrative/villages.csv"));
	}

	private static void loadParties(RowWriter writer, Map<String, List<Map<String, Object>>> data) {
		data.get("illustrative/organisations.csv")
			.stream()
			.collect(Collectors.groupingBy((row) -> label((String) row.get("kind")), LinkedHashMap::new,
					Collectors.toList()))
			.forEach((label, rows) -> writer.nodes("illustrative/organisations.csv", Model.ORGANISATION, label, rows));
		writer.nodes("illustrative/households.csv", Model.HOUSEHOLD, null, data.get("illustrative/households.csv"));
		writer.nodes("illustrative/persons.csv", Model.PERSON, null, data.get("illustrative/persons.csv"));
	}

	private static void loadPairings(RowWriter writer, Map<String, List<Map<String, Object>>> data) {
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
		writer.nodes(file, Model.PAIRING, null, pairings);
		writer.relationships("illustrative/pairing_people.csv", Model.STAFFED_BY,
				data.get("illustrative/pairing_people.csv"));
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

	private static void loadFunding(RowWriter writer, Map<String, List<Map<String, Object>>> data) {
		writer.nodes("illustrative/fund_sources.csv", Model.FUND_SOURCE, null,
				data.get("illustrative/fund_sources.csv"));
		writer.nodes("illustrative/projects.csv", Model.PROJECT, null, data.get("illustrative/projects.csv"));
		writer.relationships("illustrative/project_funding.csv", Model.FUNDED,
				data.get("illustrative/project_funding.csv"));
	}

	private static void loadAssets(RowWriter writer, Map<String, List<Map<String, Object>>> data) {
		List<Map<String, Object>> assets = data.get("illustrative/assets.csv");
		assets.forEach((row) -> row.put("version", 0L));
		writer.nodes("illustrative/assets.csv", Model.ASSET, null, assets);
		writer.relationships("illustrative/ownerships.csv", Model.OWNED_BY, data.get("illustrative/ownerships.csv"));
		writer.nodes("illustrative/custody.csv", Model.CUSTODY, null, data.get("illustrative/custody.csv"));
		writer.nodes("illustrative/operation_contracts.csv", Model.OPERATION_CONTRACT, null,
				data.get("illustrative/operation_contracts.csv"));
		writer.nodes("illustrative/incomes.csv", Model.INCOME, null, data.get("illustrative/incomes.csv"));
		writer.nodes("illustrative/income_uses.csv", Model.INCOME_USE, null, data.get("illustrative/income_uses.csv"));
		writer.relationships("illustrative/income_beneficiaries.csv", Model.BENEFITS,
				data.get("illustrative/income_beneficiaries.csv"));
		writer.nodes("illustrative/disposals.csv", Model.DISPOSAL, null, data.get("illustrative/disposals.csv"));
		// Sets a property of the ownership periods the file names, rather than merging
		// any.
		writer.run("illustrative/transfer_approvals.csv", data.get("illustrative/transfer_approvals.csv"), """
				MATCH (:Asset {registerNo: row.registerNo})-[r:OWNED_BY {validFrom: row.validFrom}]->()
				SET r.approvalRef = row.approvalRef
				WITH row, count(r) AS periods WHERE periods > 0""");
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

	/** The kind label of an organisation of {@code kind}, e.g. GOVERNMENT_DEPARTMENT. */
	private static String label(String kind) {
		String label = Model.ORGANISATION.kindLabel(kind);
		if (label == null) {
			throw new IllegalStateException("Seed file illustrative/organisations.csv: unknown kind " + kind);
		}
		return label;
	}

}
