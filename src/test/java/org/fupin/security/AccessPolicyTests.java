package org.fupin.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy covers the schema: a Query or Mutation field without a rule fails here (and
 * is refused at run time), and no rule names a field or type that does not exist.
 */
class AccessPolicyTests {

	@Test
	void everyQueryAndMutationFieldHasAPolicyAndEveryPolicyAField() throws IOException {
		TypeDefinitionRegistry schema = schema();
		List<String> fields = new ArrayList<>();
		for (String root : List.of("Query", "Mutation", "Subscription")) {
			Stream
				.concat(schema.getType(root, ObjectTypeDefinition.class).stream(),
						schema.objectTypeExtensions().getOrDefault(root, List.of()).stream())
				.flatMap((type) -> type.getFieldDefinitions().stream())
				.map(FieldDefinition::getName)
				.forEach((name) -> fields.add(root + "." + name));
		}
		assertThat(fields).hasSizeGreaterThan(40);
		assertThat(AccessPolicy.FIELDS.keySet()).as("fields without a policy")
			.containsAll(fields)
			.as("policies without a field")
			.containsExactlyInAnyOrderElementsOf(fields);
	}

	@Test
	void everyGuardedTypeExists() throws IOException {
		TypeDefinitionRegistry schema = schema();
		assertThat(AccessPolicy.TYPES.keySet()).allMatch((type) -> schema.getType(type).isPresent());
	}

	@Test
	void anOfficerIsScopedOnlyWhenNoUnscopedRoleAllowsTheField() {
		Caller officer = new Caller("o", java.util.Set.of(Role.OFFICER), "45", null, false);
		Caller both = new Caller("b", java.util.Set.of(Role.OFFICER, Role.AUDITOR), "45", null, false);
		assertThat(AccessPolicy.READERS.scopedFor(officer)).isTrue();
		assertThat(AccessPolicy.READERS.scopedFor(both)).isFalse();
		assertThat(AccessPolicy.PUBLIC.scopedFor(officer)).isFalse();
		assertThat(officer.covers("450102101201")).isTrue();
		assertThat(officer.covers("520324")).isFalse();
		assertThat(officer.covers("4")).isFalse();
	}

	private static TypeDefinitionRegistry schema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		return registry;
	}

}
