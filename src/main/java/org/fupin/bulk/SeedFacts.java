package org.fupin.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The public facts of {@code seed/} that the made-up data is generated on and keeps as
 * they are: provinces, prefectures, counties, and the provincial and county pairs.
 *
 * @param provinces {@code places/provinces.csv}
 * @param prefectures {@code places/prefectures.csv}
 * @param counties {@code places/counties.csv}
 * @param countyPairs {@code places/county_pairs.csv}
 * @param provincePairs {@code pairings/province_pairs.csv}
 */
public record SeedFacts(List<Map<String, String>> provinces, List<Map<String, String>> prefectures,
		List<Map<String, String>> counties, List<Map<String, String>> countyPairs,
		List<Map<String, String>> provincePairs) {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.build();

	/** Reads the facts packaged with the application under {@code seed/}. */
	static SeedFacts fromClasspath() {
		return new SeedFacts(read("places/provinces.csv"), read("places/prefectures.csv"), read("places/counties.csv"),
				read("places/county_pairs.csv"), read("pairings/province_pairs.csv"));
	}

	/**
	 * Reads the facts under a seed directory, as the illustrative seed is generated from
	 * them; a file that is not there has no rows.
	 * @param seedDir the directory holding {@code places/} and {@code pairings/}
	 * @return the facts
	 * @throws IOException if a file cannot be read
	 */
	public static SeedFacts fromDirectory(Path seedDir) throws IOException {
		List<List<Map<String, String>>> files = new ArrayList<>();
		for (String file : List.of("places/provinces.csv", "places/prefectures.csv", "places/counties.csv",
				"places/county_pairs.csv", "pairings/province_pairs.csv")) {
			Path path = seedDir.resolve(file);
			if (!Files.exists(path)) {
				files.add(List.of());
				continue;
			}
			try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
				files.add(rows(reader));
			}
		}
		return new SeedFacts(files.get(0), files.get(1), files.get(2), files.get(3), files.get(4));
	}

	/**
	 * Each western province's east-west cooperation (东西部协作): its regular pairing with the
	 * eastern province that helps it, by the western province's code. The exceptions and
	 * the arrangements beside it are left out; the first regular pair counts.
	 */
	public Partners partners() {
		Map<String, String> names = new TreeMap<>();
		this.provinces.forEach((row) -> names.put(row.get("code"), row.get("name")));
		Map<String, String> pairings = new TreeMap<>();
		Map<String, String> helpers = new TreeMap<>();
		for (Map<String, String> row : this.provincePairs) {
			if ("EAST_WEST".equals(row.get("program")) && !Boolean.parseBoolean(row.get("exception"))) {
				pairings.putIfAbsent(row.get("recipientCode"), row.get("id"));
				helpers.putIfAbsent(row.get("recipientCode"), row.get("helperCode"));
			}
		}
		return new Partners(names, pairings, helpers);
	}

	/**
	 * The provinces' names and their east-west partners.
	 *
	 * @param provinceNames names by province code
	 * @param eastWestPairings the regular east-west pairing's id by western province
	 * @param helpers the eastern province helping it by western province
	 */
	public record Partners(Map<String, String> provinceNames, Map<String, String> eastWestPairings,
			Map<String, String> helpers) {
	}

	private static List<Map<String, String>> read(String file) {
		try (InputStream in = SeedFacts.class.getClassLoader().getResourceAsStream("seed/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Seed file seed/" + file + " is not on the class path");
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				return rows(reader);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read seed file seed/" + file, ex);
		}
	}

	private static List<Map<String, String>> rows(Reader reader) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		for (CSVRecord record : FORMAT.parse(reader)) {
			rows.add(record.toMap());
		}
		return rows;
	}

}
