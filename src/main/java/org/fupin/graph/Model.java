package org.fupin.graph;

import java.util.List;

import static org.fupin.graph.ValueType.BOOLEAN;
import static org.fupin.graph.ValueType.CODE;
import static org.fupin.graph.ValueType.DATE;
import static org.fupin.graph.ValueType.DATETIME;
import static org.fupin.graph.ValueType.FRACTION;
import static org.fupin.graph.ValueType.INTEGER;
import static org.fupin.graph.ValueType.INTEGER_LIST;
import static org.fupin.graph.ValueType.MONEY;
import static org.fupin.graph.ValueType.SHARE;
import static org.fupin.graph.ValueType.TEXT;
import static org.fupin.graph.ValueType.TEXT_LIST;

/**
 * The graph of the platform, declared once: every node type with its labels, natural key
 * and typed properties, and every relationship with its ends and properties.
 * {@link #GRAPH} holds them all; the constants name them for the code that derives from
 * them (the seed loader, the bulk writer and the offline importer's input, the party
 * look-up, the "current on a date" conditions) and for {@code schema/README.md}, whose
 * tables are rendered from it.
 */
public final class Model {

	private Model() {
	}

	private static final Period HALF_OPEN = Period.halfOpen("validFrom", "validTo");

	// Places: one id space over five levels.

	public static final NodeType PLACE = NodeType.of("Place")
		.key("code", CODE, "统计用区划代码: 2 digits province, 4 prefecture, 6 county, 9 township, 12 village")
		.with("name", TEXT)
		.with("certainty", CODE, "of a public fact")
		.with("source", TEXT, "of a public fact")
		.with("illustrative", BOOLEAN, "made up, see seed/README.md")
		.note("any level, for a look-up by code");

	public static final NodeType PROVINCE = PLACE.below("Province")
		.with("nameEn", TEXT)
		.with("region", CODE, "EAST, CENTRAL, WEST, NORTHEAST")
		.with("assistanceProgram", CODE, "EAST_WEST or COUNTERPART_SUPPORT: which program pairs it with the east")
		.with("assistanceSource", TEXT);

	public static final NodeType PREFECTURE = PLACE.below("Prefecture");

	public static final NodeType COUNTY = PLACE.below("County")
		.with("formerlyPoor", BOOLEAN)
		.with("exitYear", INTEGER)
		.with("nationalKeyCounty", BOOLEAN)
		.with("provincialKeyCounty", BOOLEAN)
		.with("provincialCategory", CODE);

	public static final NodeType TOWNSHIP = PLACE.below("Township");

	public static final NodeType VILLAGE = PLACE.below("Village")
		.with("formerlyPoor", BOOLEAN)
		.with("keyVillage", BOOLEAN)
		.with("relocationSite", BOOLEAN)
		.with("population", INTEGER)
		.with("formerlyPoorPopulation", INTEGER);

	// Parties.

	public static final NodeType ORGANISATION = NodeType.of("Organisation")
		.key("creditCode", CODE, "统一社会信用代码, 18 characters")
		.with("name", TEXT)
		.with("kind", CODE, "its kind label in upper case, e.g. ENTERPRISE")
		.with("enterpriseType", CODE)
		.with("illustrative", BOOLEAN)
		.kinds("Collective", "Enterprise", "Cooperative", "GovernmentDepartment", "CentralUnit", "Hospital", "School",
				"SocialOrganisation");

	public static final NodeType HOUSEHOLD = NodeType.of("Household")
		.key("householdNo", CODE, "starts with H")
		.with("headName", TEXT, "personal data")
		.with("idNumber", CODE, "personal data")
		.with("size", INTEGER)
		.with("formerlyPoor", BOOLEAN)
		.with("illustrative", BOOLEAN);

	public static final NodeType PERSON = NodeType.of("Person")
		.key("personId", CODE, null)
		.with("name", TEXT, "personal data")
		.with("role", CODE)
		.with("illustrative", BOOLEAN);

	/**
	 * What one id may name without a type tag: an organisation, a household or a place.
	 */
	public static final List<NodeType> PARTIES = List.of(ORGANISATION, HOUSEHOLD, PLACE);

	// Pairing assistance.

