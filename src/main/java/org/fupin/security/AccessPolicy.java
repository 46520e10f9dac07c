package org.fupin.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.fupin.security.Role.ADMIN;
import static org.fupin.security.Role.AUDITOR;
import static org.fupin.security.Role.COORDINATOR;
import static org.fupin.security.Role.OFFICER;

/**
 * Who may use which field: the whole authorisation policy in one table, read by
 * {@link FieldAuthorization}. A table in Java rather than an SDL directive because the
 * rules need code anyway (place scope, argument rewriting), because one file is easier to
 * review than directives spread over every schema file, and because the default for a new
 * field is then simple to enforce: a Query or Mutation field that is not in
 * {@link #FIELDS} is refused for everyone, and {@code AccessPolicyTests} fails until it
 * is added.
 *
 * <p>
 * Nested data obeys {@link #TYPES}: every field of those types is checked too, wherever
 * the object was reached from (a pairing, a place, an organisation), so an anonymous
 * caller cannot walk from public data into households, persons, assets or the change
 * history. OFFICER reads are scoped to their place: the place argument named in the rule
 * is refused when out of scope and set to their place when absent, and assets and
 * households outside the scope are refused field by field. Writes check their scope
 * inside the service's transaction ({@link Caller#requireAssetWrite},
 * {@link Caller#requirePairingWrite}).
 */
final class AccessPolicy {

	/**
	 * Officials who read the register: ADMIN and AUDITOR everywhere, OFFICER in scope.
	 */
	static final Rule READERS = Rule.of(ADMIN, AUDITOR, OFFICER);

	/** Anyone, also without a token. */
	static final Rule PUBLIC = new Rule(true, Set.of(), null, null);

	static final Rule ASSET_WRITERS = Rule.of(ADMIN, OFFICER);

	static final Rule PAIRING_WRITERS = Rule.of(ADMIN, OFFICER, COORDINATOR);

	/** Any signed-in caller. */
	static final Rule SIGNED_IN = Rule.of(Role.values());

