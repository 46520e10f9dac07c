package org.fupin.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * Reads a GraphQL input object that arrives outside a GraphQL request (the URL of a REST
 * endpoint) exactly as a GraphQL variable is read: the schema's own coercion (scalars
 * such as {@code Money} and {@code Date}, enums, unknown fields) and the argument binder
 * the controllers use, so a filter means the same in both places and is refused with the
 * same codes and messages.
 */
@Component
public class InputCoercion {

	private final GraphQlSource source;

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	InputCoercion(GraphQlSource source) {
		this.source = source;
	}

	/**
	 * The raw value of input type {@code typeName} from URL parameters, one per field
	 * (lists repeated or separated by commas), each turned into what a JSON variable
	 * would hold: numbers for {@code Int} and {@code Float}, booleans for
	 * {@code Boolean}, text for everything else.
	 * @param argument the argument's name in error messages ({@code filter})
	 * @throws ApiException {@code INVALID_ARGUMENT} for an unknown field or a value that
	 * is not a number or boolean where one is expected
	 */
	public Map<String, Object> fromParameters(String typeName, String argument, Map<String, List<String>> parameters) {
		GraphQLInputObjectType type = inputType(typeName);
		Map<String, Object> raw = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			String field = argument + "." + name;
			GraphQLInputObjectField definition = type.getField(name);
			if (definition == null) {
				throw ApiException.invalid(field,
						"筛选条件没有 " + name + " 这一项 (" + typeName + " has no field " + name + "); known fields: "
								+ type.getFields()
									.stream()
									.map(GraphQLInputObjectField::getName)
									.collect(Collectors.joining(", "))
								+ ".");
			}
			GraphQLType fieldType = GraphQLTypeUtil.unwrapNonNull(definition.getType());
			if (fieldType instanceof GraphQLList list) {
				List<Object> items = new ArrayList<>();
				for (String value : values) {
					for (String item : value.split(",")) {
						if (!item.isBlank()) {
							items
								.add(scalar(GraphQLTypeUtil.unwrapNonNull(list.getWrappedType()), item.strip(), field));
						}
					}
				}
				raw.put(name, items);
			}
			else if (values.size() != 1) {
				throw ApiException.invalid(field,
						"筛选条件 " + field + " 只能给一个值 (give " + field + " once; got " + values.size() + " values).");
			}
			else {
				raw.put(name, scalar(fieldType, values.get(0), field));
			}
		});
		return raw;
	}

	/**
	 * Coerces {@code raw} (a JSON-like map) to input type {@code typeName} as a GraphQL
	 * variable is coerced, and binds it to {@code target} as an {@code @Argument} is
	 * bound; null stays null.
	 * @throws ApiException {@code INVALID_ARGUMENT} naming the field at fault
	 */
	public <T> T bind(String typeName, String argument, Object raw, Class<T> target) {
		if (raw == null) {
			return null;
		}
		CoercedVariables coerced;
		try {
			coerced = ValuesResolver.coerceVariableValues(this.source.schema(),
					List.of(new VariableDefinition(argument, new TypeName(typeName))),
					RawVariables.of(Map.of(argument, raw)), GraphQLContext.getDefault(), Locale.ROOT);
		}
		catch (RuntimeException ex) {
			if (ex instanceof GraphQLError error) {
				Fault fault = fault(argument, inputType(typeName), raw);
				if (fault != null) {
					throw ApiException.invalid(fault.field(), "筛选条件有误 (" + fault.field() + " is not a valid "
							+ GraphQLTypeUtil.simplePrint(fault.type()) + "): " + fault.message());
				}
				throw ApiException.invalid(argument,
						"筛选条件有误 (" + argument + " is not a valid " + typeName + "): " + error.getMessage());
			}
			throw ex;
		}
		try {
			return target.cast(this.binder.bind(coerced.get(argument), false, ResolvableType.forClass(target)));
		}
		catch (BindException ex) {
			FieldError error = ex.getFieldError();
			String field = (error != null) ? argument + "." + error.getField().replaceFirst("^\\$\\.", "") : argument;
			String reason = (error != null && error.getRejectedValue() instanceof ExactScalars.RefusedValue refused)
					? refused.reason() : "is not a valid value";
			throw ApiException.invalid(field, "筛选条件有误 (" + field + " " + reason + ")");
		}
	}

	/** The field of an input that coercion refuses, as a path from the argument. */
	private record Fault(String field, GraphQLInputType type, String message) {
	}

	/**
	 * Which field of {@code value} makes it no valid {@code type}: each field is coerced
	 * by itself, as the whole was, and an object's fields are looked into in turn; null
	 * when no single field can be blamed.
	 */
	private Fault fault(String path, GraphQLInputType type, Object value) {
		GraphQLInputType unwrapped = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
			for (Map.Entry<?, ?> entry : fields.entrySet()) {
				String field = path + "." + entry.getKey();
				GraphQLInputObjectField definition = object.getField(String.valueOf(entry.getKey()));
				if (definition == null) {
					return new Fault(field, object, object.getName() + " has no field " + entry.getKey());
				}
				Fault fault = fault(field, definition.getType(), entry.getValue());
				if (fault != null) {
					return fault;
				}
			}
			return null;
		}
		try {
			ValuesResolver.externalValueToInternalValue(this.source.schema().getCodeRegistry().getFieldVisibility(),
					value, type, GraphQLContext.getDefault(), Locale.ROOT);
			return null;
		}
		catch (RuntimeException ex) {
			if (ex instanceof GraphQLError error) {
				return new Fault(path, unwrapped, error.getMessage());
			}
			throw ex;
		}
	}

	private GraphQLInputObjectType inputType(String typeName) {
		if (this.source.schema().getType(typeName) instanceof GraphQLInputObjectType type) {
			return type;
		}
		throw new IllegalArgumentException("No input type " + typeName + " in the schema");
	}

	private static Object scalar(GraphQLType type, String value, String field) {
		if (!(type instanceof GraphQLScalarType scalar) || !(type instanceof GraphQLInputType)) {
			return value;
		}
		String name = scalar.getName();
		try {
			return switch (name) {
				case "Int" -> Integer.valueOf(value.strip());
				case "Float" -> Double.valueOf(value.strip());
				case "Boolean" -> switch (value.strip()) {
					case "true" -> true;
					case "false" -> false;
					default -> throw new NumberFormatException();
				};
				default -> value;
			};
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid(field, "筛选条件 " + field + " 应为 " + name + " (" + field + " must be "
					+ (name.equals("Boolean") ? "true or false" : "a number") + "; got '" + value + "').");
		}
	}

}
