package org.fupin.ledger.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The values of the API's enums in the words of a ledger: each value's code
 * ({@code PV_STATION}), its Chinese term (光伏电站) and its English words, taken from the
 * SDL, where every enum value's description starts with its Chinese term and a full stop.
 * A ledger cell may hold either the code or the term.
 */
public final class EnumTerms {

	/**
	 * One value of an enum.
	 *
	 * @param code the API's name of it
	 * @param term the Chinese term
	 * @param english the rest of the description
	 */
	public record Value(String code, String term, String english) {
	}

	private static EnumTerms schema;

	private final Map<String, List<Value>> values;

	/** Per enum: each code and each normal term to its code. */
	private final Map<String, Map<String, String>> codes = new HashMap<>();

	EnumTerms(Map<String, List<Value>> values) {
		this.values = Map.copyOf(values);
		values.forEach((type, list) -> {
			Map<String, String> codes = new HashMap<>();
			for (Value value : list) {
				codes.putIfAbsent(value.code(), value.code());
				codes.putIfAbsent(Headers.normal(value.term()), value.code());
			}
			this.codes.put(type, codes);
		});
	}

	/**
	 * The enums of the SDL the application serves ({@code classpath:graphql/*.graphqls}).
	 */
	public static synchronized EnumTerms schema() {
		if (schema == null) {
			schema = parse(sdl());
		}
		return schema;
	}

	private static List<String> sdl() {
		try {
			List<String> files = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:graphql/*.graphqls")) {
				try (InputStream in = resource.getInputStream()) {
					files.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static EnumTerms parse(List<String> files) {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (String file : files) {
			registry.merge(new SchemaParser().parse(file));
		}
		Map<String, List<Value>> values = new LinkedHashMap<>();
		for (EnumTypeDefinition type : registry.getTypes(EnumTypeDefinition.class)) {
			List<Value> list = new ArrayList<>();
			for (EnumValueDefinition value : type.getEnumValueDefinitions()) {
				list.add(value(value));
			}
			values.put(type.getName(), List.copyOf(list));
		}
		return new EnumTerms(values);
	}

	private static Value value(EnumValueDefinition value) {
		Description description = value.getDescription();
		String text = (description != null) ? description.getContent().strip() : "";
		int stop = text.indexOf('.');
		String term = (stop > 0) ? text.substring(0, stop).strip() : text;
		String english = (stop > 0) ? text.substring(stop + 1).strip() : "";
		return new Value(value.getName(), term.isEmpty() ? value.getName() : term, english);
	}

	/** The values of the enum {@code type}, in SDL order. */
	public List<Value> values(String type) {
		List<Value> found = this.values.get(type);
		if (found == null) {
			throw new IllegalArgumentException("The SDL has no enum " + type + ".");
		}
		return found;
	}

	/**
	 * The code {@code text} names, as a code (in any case) or as the Chinese term (spaces
	 * and the width of characters aside).
	 */
	public Optional<String> code(String type, String text) {
		Map<String, String> codes = this.codes.get(type);
		if (codes == null) {
			throw new IllegalArgumentException("The SDL has no enum " + type + ".");
		}
		String wanted = text.strip();
		String code = codes.get(wanted.toUpperCase(Locale.ROOT).replace(' ', '_'));
		return Optional.ofNullable((code != null) ? code : codes.get(Headers.normal(wanted)));
	}

}