	/** Every Query and Mutation field, by {@code Type.field}. */
	static final Map<String, Rule> FIELDS = Map.ofEntries(
			// Places: public.
			entry("Query.place", PUBLIC), entry("Query.province", PUBLIC), entry("Query.prefecture", PUBLIC),
			entry("Query.county", PUBLIC), entry("Query.township", PUBLIC), entry("Query.village", PUBLIC),
			entry("Query.provinces", PUBLIC), entry("Query.prefectures", PUBLIC), entry("Query.counties", PUBLIC),
			entry("Query.townships", PUBLIC), entry("Query.villages", PUBLIC),
			// Pairings and their aggregate figures: public.
			entry("Query.pairings", PUBLIC), entry("Query.pairing", PUBLIC), entry("Query.coverageGaps", PUBLIC),
			entry("Query.pairingSummary", PUBLIC), entry("Query.assistanceNetwork", PUBLIC),
			entry("Query.connections", PUBLIC),
			// Aggregate figures: public.
			entry("Query.dashboard", PUBLIC),
			// Parties: organisations are public; a household or person found by party(id)
			// is refused field by field (TYPES).
			entry("Query.party", PUBLIC), entry("Query.organisation", PUBLIC), entry("Query.organisations", PUBLIC),
			entry("Query.household", READERS), entry("Query.households", READERS.officerScopedBy("filter.placeCode")),
			entry("Query.person", READERS.and(COORDINATOR)),
			// The asset register and its audit.
			entry("Query.asset", READERS), entry("Query.assets", READERS.officerScopedBy("filter.placeCode")),
			entry("Query.provenance", READERS), entry("Query.project", READERS), entry("Query.fundSource", READERS),
			entry("Query.auditFindings", READERS.officerScopedBy("filter.placeCode")),
			entry("Query.auditFindingCounts", READERS.officerScopedBy("placeCode")),
			entry("Query.changes", READERS.officerScopedBy("filter.placeCode")),
			// Who saw personal data: for those who check on it.
			entry("Query.personalDataReads", Rule.of(ADMIN, AUDITOR)),
			// Local accounts: administrators manage them; each account changes its own
			// password.
			entry("Query.accounts", Rule.of(ADMIN)), entry("Mutation.createAccount", Rule.of(ADMIN)),
			entry("Mutation.disableAccount", Rule.of(ADMIN)), entry("Mutation.changePassword", SIGNED_IN),
			// Writes: the place scope is checked inside each write's transaction.
			entry("Mutation.registerAsset", ASSET_WRITERS), entry("Mutation.transferOwnership", ASSET_WRITERS),
			entry("Mutation.assignCustody", ASSET_WRITERS), entry("Mutation.recordOperationContract", ASSET_WRITERS),
			entry("Mutation.recordIncome", ASSET_WRITERS), entry("Mutation.changeAssetStatus", ASSET_WRITERS),
			entry("Mutation.disposeAsset", ASSET_WRITERS), entry("Mutation.createPairing", PAIRING_WRITERS),
			entry("Mutation.amendPairing", PAIRING_WRITERS), entry("Mutation.endPairing", PAIRING_WRITERS),
			// A pairing's yearly figures: written by those who write pairings, read by
			// anyone.
			entry("Mutation.recordPairingResults", PAIRING_WRITERS),
			entry("Mutation.correctPairingResults", PAIRING_WRITERS),
			// Ledger imports: officials who read the register and coordinators see the
			// jobs (an OFFICER or a COORDINATOR those uploaded within its place); those
			// who write commit and cancel, each ledger naming its writers (coordinators
			// only the pairing ledgers) and each row checked against their scope.
			entry("Query.ledgerImport", READERS.and(COORDINATOR)),
			entry("Query.ledgerImports", READERS.and(COORDINATOR)),
			entry("Query.ledgerImportReport", READERS.and(COORDINATOR)),
			entry("Mutation.commitLedgerImport", PAIRING_WRITERS),
			entry("Mutation.cancelLedgerImport", PAIRING_WRITERS));

	/**
	 * Every HTTP endpoint outside GraphQL that reads protected data, by method and path
	 * pattern, checked by {@link EndpointAccess}. The ledgers are bulk copies of what the
	 * lists show, so each needs a signed-in caller even where the list is public, and its
	 * filter is scoped as the list's is: an OFFICER's to their place, a COORDINATOR's
	 * pairings to their program.
	 */
	static final Map<String, Rule> ENDPOINTS = Map.ofEntries(
			entry("GET /ledgers/assets", READERS.officerScopedBy("filter.placeCode")),
			entry("GET /ledgers/audit-findings", READERS.officerScopedBy("filter.placeCode")),
			entry("GET /ledgers/changes", READERS.officerScopedBy("filter.placeCode")),
			entry("GET /ledgers/households", READERS.officerScopedBy("filter.placeCode")),
			entry("GET /ledgers/organisations", SIGNED_IN.officerScopedBy("filter.placeCode")),
			entry("GET /ledgers/pairings",
					READERS.and(COORDINATOR)
						.officerScopedBy("filter.recipientId")
						.coordinatorScopedBy("filter.programs")),
			entry("GET /assets/{registerNo}/provenance", READERS),
			// Ledger imports: uploaded by those who write assets or pairings (each ledger
			// names its writers, and every row is checked against their scope); a job and
			// its report read as through GraphQL.
			entry("POST /ledgers/{ledger}/imports", PAIRING_WRITERS),
			entry("GET /ledgers/imports/{id}", READERS.and(COORDINATOR)),
			entry("GET /ledgers/imports/{id}/report", READERS.and(COORDINATOR)),
			// A ledger's template to fill carries no data: anyone signed in.
			entry("GET /ledgers/{ledger}/template", SIGNED_IN));

