package org.fupin.neo4j;

import java.util.List;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelConstraintsIT extends IntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void everyNaturalKeyIsUnique() {
		List<String> keys = this.neo4j
			.query("SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' "
					+ "AND NOT labelsOrTypes[0] STARTS WITH '__Neo4jMigration' "
					+ "RETURN labelsOrTypes[0] + '.' + properties[0] AS key ORDER BY key")
			.fetchAs(String.class)
			.all()
			.stream()
			.toList();
		assertThat(keys).containsExactly("Account.name", "Asset.registerNo", "ChangeEvent.id", "County.code",
				"Custody.id", "DashboardRollup.code", "Disposal.id", "FundSource.code", "Household.householdNo",
				"ImportJob.id", "Income.id", "IncomeUse.id", "OperationContract.contractNo", "Organisation.creditCode",
				"Pairing.id", "PairingResult.id", "Person.personId", "Place.code", "Prefecture.code", "Project.code",
				"Province.code", "RefreshToken.hash", "RegisterGate.county", "SeedRun.version", "Township.code",
				"Village.code");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE (:Place:Province {code: '52', name: 'duplicate'})",
			"MATCH (a:Asset) WITH a LIMIT 1 CREATE (:Asset {registerNo: a.registerNo})",
			"MATCH (o:Organisation) WITH o LIMIT 1 CREATE (:Organisation {creditCode: o.creditCode})",
			"MATCH (p:Pairing) WITH p LIMIT 1 CREATE (:Pairing {id: p.id})" })
	void aDuplicateNaturalKeyIsRefused(String cypher) {
		long before = this.neo4j.query("MATCH (n) RETURN count(n)").fetchAs(Long.class).one().orElseThrow();
		assertThatThrownBy(() -> this.neo4j.query(cypher).run()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("already exists");
		assertThat(this.neo4j.query("MATCH (n) RETURN count(n)").fetchAs(Long.class).one().orElseThrow())
			.isEqualTo(before);
	}

}