	public static final NodeType PAIRING = NodeType.of("Pairing")
		.key("id", CODE, null)
		.with("program", CODE)
		.with("kind", CODE, "the primary kind")
		.with("kinds", TEXT_LIST,
				"every kind, the primary first; absent on pairings loaded with one kind, always written by the API")
		.with("startDate", DATE)
		.with("startDatePrecision", CODE, "YEAR when the sources give the year only")
		.with("endDate", DATE, "the last day")
		.with("status", CODE)
		.with("exception", BOOLEAN)
		.with("exceptionReason", TEXT)
		.with("centralArrangement", BOOLEAN)
		.with("investment", MONEY)
		.with("certainty", CODE)
		.with("source", TEXT)
		.with("illustrative", BOOLEAN)
		.with("helperPlace", CODE,
				"derived, for range seeks: the helper's code, or that of the place it is located in; see PairingPlaces")
		.with("recipientPlace", CODE, "derived, as helperPlace, for the recipient")
		.period(new Period("startDate", "endDate", true, true));

	public static final NodeType PAIRING_RESULT = NodeType.of("PairingResult")
		.key("id", CODE, "<pairing id>/<year>/<indicator>")
		.with("pairingId", CODE)
		.with("year", INTEGER)
		.with("indicator", CODE)
		.with("target", INTEGER, "fen for yuan indicators, whole persons or counts otherwise")
		.with("actual", INTEGER, "as target; absent for derived indicators")
		.with("source", TEXT)
		.with("illustrative", BOOLEAN)
		.with("correctionReason", TEXT)
		.note("a pairing's figure for one year and indicator");

	// Funding and assets.

	public static final NodeType FUND_SOURCE = NodeType.of("FundSource")
		.key("code", CODE, null)
		.with("name", TEXT)
		.with("kind", CODE)
		.with("year", INTEGER)
		.with("illustrative", BOOLEAN);

	public static final NodeType PROJECT = NodeType.of("Project")
		.key("code", CODE, null)
		.with("name", TEXT)
		.with("year", INTEGER)
		.with("illustrative", BOOLEAN);

	public static final NodeType ASSET = NodeType.of("Asset")
		.key("registerNo", CODE, null)
		.with("name", TEXT)
		.with("type", CODE)
		.with("category", CODE, "PUBLIC_WELFARE, OPERATING, ASSIGNED")
		.with("originalValue", MONEY)
		.with("completionDate", DATE)
		.with("status", CODE, "IN_USE, IDLE, DAMAGED, DISPOSED")
		.with("statusSince", DATE)
		.with("placeCode", CODE, "the code of its place, for range seeks")
		.with("version", INTEGER, "raised by every change")
		.with("illustrative", BOOLEAN);

	public static final NodeType CUSTODY = NodeType.of("Custody")
		.key("id", CODE, null)
		.with("duty", TEXT)
		.with("validFrom", DATE)
		.with("validTo", DATE, "exclusive")
		.with("illustrative", BOOLEAN)
		.period(HALF_OPEN);

	public static final NodeType OPERATION_CONTRACT = NodeType.of("OperationContract")
		.key("contractNo", CODE, null)
		.with("mode", CODE)
		.with("startDate", DATE)
		.with("endDate", DATE, "exclusive")
		.with("annualRent", MONEY)
		.with("illustrative", BOOLEAN)
		.period(Period.halfOpen("startDate", "endDate"));

	public static final NodeType INCOME = NodeType.of("Income")
		.key("id", CODE, null)
		.with("year", INTEGER)
		.with("amount", MONEY)
		.with("illustrative", BOOLEAN);

	public static final NodeType INCOME_USE = NodeType.of("IncomeUse")
		.key("id", CODE, null)
		.with("use", CODE)
		.with("amount", MONEY)
		.with("illustrative", BOOLEAN);

	public static final NodeType DISPOSAL = NodeType.of("Disposal")
		.key("id", CODE, null)
		.with("mode", CODE)
		.with("date", DATE)
		.with("approvalRef", TEXT)
		.with("proceeds", MONEY)
		.with("illustrative", BOOLEAN);

	// Written by the platform itself, not loaded.

	public static final NodeType CHANGE_EVENT = NodeType.of("ChangeEvent")
		.key("id", CODE, null)
		.with("at", DATETIME)
		.with("actor", TEXT)
		.with("operation", CODE)
		.with("subjectType", CODE)
		.with("subjectId", CODE)
		.with("before", TEXT, "JSON")
		.with("after", TEXT, "JSON")
		.note("a failed sign-in with an unknown name links to nothing");

