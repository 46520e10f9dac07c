package org.fupin.asset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.money.Money;
import org.fupin.money.Share;

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

	/** Fen stored as an integer, or null when absent. */
	Money moneyOrNull(String key) {
		Object value = this.values.get(key);
		return (value instanceof Number number) ? Money.ofFen(number.longValue()) : null;
	}

	/** Fen stored as an integer; zero when absent (a sum over nothing). */
	Money money(String key) {
		Money value = moneyOrNull(key);
		return (value != null) ? value : Money.ZERO;
	}

	/** Hundredths of a percent stored as an integer. */
	Share share(String key) {
		Object value = this.values.get(key);
		return Share.ofHundredths((value instanceof Number number) ? number.longValue() : 0);
	}

	LocalDate date(String key) {
		return (LocalDate) this.values.get(key);
	}

	List<Row> rows(String key) {
		Object value = this.values.get(key);
		return (value instanceof List<?> list) ? list.stream().map(Row::of).toList() : List.of();
	}

}
