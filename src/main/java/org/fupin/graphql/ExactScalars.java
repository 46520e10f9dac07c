package org.fupin.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * The exact scalars of {@code schema/common.graphqls}: {@code Money} ({@link Money}, yuan
 * to the fen) and {@code Percent} ({@link Share}, percent to the hundredth). Both are
 * written as JSON strings with two decimals ({@code "1234567.89"}), which no client turns
 * into a binary fraction. As input they take a string, an integer or a decimal literal; a
 * JSON number in variables only when it stands for one amount with at most two decimals
 * (so {@code 0.1} is 0.10, and {@code 0.105} is refused). Anything else is refused with
 * {@code INVALID_ARGUMENT} naming the field: the scalar hands a {@link RefusedValue} to
 * the argument binder, which cannot bind it and reports the field's path, and
 * {@link GraphQlErrorResolver} answers that.
 */
final class ExactScalars {

	/**
	 * Amounts below 10^13 yuan have at most 15 significant digits, which a double keeps.
	 */
	private static final BigDecimal DOUBLE_LIMIT = BigDecimal.TEN.pow(13);

	static final GraphQLScalarType MONEY = GraphQLScalarType.newScalar()
		.name("Money")
		.coercing(new ExactCoercing<>(Money.class, Money::of, "an amount of money (元)"))
		.build();

	static final GraphQLScalarType PERCENT = GraphQLScalarType.newScalar()
		.name("Percent")
		.coercing(new ExactCoercing<>(Share.class, Share::of, "a share in percent"))
		.build();

	private ExactScalars() {
	}

	/**
	 * An input value that breaks the scalar's rules, with the reason: no field can be
	 * bound to it, so the argument binder reports the field's path.
	 */
	record RefusedValue(Object input, String reason) {
	}

	private static final class ExactCoercing<T> implements Coercing<Object, String> {

		private final Class<T> type;

		private final Function<BigDecimal, T> exact;

		private final String what;

		ExactCoercing(Class<T> type, Function<BigDecimal, T> exact, String what) {
			this.type = type;
			this.exact = exact;
			this.what = what;
		}

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (this.type.isInstance(value)) {
				return value.toString();
			}
			throw new CoercingSerializeException("Not " + this.what + ": " + value.getClass().getSimpleName());
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			try {
				return this.exact.apply(decimal(input));
			}
			catch (IllegalArgumentException ex) {
				return new RefusedValue(input, ex.getMessage());
			}
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			try {
				BigDecimal value;
				if (input instanceof StringValue text) {
					value = decimal(text.getValue());
				}
				else if (input instanceof IntValue integer) {
					value = new BigDecimal(integer.getValue());
				}
				else if (input instanceof FloatValue decimal) {
					value = decimal.getValue();
				}
				else {
					throw new IllegalArgumentException("must be a string such as \"1234.50\".");
				}
				return this.exact.apply(value);
			}
			catch (IllegalArgumentException ex) {
				return new RefusedValue(input, ex.getMessage());
			}
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.of(serialize(input, context, locale));
		}

		private static BigDecimal decimal(Object input) {
			if (input instanceof String text) {
				return decimal(text);
			}
			if (input instanceof BigDecimal decimal) {
				return decimal;
			}
			if (input instanceof BigInteger integer) {
				return new BigDecimal(integer);
			}
			if (input instanceof Integer || input instanceof Long || input instanceof Short) {
				return BigDecimal.valueOf(((Number) input).longValue());
			}
			if (input instanceof Double || input instanceof Float) {
				return fromDouble(((Number) input).doubleValue());
			}
			throw new IllegalArgumentException("must be a string such as \"1234.50\".");
		}

		private static BigDecimal decimal(String text) {
			String value = text.strip();
			if (!value.matches("-?\\d+(\\.\\d+)?")) {
				throw new IllegalArgumentException("must be written with digits and at most one decimal point,"
						+ " such as \"1234.50\"; was \"" + text + "\".");
			}
			return new BigDecimal(value);
		}

		/**
		 * A JSON number read as a double: the two-decimal number it stands for, when
		 * there is exactly one (below 10^13 distinct two-decimal numbers are distinct
		 * doubles); otherwise it could have lost digits, and is refused.
		 */
		private static BigDecimal fromDouble(double number) {
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new IllegalArgumentException("must be a number, was " + number + ".");
			}
			BigDecimal nearest = new BigDecimal(number).setScale(2, RoundingMode.HALF_UP);
			if (nearest.abs().compareTo(DOUBLE_LIMIT) >= 0 || nearest.doubleValue() != number) {
				throw new IllegalArgumentException("must be exact to two decimals; send " + number
						+ " as a string, such as \"1234.50\", so that no digit is lost.");
			}
			return nearest;
		}

	}

}
