package org.fupin.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declaration agrees with the two other places that state the graph: the migrations
 * that create its constraints, and {@code schema/README.md}.
 */
class ModelTests {

	private static final Pattern UNIQUE = Pattern.compile(
			"CREATE CONSTRAINT \\w+ IF NOT EXISTS FOR \\(\\w+:(\\w+)\\) REQUIRE \\w+\\.(\\w+) IS (?:UNIQUE|NODE KEY)");

	private static final Pattern DROP = Pattern.compile("DROP CONSTRAINT (\\w+)");

	/**
	 * A label in a node pattern of Cypher text: {@code (:Label} or {@code (name:Label}.
	 */
	private static final Pattern NAMED_LABEL = Pattern.compile("\\(\\w*:([A-Z][A-Za-z]+)");

	@Test
	void everyDeclaredKeyHasAUniquenessConstraintAndEveryConstraintIsADeclaredKey() throws IOException {
		Set<String> declared = new TreeSet<>();
		for (NodeType node : Model.GRAPH.nodes()) {
			if (node.key() != null) {
				node.labels().forEach((label) -> declared.add(label + "." + node.keyName()));
			}
		}
		assertThat(migratedUniqueKeys()).isEqualTo(declared);
	}

	@Test
	void theMigrationsAreReadAsTheStoreShowsThem() throws IOException {
		// The same list ModelConstraintsIT reads from SHOW CONSTRAINTS on a migrated
		// store.
		assertThat(migratedUniqueKeys()).containsExactly("Account.name", "Asset.registerNo", "ChangeEvent.id",
				"County.code", "Custody.id", "DashboardRollup.code", "Disposal.id", "FundSource.code",
				"Household.householdNo", "ImportJob.id", "Income.id", "IncomeUse.id", "OperationContract.contractNo",
				"Organisation.creditCode", "Pairing.id", "PairingResult.id", "Person.personId", "Place.code",
				"Prefecture.code", "Project.code", "Province.code", "RefreshToken.hash", "RegisterGate.county",
				"SeedRun.version", "Township.code", "Village.code");
	}

	@Test
	void theSchemaReadmeShowsTheDeclaration() throws IOException {
		Path readme = Path.of("schema", "README.md");
		String text = Files.readString(readme, StandardCharsets.UTF_8);
		int begin = text.indexOf(ModelDocument.BEGIN);
		int end = text.indexOf(ModelDocument.END);
		assertThat(begin).as("schema/README.md holds the rendered tables").isNotNegative();
		String rendered = ModelDocument.render(Model.GRAPH);
		if (Boolean.getBoolean("graph.render")) {
			Files.writeString(readme,
					text.substring(0, begin) + rendered + text.substring(end + ModelDocument.END.length()),
					StandardCharsets.UTF_8);
			return;
		}
		assertThat(text.substring(begin, end + ModelDocument.END.length()))
			.as("schema/README.md: rerun with -Dgraph.render=true to render the declaration")
			.isEqualTo(rendered);
	}

	@Test
	void everyLabelTheCodesCypherNamesIsDeclared() throws IOException {
		Set<String> declared = new TreeSet<>();
		for (NodeType node : Model.GRAPH.nodes()) {
			declared.addAll(node.labels());
			declared.addAll(node.kinds());
		}
		Set<String> named = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = NAMED_LABEL.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		assertThat(named).as("labels in node patterns of the main code").isNotEmpty();
		assertThat(declared).containsAll(named);
	}

	@Test
	void everyRelationshipEndIsADeclaredNodeTypeWithAKey() {
		for (RelationshipType r : Model.GRAPH.relationships()) {
			assertThat(r.to()).as(r.name()).allSatisfy((end) -> assertThat(Model.GRAPH.node(end.label())).isPresent());
			if (!r.type().equals("READ")) {
				assertThat(r.to()).as(r.name()).allSatisfy((end) -> assertThat(end.key()).isNotNull());
			}
		}
	}

	@Test
	void aPeriodReadsAsTheQueriesAlwaysDid() {
		assertThat(Model.OWNED_BY.period().currentOn("o", "$asOf"))
			.isEqualTo("o.validFrom <= $asOf AND (o.validTo IS NULL OR o.validTo > $asOf)");
		assertThat(Model.OPERATION_CONTRACT.period().currentOn("k", "$today"))
			.isEqualTo("k.startDate <= $today AND (k.endDate IS NULL OR k.endDate > $today)");
		assertThat(Model.PAIRING.period().currentOn("p", "$activeOn")).isEqualTo(
				"(p.startDate IS NULL OR p.startDate <= $activeOn) AND (p.endDate IS NULL OR p.endDate >= $activeOn)");
	}

	@Test
	void aPartyIsFoundByOneSeekPerKind() {
		assertThat(Lookups.party("row", "row.ownerCode", "party")).isEqualTo("""
				CALL (row) {
				  MATCH (x:Organisation {creditCode: row.ownerCode}) RETURN x AS party
				  UNION
				  MATCH (x:Household {householdNo: row.ownerCode}) RETURN x AS party
				  UNION
				  MATCH (x:Place {code: row.ownerCode}) RETURN x AS party
				}""");
	}

	private static Set<String> migratedUniqueKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("schema", "neo4j"))) {
			for (Path file : files.sorted().toList()) {
				String cypher = Files.readString(file, StandardCharsets.UTF_8);
				Matcher drop = DROP.matcher(cypher);
				if (drop.find()) {
					throw new IllegalStateException(file + " drops a constraint: teach this test to follow it");
				}
				Matcher unique = UNIQUE.matcher(cypher);
				while (unique.find()) {
					keys.add(unique.group(1) + "." + unique.group(2));
				}
			}
		}
		return keys;
	}

}