	public static final NodeType ACCOUNT = NodeType.of("Account")
		.key("name", TEXT, null)
		.with("passwordHash", TEXT, "Spring Security's {bcrypt}...")
		.with("roles", TEXT_LIST)
		.with("place", CODE)
		.with("program", CODE)
		.with("personalData", BOOLEAN)
		.with("enabled", BOOLEAN)
		.with("createdAt", DATETIME)
		.with("createdBy", TEXT)
		.with("failedAttempts", INTEGER)
		.with("lockedUntil", DATETIME)
		.with("lastSignInAt", DATETIME)
		.with("lastAttemptAt", DATETIME, "each sign-in sets it, to write-lock the account while it counts failures")
		.with("disabledAt", DATETIME)
		.with("disabledBy", TEXT);

	public static final NodeType REFRESH_TOKEN = NodeType.of("RefreshToken")
		.key("hash", CODE, "SHA-256 of the token")
		.with("issuedAt", DATETIME)
		.with("expiresAt", DATETIME)
		.note("deleted when used, when its account is disabled or changes its password");

	public static final NodeType PERSONAL_DATA_READ = NodeType.of("PersonalDataRead")
		.with("id", CODE)
		.with("at", DATETIME)
		.with("actor", TEXT)
		.with("operation", CODE)
		.with("householdNos", TEXT_LIST)
		.note("one per request that showed personal data unmasked; found by time, never by id");

	public static final NodeType DASHBOARD_ROLLUP = NodeType.of("DashboardRollup")
		.key("code", CODE, "a county, prefecture or province code; '' for the country")
		.with("keys", TEXT_LIST)
		.with("counts", INTEGER_LIST)
		.with("values", INTEGER_LIST)
		.with("pairingKeys", TEXT_LIST)
		.with("pairingCounts", INTEGER_LIST)
		.with("pairingValues", INTEGER_LIST)
		.with("computedFor", DATE)
		.with("revision", INTEGER)
		.with("builtAt", DATETIME)
		.note("derived, not a fact: parallel arrays; see the README section \"Dashboards\"");

	public static final NodeType SEED_RUN = NodeType.of("SeedRun")
		.key("version", CODE, "digest of the seed files")
		.with("loadedAt", DATETIME)
		.with("historyYear", INTEGER)
		.with("yearShift", INTEGER);

	public static final NodeType BULK_LOAD_RUN = NodeType.of("BulkLoadRun")
		.with("scale", FRACTION, "of the national dataset; 1.0 is the country")
		.with("seed", INTEGER, "of its generator")
		.with("startedAt", DATETIME)
		.with("finishedAt", DATETIME, "absent while the load is unfinished")
		.with("chunks", INTEGER)
		.note("one per store loaded in bulk; see BulkLoader");

	public static final NodeType BULK_LOAD = NodeType.of("BulkLoad")
		.with("chunk", CODE)
		.with("rows", INTEGER)
		.note("one per chunk of the national dataset written");

	public static final NodeType IMPORT_JOB = NodeType.of("ImportJob")
		.key("id", CODE, null)
		.with("form", CODE, "the ledger's slug, e.g. assets")
		.with("fileName", TEXT)
		.with("file", TEXT, "where the upload is kept until commit or cancel")
		.with("charset", CODE)
		.with("actor", TEXT)
		.with("roles", TEXT_LIST)
		.with("placeScope", CODE, "the actor's place claim, or absent")
		.with("program", CODE, "the actor's program claim (a coordinator's), or absent")
		.with("createdAt", DATETIME)
		.with("updatedAt", DATETIME)
		.with("state", CODE, "VALIDATING, VALIDATED, INVALID, COMMITTING, COMMITTED, CANCELLED, FAILED")
		.with("commitRequested", BOOLEAN)
		.with("rowsRead", INTEGER)
		.with("rowsValid", INTEGER)
		.with("rowsInvalid", INTEGER)
		.with("rowsWritten", INTEGER)
		.with("rowsCreated", INTEGER)
		.with("rowsUpdated", INTEGER)
		.with("rowsUnchanged", INTEGER)
		.with("rate", INTEGER, "rows per second while it runs")
		.with("etaSeconds", INTEGER)
		.with("codes", TEXT_LIST)
		.with("codeCounts", INTEGER_LIST, "report lines per code, exact; parallel to codes")
		.with("linesKept", INTEGER)
		.with("message", TEXT, "why the whole file was refused or the job failed")
		.with("counties", TEXT_LIST, "the six-digit codes of the counties the valid rows write in")
		.with("countyVersions", INTEGER_LIST, "their register versions before the check; parallel to counties")
		.with("committedThrough", INTEGER, "the last row of the file a commit has written, in batches");

