package org.fupin.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The public facts of {@code seed/} that the national dataset keeps as they are:
 * provinces, prefectures, counties, and the provincial and county pairs.
 *
 * @param provinces {@code places/provinces.csv}
 * @param prefectures {@code places/prefectures.csv}
 * @param counties {@code places/counties.csv}
 * @param countyPairs {@code places/county_pairs.csv}
 * @param provincePairs {@code pairings/province_pairs.csv}
 */
record SeedFacts(List<Map<String, String>> provinces, List<Map<String, String>> prefectures,
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

	private static List<Map<String, String>> read(String file) {
		try (InputStream in = SeedFacts.class.getClassLoader().getResourceAsStream("seed/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Seed file seed/" + file + " is not on the class path");
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				List<Map<String, String>> rows = new ArrayList<>();
				for (CSVRecord record : FORMAT.parse(reader)) {
					rows.add(record.toMap());
				}
				return rows;
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read seed file seed/" + file, ex);
		}
	}

}
