package org.fupin.seed;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.fupin.graph.Model;
import org.fupin.graph.Property;
import org.fupin.graph.ValueType;
import org.fupin.money.Money;
import org.fupin.money.Share;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the seed CSV files into typed rows. Column names are the same across files, so
 * the graph declaration says how to read each column; an empty field is {@code null}.
 */
class SeedFiles {

	/**
	 * How to read each column: the type the graph declares for a property of that name
	 * (names mean the same across files), and the one column that is read but not stored
	 * as such.
	 */
	private static final Map<String, Set<ValueType>> TYPES = columnTypes();

	/**
	 * Columns whose unit depends on the row (a pairing result's target and actual: yuan
	 * or persons by its indicator), read as text and converted by their loader.
	 */
	private static final Set<String> BY_ROW = Set.of("target", "actual");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.build();

	private final ResourceLoader resources;

	private final String location;

	SeedFiles(ResourceLoader resources, String location) {
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	boolean exists(String file) {
		return resource(file).exists();
	}

	/** The rows of {@code file}. */
	List<Map<String, Object>> read(String file) {
		Resource resource = resource(file);
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
				CSVParser parser = FORMAT.parse(reader)) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(typed(file, record));
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read seed file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A digest of the names and bytes of those of {@code files} that exist, in that
	 * order: a changed dataset loads again. It reads no row, so a start that finds the
	 * dataset loaded already parses nothing.
	 */
	String version(List<String> files) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (String file : files) {
			Resource resource = resource(file);
			if (resource.exists()) {
				try {
					digest.update(file.getBytes(StandardCharsets.UTF_8));
					digest.update(resource.getContentAsByteArray());
				}
				catch (IOException ex) {
					throw new IllegalStateException("Cannot read seed file " + file + ": " + ex.getMessage(), ex);
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
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
		if (BY_ROW.contains(column)) {
			return text;
		}
		Set<ValueType> types = TYPES.getOrDefault(column, Set.of(ValueType.TEXT));
		if (types.size() > 1) {
			throw new IllegalArgumentException("cannot be read: the graph declares " + column + " as " + types);
		}
		ValueType type = types.iterator().next();
		return switch (type) {
			case DATE -> LocalDate.parse(text);
			case INTEGER -> Long.valueOf(text);
			case MONEY -> Money.parse(text).fen();
			case SHARE -> Share.parse(text).hundredths();
			case BOOLEAN -> {
				if (!text.equals("true") && !text.equals("false")) {
					throw new IllegalArgumentException("is not true or false");
				}
				yield Boolean.valueOf(text);
			}
			// A list (a|b) is split by the loader that knows its form.
			case TEXT, CODE, TEXT_LIST, INTEGER_LIST -> text;
			default -> throw new IllegalArgumentException("is of type " + type + ", which a seed file cannot hold");
		};
	}

	private static Map<String, Set<ValueType>> columnTypes() {
		Map<String, Set<ValueType>> types = new HashMap<>();
		// county_pairs.csv: the year a public pair began, stored as the pairing's start.
		types.put("startYear", EnumSet.of(ValueType.INTEGER));
		List<Property> properties = new ArrayList<>();
		Model.GRAPH.nodes().forEach((node) -> properties.addAll(node.allProperties()));
		Model.GRAPH.relationships().forEach((relationship) -> properties.addAll(relationship.properties()));
		for (Property property : properties) {
			types.computeIfAbsent(property.name(), (name) -> EnumSet.noneOf(ValueType.class)).add(property.type());
		}
		return types;
	}

}