	public static final NodeType REGISTER_GATE = NodeType.of("RegisterGate")
		.key("county", CODE, "the county's six-digit code")
		.with("version", INTEGER, "counted up by every register write in the county")
		.with("importId", CODE, "the import whose commit holds the county, or absent")
		.note("one per county whose register was written; see RegisterGates");

	public static final NodeType IMPORT_REPORT_LINE = NodeType.of("ImportReportLine")
		.with("jobId", CODE)
		.with("seq", INTEGER)
		.with("row", INTEGER)
		.with("field", CODE)
		.with("header", TEXT)
		.with("value", TEXT)
		.with("code", CODE)
		.with("message", TEXT)
		.note("the first app.ledger.import.report-lines of a job's report; found by jobId and seq");

	// Relationships. Where a row of a node's file names the node it links to, the
	// column is that node's key on one side and the reference on the other.

	public static final RelationshipType PREFECTURE_PART_OF = RelationshipType.of(PREFECTURE, "code", "PART_OF",
			"provinceCode", PROVINCE);

	public static final RelationshipType COUNTY_PART_OF = RelationshipType.of(COUNTY, "code", "PART_OF",
			"prefectureCode", PREFECTURE);

	public static final RelationshipType TOWNSHIP_PART_OF = RelationshipType.of(TOWNSHIP, "code", "PART_OF",
			"countyCode", COUNTY);

	public static final RelationshipType VILLAGE_PART_OF = RelationshipType.of(VILLAGE, "code", "PART_OF",
			"townshipCode", TOWNSHIP);

	public static final RelationshipType ORGANISATION_LOCATED_IN = RelationshipType.of(ORGANISATION, "creditCode",
			"LOCATED_IN", "placeCode", PLACE);

	public static final RelationshipType HOUSEHOLD_LOCATED_IN = RelationshipType.of(HOUSEHOLD, "householdNo",
			"LOCATED_IN", "villageCode", VILLAGE);

	public static final RelationshipType WORKS_FOR = RelationshipType.of(PERSON, "personId", "WORKS_FOR",
			"organisationCode", ORGANISATION);

	public static final RelationshipType HELPER = RelationshipType.of(PAIRING, "id", "HELPER", "helperCode", PLACE,
			ORGANISATION);

	public static final RelationshipType RECIPIENT = RelationshipType.of(PAIRING, "id", "RECIPIENT", "recipientCode",
			PLACE, ORGANISATION);

	public static final RelationshipType UNDER = RelationshipType.of(PAIRING, "id", "UNDER", "parentPairingId",
			PAIRING);

	public static final RelationshipType RESULT_OF = RelationshipType.of(PAIRING_RESULT, "id", "RESULT_OF", "pairingId",
			PAIRING);

	/**
	 * Terms of one person on a pairing differ by their start: it is part of the identity.
	 */
	public static final RelationshipType STAFFED_BY = RelationshipType
		.of(PAIRING, "pairingId", "STAFFED_BY", "personId", PERSON)
		.with("role", CODE)
		.with("startDate", DATE)
		.with("endDate", DATE)
		.identifiedBy("startDate");

	public static final RelationshipType PROVIDED_BY = RelationshipType.of(FUND_SOURCE, "code", "PROVIDED_BY",
			"providerCode", PLACE, ORGANISATION);

	public static final RelationshipType FUND_THROUGH = RelationshipType.of(FUND_SOURCE, "code", "THROUGH", "pairingId",
			PAIRING);

	public static final RelationshipType PROJECT_LOCATED_IN = RelationshipType.of(PROJECT, "code", "LOCATED_IN",
			"countyCode", COUNTY);

	public static final RelationshipType PROJECT_THROUGH = RelationshipType.of(PROJECT, "code", "THROUGH", "pairingId",
			PAIRING);

	public static final RelationshipType FUNDED = RelationshipType
		.of(FUND_SOURCE, "fundCode", "FUNDED", "projectCode", PROJECT)
		.with("amount", MONEY);

	public static final RelationshipType ASSET_LOCATED_IN = RelationshipType.of(ASSET, "registerNo", "LOCATED_IN",
			"placeCode", PLACE);

	public static final RelationshipType FORMED = RelationshipType.of(PROJECT, "projectCode", "FORMED", "registerNo",
			ASSET);

