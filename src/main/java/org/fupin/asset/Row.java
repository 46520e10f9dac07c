package org.fupin.asset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one row of a Cypher map projection, where absent properties are null (or
 * false).
 */
record Row(Map<String, Object> values) {

	@SuppressWarnings("unchecked")
	static Row of(Object value) {
		return new Row((Map<String, Object>) value);
	}

	String str(String key) {
		Object value = this.values.get(key);
		return (value != null) ? value.toString() : null;
	}

	boolean bool(String key) {
		return Boolean.TRUE.equals(this.values.get(key));
	}

	Integer integer(String key) {
		Object value = this.values.get(key);
		return (value instanceof Number number) ? number.intValue() : null;
	}

	Double dbl(String key) {
		Object value = this.values.get(key);
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	double amount(String key) {
		Double value = dbl(key);
		return (value != null) ? value : 0.0;
	}

	LocalDate date(String key) {
		return (LocalDate) this.values.get(key);
	}

	List<Row> rows(String key) {
		Object value = this.values.get(key);
		return (value instanceof List<?> list) ? list.stream().map(Row::of).toList() : List.of();
	}

}
