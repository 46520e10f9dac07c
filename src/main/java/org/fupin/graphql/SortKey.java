package org.fupin.graphql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * One sort key of a list: the Cypher expression it orders by, its direction, how an item
 * yields its value, and how a cursor's text reads back as that value. A {@link Keyset}
 * derives the ORDER BY, the keyset condition and the cursor from its keys.
 *
 * @param name the key's name; its cursor value is bound as {@code $after<Name>}
 * @param expression the Cypher expression sorted on (a property, or a variable of the
 * list's query)
 * @param descending whether the list runs from the greatest value down
 * @param value the key's value of an item, as a cursor holds it
 * @param parse a cursor's text back to the value bound in the keyset condition; it throws
 * on text that no item could have given
 * @param nullable whether an item may have no value: Cypher sorts those last going up and
 * first going down, and the keyset condition must follow them there
 */
public record SortKey<T>(String name, String expression, boolean descending, Function<T, ?> value,
		Function<String, ?> parse, boolean nullable) {

	/** A text key, ascending. */
	public static <T> SortKey<T> text(String name, String expression, Function<T, String> value) {
		return new SortKey<>(name, expression, false, value, Function.identity(), false);
	}

	/** An integer key (a year, a sequence, an amount in fen), ascending. */
	public static <T> SortKey<T> integer(String name, String expression, Function<T, Long> value) {
		return new SortKey<>(name, expression, false, value, Long::valueOf, false);
	}

	/** A date key, ascending. */
	public static <T> SortKey<T> date(String name, String expression, Function<T, LocalDate> value) {
		return new SortKey<>(name, expression, false, value, LocalDate::parse, false);
	}

	/** A date-time key, ascending. */
	public static <T> SortKey<T> time(String name, String expression, Function<T, OffsetDateTime> value) {
		return new SortKey<>(name, expression, false, value, OffsetDateTime::parse, false);
	}

	/** A text key whose values are the constants of {@code type}. */
	public static <T, E extends Enum<E>> SortKey<T> constant(String name, String expression, Class<E> type,
			Function<T, E> value) {
		return new SortKey<>(name, expression, false, (item) -> value.apply(item).name(), (text) -> {
			Enum.valueOf(type, text);
			return text;
		}, false);
	}

	/** The same key sorted the other way. */
	public SortKey<T> reversed() {
		return new SortKey<>(this.name, this.expression, !this.descending, this.value, this.parse, this.nullable);
	}

	/** The same key, for items that may have no value. */
	public SortKey<T> orNull() {
		return new SortKey<>(this.name, this.expression, this.descending, this.value, this.parse, true);
	}

	/** This key, descending. */
	public SortKey<T> desc() {
		return this.descending ? this : reversed();
	}

	/** The parameter that holds the cursor's value of this key. */
	String parameter() {
		return "after" + Character.toUpperCase(this.name.charAt(0)) + this.name.substring(1);
	}

}
