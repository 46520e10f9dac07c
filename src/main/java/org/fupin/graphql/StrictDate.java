package org.fupin.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code Date} scalar of graphql-java-extended-scalars, refusing days that do not
 * exist. Its formatter ({@code yyyy-MM-dd}, resolved smartly) reads {@code 2024-02-30} as
 * 2024-02-29 and {@code 2025-04-31} as 2025-04-30, so a register would keep a date nobody
 * gave it; here such a day is refused with the message a month of 13 gets. Output and
 * every other input are the library's.
 */
final class StrictDate {

	static final GraphQLScalarType SCALAR = GraphQLScalarType.newScalar(ExtendedScalars.Date)
		.coercing(new StrictCoercing(ExtendedScalars.Date.getCoercing()))
		.build();

	private StrictDate() {
	}

	/**
	 * Why the text is no day of ISO 8601's calendar, worded as the library words it, or
	 * {@code null} when it is one.
	 */
	private static String whyNot(String text) {
		try {
			LocalDate.parse(text);
			return null;
		}
		catch (DateTimeParseException ex) {
			return "Invalid RFC3339 full date value : '" + text + "'. because of : '" + ex.getMessage() + "'";
		}
	}

	private record StrictCoercing(Coercing<?, ?> library) implements Coercing<Object, Object> {

		@Override
		public Object serialize(Object value, GraphQLContext context, Locale locale) {
			return this.library.serialize(value, context, locale);
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			String why = (input instanceof String text) ? whyNot(text) : null;
			if (why != null) {
				throw new CoercingParseValueException(why);
			}
			return this.library.parseValue(input, context, locale);
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			String why = (input instanceof StringValue text) ? whyNot(text.getValue()) : null;
			if (why != null) {
				throw new CoercingParseLiteralException(why);
			}
			return this.library.parseLiteral(input, variables, context, locale);
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return this.library.valueToLiteral(input, context, locale);
		}

	}

}