	/** Periods of one owner differ by their start: it is part of the identity. */
	public static final RelationshipType OWNED_BY = RelationshipType
		.of(ASSET, "registerNo", "OWNED_BY", "ownerCode", ORGANISATION, HOUSEHOLD)
		.with("share", SHARE)
		.with("validFrom", DATE)
		.with(new Property("validTo", DATE, "exclusive, absent while current"))
		.with("certificateNo", CODE)
		.with(new Property("approvalRef", TEXT, "of a transfer"))
		.identifiedBy("validFrom")
		.period(HALF_OPEN);

	public static final RelationshipType HAS_CUSTODY = RelationshipType.of(ASSET, "registerNo", "HAS_CUSTODY", "id",
			CUSTODY);

	public static final RelationshipType CUSTODIAN = RelationshipType.of(CUSTODY, "id", "CUSTODIAN", "custodianCode",
			ORGANISATION);

	public static final RelationshipType RESPONSIBLE_PERSON = RelationshipType.of(CUSTODY, "id", "RESPONSIBLE_PERSON",
			"responsiblePersonId", PERSON);

	public static final RelationshipType HAS_CONTRACT = RelationshipType.of(ASSET, "registerNo", "HAS_CONTRACT",
			"contractNo", OPERATION_CONTRACT);

	public static final RelationshipType OPERATOR = RelationshipType.of(OPERATION_CONTRACT, "contractNo", "OPERATOR",
			"operatorCode", ORGANISATION, HOUSEHOLD);

	public static final RelationshipType EARNED = RelationshipType.of(ASSET, "registerNo", "EARNED", "id", INCOME);

	public static final RelationshipType USED_FOR = RelationshipType.of(INCOME, "incomeId", "USED_FOR", "id",
			INCOME_USE);

	public static final RelationshipType BENEFITS = RelationshipType
		.of(INCOME_USE, "useId", "BENEFITS", "beneficiaryCode", HOUSEHOLD, PLACE, ORGANISATION)
		.with("amount", MONEY);

	public static final RelationshipType DISPOSED_BY = RelationshipType.of(ASSET, "registerNo", "DISPOSED_BY", "id",
			DISPOSAL);

	public static final RelationshipType TRANSFERRED_TO = RelationshipType.of(DISPOSAL, "id", "TRANSFERRED_TO",
			"transfereeCode", ORGANISATION, HOUSEHOLD);

	public static final RelationshipType CHANGED = RelationshipType.of(CHANGE_EVENT, "id", "CHANGED", "subjectId",
			ASSET, PAIRING, ACCOUNT, PROJECT, ORGANISATION, HOUSEHOLD);

	public static final RelationshipType FOR = RelationshipType.of(REFRESH_TOKEN, "hash", "FOR", "name", ACCOUNT);

	public static final RelationshipType READ = RelationshipType.of(PERSONAL_DATA_READ, "id", "READ", "householdNo",
			HOUSEHOLD);

	/** The whole graph, nodes before what links them. */
	public static final Graph GRAPH = new Graph(
			List.of(PLACE, PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE, ORGANISATION, HOUSEHOLD, PERSON, PAIRING,
					PAIRING_RESULT, FUND_SOURCE, PROJECT, ASSET, CUSTODY, OPERATION_CONTRACT, INCOME, INCOME_USE,
					DISPOSAL, CHANGE_EVENT, ACCOUNT, REFRESH_TOKEN, PERSONAL_DATA_READ, DASHBOARD_ROLLUP, SEED_RUN,
					BULK_LOAD_RUN, BULK_LOAD, IMPORT_JOB, IMPORT_REPORT_LINE, REGISTER_GATE),
			List.of(PREFECTURE_PART_OF, COUNTY_PART_OF, TOWNSHIP_PART_OF, VILLAGE_PART_OF, ORGANISATION_LOCATED_IN,
					HOUSEHOLD_LOCATED_IN, WORKS_FOR, HELPER, RECIPIENT, UNDER, RESULT_OF, STAFFED_BY, PROVIDED_BY,
					FUND_THROUGH, PROJECT_LOCATED_IN, PROJECT_THROUGH, FUNDED, ASSET_LOCATED_IN, FORMED, OWNED_BY,
					HAS_CUSTODY, CUSTODIAN, RESPONSIBLE_PERSON, HAS_CONTRACT, OPERATOR, EARNED, USED_FOR, BENEFITS,
					DISPOSED_BY, TRANSFERRED_TO, CHANGED, FOR, READ));

}
