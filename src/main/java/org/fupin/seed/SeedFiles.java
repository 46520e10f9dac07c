package org.fupin.seed;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.fupin.money.Money;
import org.fupin.money.Share;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the seed CSV files into typed rows. Column names are the same across files, so
 * one table says how to read each column; an empty field is {@code null}.
 */
class SeedFiles {

	private static final Set<String> DATES = Set.of("startDate", "endDate", "validFrom", "validTo", "completionDate",
			"statusSince", "date");

	private static final Set<String> INTEGERS = Set.of("exitYear", "population", "formerlyPoorPopulation", "size",
			"year", "startYear");

	/** Yuan with at most two decimals in the files, integer fen in the graph. */
	private static final Set<String> MONEY = Set.of("originalValue", "amount", "annualRent", "proceeds", "investment");

	/**
	 * Percent with at most two decimals in the files, hundredths of a percent in the
	 * graph.
	 */
	private static final Set<String> SHARES = Set.of("share");

	private static final Set<String> BOOLEANS = Set.of("formerlyPoor", "nationalKeyCounty", "keyVillage",
			"relocationSite", "exception", "centralArrangement", "illustrative");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.build();

	private final ResourceLoader resources;

	private final String location;

	private final MessageDigest digest;

	SeedFiles(ResourceLoader resources, String location) {
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean exists(String file) {
		return resource(file).exists();
	}

	/** The rows of {@code file}; its bytes also go into {@link #version()}. */
	List<Map<String, Object>> read(String file) {
		Resource resource = resource(file);
		try {
			byte[] bytes = resource.getContentAsByteArray();
			this.digest.update(file.getBytes(StandardCharsets.UTF_8));
			this.digest.update(bytes);
			try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
					CSVParser parser = FORMAT.parse(reader)) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (CSVRecord record : parser) {
					rows.add(typed(file, record));
				}
				return rows;
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read seed file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** A digest of every file read so far: a changed dataset loads again. */
	String version() {
		return HexFormat.of().formatHex(this.digest.digest()).substring(0, 16);
	}

	private Resource resource(String file) {
		return this.resources.getResource(this.location + file);
	}

	private static Map<String, Object> typed(String file, CSVRecord record) {
		Map<String, Object> row = new LinkedHashMap<>();
		record.toMap().forEach((column, text) -> {
			try {
				row.put(column, convert(column, text));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("line " + record.getRecordNumber() + ", column " + column + ": '"
						+ text + "' " + ex.getMessage());
			}
		});
		return row;
	}

	private static Object convert(String column, String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		if (DATES.contains(column)) {
			return LocalDate.parse(text);
		}
		if (INTEGERS.contains(column)) {
			return Long.valueOf(text);
		}
		if (MONEY.contains(column)) {
			return Money.parse(text).fen();
		}
		if (SHARES.contains(column)) {
			return Share.parse(text).hundredths();
		}
		if (BOOLEANS.contains(column)) {
			if (!text.equals("true") && !text.equals("false")) {
				throw new IllegalArgumentException("is not true or false");
			}
			return Boolean.valueOf(text);
		}
		return text;
	}

}
