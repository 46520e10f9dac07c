package org.fupin.ledger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fupin.IntegrationTest;
import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.pairing.CreatePairingInput;
import org.fupin.pairing.PairingKind;
import org.fupin.pairing.PairingProgram;
import org.fupin.pairing.PairingRules;
import org.fupin.pairing.PairingState;
import org.fupin.pairing.PairingWriteService;
import org.fupin.party.PartyRules;
import org.fupin.place.PlaceService;
import org.fupin.register.Violation;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The rules of the record ledgers against the seed store: every organisation and
 * household of the seed keeps them, with the places read at once for all rows, and the
 * state new pairings are checked against is read for a batch of them.
 */
class RecordRulesSeedIT extends IntegrationTest {

	private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, null, false);

	@Autowired
	private PlaceService places;

	@Autowired
	private PairingWriteService pairings;

	@Test
	void everySeedOrganisationAndHouseholdKeepsTheRules() throws IOException {
		List<CSVRecord> organisations = csv("organisations.csv");
		List<CSVRecord> households = csv("households.csv");
		Set<String> codes = new HashSet<>();
		organisations.forEach((r) -> codes.add(r.get("placeCode")));
		households.forEach((r) -> codes.add(r.get("villageCode")));
		Set<String> existing = this.places.findByCodes(codes).keySet();
		assertThat(existing).isEqualTo(codes);
		for (CSVRecord r : organisations) {
			PartyRules.OrganisationRow row = new PartyRules.OrganisationRow(r.get("creditCode"), r.get("name"),
					r.get("kind"), r.get("enterpriseType").isEmpty() ? null : r.get("enterpriseType"),
					r.get("placeCode"));
			assertThat(PartyRules.organisation(row, existing, ADMIN)).as(row.creditCode()).isEmpty();
		}
		for (CSVRecord r : households) {
			PartyRules.HouseholdRow row = new PartyRules.HouseholdRow(r.get("householdNo"), r.get("headName"),
					r.get("idNumber"), Long.valueOf(r.get("size")), Boolean.valueOf(r.get("formerlyPoor")),
					r.get("villageCode"));
			assertThat(PartyRules.household(row, existing, ADMIN)).as(row.householdNo()).isEmpty();
		}
		assertThat(organisations).hasSize(1819);
		assertThat(households).hasSize(3880);
	}

	@Test
	void theStateOfNewPairingsIsReadForTheWholeBatch() {
		CreatePairingInput county = input(PairingProgram.EAST_WEST, PairingKind.COUNTY_PAIR, "4404", "450124");
		CreatePairingInput village = input(PairingProgram.ENTERPRISE_VILLAGE, PairingKind.PUBLIC_WELFARE,
				"91441900TWXLM6C1JW", "450102101201");
		CreatePairingInput stranger = input(PairingProgram.ENTERPRISE_VILLAGE, PairingKind.PUBLIC_WELFARE,
				"91440000AAAAAAAAAA", "H45010210120101");
		PairingState state = this.pairings.state(List.of(county, village, stranger));

		assertThat(state.existing())
			.isEqualTo(Set.of("4404", "450124", "91441900TWXLM6C1JW", "450102101201", "H45010210120101"));
		assertThat(state.parties().keySet()).isEqualTo(Set.of("4404", "450124", "91441900TWXLM6C1JW", "450102101201"));
		assertThat(state.parties().get("91441900TWXLM6C1JW")).isEqualTo(new PairingState.Party("91441900TWXLM6C1JW",
				"东莞汇通食品有限公司", "ENTERPRISE", "PRIVATE", "4419", "EAST", null));
		assertThat(state.activeBetween())
			.isEqualTo(Map.of(PairingState.between("EAST_WEST", "4404", "450124"), List.of("CP-4404-450124")));
		assertThat(state.covering()).isEqualTo(Map.of(PairingState.pair("4404", "450124"), List.of("EW-44-45")));
		assertThat(state.pairingIds()).isEqualTo(Set.of("CP-4404-450124"));

		assertThat(PairingRules.create(county, state, ADMIN)).extracting(Violation::code, Violation::field)
			.containsExactly(tuple(ErrorCode.CONFLICT, "input.recipientId"));
		assertThat(PairingRules.create(village, state, ADMIN)).isEmpty();
		assertThat(PairingRules.create(stranger, state, ADMIN)).extracting(Violation::messageEn)
			.containsExactly("No organisation has the id 91440000AAAAAAAAAA.",
					"input.recipientId is a household; pairings link places and organisations, not households.");
	}

	private static CreatePairingInput input(PairingProgram program, PairingKind kind, String helper, String recipient) {
		return new CreatePairingInput(program, kind, helper, recipient, null, LocalDate.of(2025, 3, 1), null, null,
				null, Money.parse("500000.00"), null, null);
	}

	private static List<CSVRecord> csv(String name) throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("seed/illustrative", name), StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
		}
	}

}
