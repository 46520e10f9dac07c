package org.fupin.graph;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * How a property is stored in the graph, and the Java value a writer hands the driver or
 * the embedded API for it. Amounts and shares are integers so that every sum is exact.
 */
public enum ValueType {

	/** Free text. */
	TEXT(String.class),

	/**
	 * A code kept as text so that leading zeros and letters survive (division codes,
	 * credit codes, enumeration names).
	 */
	CODE(String.class),

	/** A whole number (years, counts, populations). */
	INTEGER(Long.class),

	/** A fraction that is no amount (a dataset's scale); never money or a share. */
	FRACTION(Double.class),

	/** An amount as an integer number of fen ({@link Money}). */
	MONEY(Long.class),

	/** A share as an integer number of hundredths of a percent ({@link Share}). */
	SHARE(Long.class),

	/** A calendar date (Neo4j {@code Date}). */
	DATE(LocalDate.class),

	/** An instant with its offset (Neo4j {@code DateTime}). */
	DATETIME(OffsetDateTime.class),

	/** True or false. */
	BOOLEAN(Boolean.class),

	/** A list of texts or codes. */
	TEXT_LIST(List.class),

	/** A list of whole numbers (or amounts in fen). */
	INTEGER_LIST(List.class);

	private final Class<?> javaType;

	ValueType(Class<?> javaType) {
		this.javaType = javaType;
	}

	/** The Java type of a value a writer passes for this type. */
	public Class<?> javaType() {
		return this.javaType;
	}

	/** Whether {@code value} is a value of this type as writers pass it. */
	public boolean accepts(Object value) {
		if (this.javaType == Long.class) {
			return value instanceof Long || value instanceof Integer;
		}
		if (this.javaType == List.class) {
			return value instanceof List<?> || value.getClass().isArray();
		}
		if (this == DATETIME) {
			return value instanceof java.time.temporal.Temporal;
		}
		return this.javaType.isInstance(value);
	}

}