	/**
	 * Types whose every field is checked, wherever the object was reached from. Types not
	 * listed are as open as the field that led to them.
	 */
	static final Map<String, Rule> TYPES = Map.ofEntries(
			// OFFICER: only those whose place is in scope (Asset.placeCode,
			// Household.villageCode, the provenance's asset, Project.countyCode).
			entry("Asset", READERS), entry("Household", READERS), entry("Provenance", READERS),
			// Per-person data: officials and coordinators (who staff pairings).
			entry("Person", READERS.and(COORDINATOR)), entry("PairingStaff", READERS.and(COORDINATOR)),
			entry("PairingStaffConnection", READERS.and(COORDINATOR)),
			// The change history and asset details, wherever they are reached from.
			entry("ChangeEvent", READERS), entry("ChangeEventConnection", READERS), entry("AssetConnection", READERS),
			entry("PairingAsset", READERS), entry("PairingAssetConnection", READERS),
			entry("BeneficiaryShare", READERS), entry("BeneficiaryShareConnection", READERS),
			entry("Ownership", READERS), entry("Custody", READERS), entry("OperationContract", READERS),
			entry("Income", READERS), entry("IncomeUse", READERS), entry("Disposal", READERS),
			entry("Project", READERS), entry("FundSource", READERS), entry("FundAllocation", READERS),
			entry("AuditFinding", READERS), entry("PersonalDataRead", Rule.of(ADMIN, AUDITOR)),
			entry("AccountConnection", Rule.of(ADMIN)));

	private AccessPolicy() {
	}

	/**
	 * Who may use a field.
	 *
	 * @param anonymous whether callers without a token may
	 * @param roles the roles that may (an empty set with {@code anonymous}: everyone)
	 * @param officerPlaceArgument for OFFICER callers, the argument ({@code placeCode} or
	 * {@code filter.placeCode}) that is refused out of scope and set to their place when
	 * absent; null when the field has none
	 * @param coordinatorProgramArgument for COORDINATOR callers, the list of programs
	 * that may hold only theirs and is set to it when absent; null when none
	 */
	record Rule(boolean anonymous, Set<Role> roles, String officerPlaceArgument, String coordinatorProgramArgument) {

		static Rule of(Role... roles) {
			return new Rule(false, Set.copyOf(EnumSet.copyOf(Set.of(roles))), null, null);
		}

		Rule and(Role role) {
			Set<Role> more = EnumSet.copyOf(this.roles);
			more.add(role);
			return new Rule(this.anonymous, Set.copyOf(more), this.officerPlaceArgument,
					this.coordinatorProgramArgument);
		}

		Rule officerScopedBy(String argument) {
			return new Rule(this.anonymous, this.roles, argument, this.coordinatorProgramArgument);
		}

		Rule coordinatorScopedBy(String argument) {
			return new Rule(this.anonymous, this.roles, this.officerPlaceArgument, argument);
		}

		boolean allows(Caller caller) {
			return this.anonymous || caller.roles().stream().anyMatch(this.roles::contains);
		}

		/**
		 * Whether the caller reaches this field only as an OFFICER, so their place scope
		 * applies; an ADMIN or AUDITOR who is also an OFFICER reads unscoped.
		 */
		boolean scopedFor(Caller caller) {
			return !this.anonymous && caller.has(OFFICER)
					&& caller.roles().stream().noneMatch((r) -> r != OFFICER && this.roles.contains(r));
		}

		/**
		 * Whether the caller reaches this field only as a COORDINATOR, so their program
		 * scope applies.
		 */
		boolean programScopedFor(Caller caller) {
			return this.coordinatorProgramArgument != null && caller.has(COORDINATOR)
					&& caller.roles().stream().noneMatch((r) -> r != COORDINATOR && this.roles.contains(r));
		}

		String describe() {
			return this.anonymous ? "anyone" : "roles " + this.roles;
		}

	}

}
