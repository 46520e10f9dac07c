package org.fupin.register;

import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fupin.change.ChangeEvent;
import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.dashboard.DashboardRollups;
import org.fupin.graphql.ApiException;
import org.fupin.money.Money;
import org.fupin.party.Household;
import org.fupin.party.Organisation;
import org.fupin.party.PartyService;
import org.fupin.place.PlaceLevel;
import org.fupin.place.PlaceService;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.BeneficiaryShareInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.DisposeAssetInput;
import org.fupin.register.AssetInputs.IncomeUseInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RecordIncomeInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;
import org.fupin.asset.AssetTypeCategories;
import org.fupin.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.fupin.register.AssetRules.conflict;
import static org.fupin.register.AssetRules.require;
import static org.fupin.register.AssetRules.requireAfter;
import static org.fupin.register.AssetRules.requireNotFuture;
import static org.fupin.register.AssetRules.requireOwnerShares;
import static org.fupin.register.AssetRules.requirePositive;
import static org.fupin.register.AssetRules.requireSum;
import static org.fupin.register.AssetRules.requireText;

/**
 * Changes to the asset register (资产台账). Each method is one transaction that checks the
 * whole input first (shape, then the nodes it refers to), then takes the asset's write
 * lock, re-reads the asset's state and checks the change against it, writes, and appends
 * a {@link ChangeEvent} with the values before and after. Any failure rolls everything
 * back.
 */
@Service
public class RegisterService {

	private static final String ASSET = "Asset";

	private static final String KEY = "registerNo";

	private final RegisterRepository repository;

	private final PartyService parties;

	private final PlaceService places;

	private final ChangeLog changeLog;

	private final Clock clock;

	private final DashboardRollups rollups;

	RegisterService(RegisterRepository repository, PartyService parties, PlaceService places, ChangeLog changeLog,
			Clock clock, DashboardRollups rollups) {
		this.rollups = rollups;
		this.repository = repository;
		this.parties = parties;
		this.places = places;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	/** What a mutation changed: the asset and the event that records it. */
	public record AssetChange(String registerNo, ChangeEvent change) {
	}

	@Transactional
	public AssetChange registerAsset(RegisterAssetInput input, Caller caller) {
		LocalDate today = today();
		String registerNo = requireText(input.registerNo(), "registerNo");
		String name = requireText(input.name(), "name");
		require(input.type(), "type");
		require(input.category(), "category");
		if (!AssetTypeCategories.fits(input.type(), input.category())) {
			throw ApiException.invalid("category", "An asset of type " + input.type() + " is "
					+ String.join(" or ", AssetTypeCategories.allowedFor(input.type()).stream().sorted().toList())
					+ ", not " + input.category() + " (国办函〔2021〕51号: infrastructure and public services are "
					+ "public welfare, income-earning production assets operating, assets formed for households "
					+ "assigned); register it with a category that fits its type.");
		}
		Money value = require(input.originalValue(), "originalValue");
		LocalDate completion = requireNotFuture(input.completionDate(), "completionDate", today);
		String status = (input.status() != null) ? input.status() : "IN_USE";
		if ("DISPOSED".equals(status)) {
			throw ApiException.invalid("status",
					"A new asset cannot be DISPOSED: register it with its status before disposal, then use disposeAsset.");
		}
		String placeCode = requireText(input.placeCode(), "placeCode");
		PlaceLevel level = PlaceLevel.ofCode(placeCode, "placeCode");
		if (level != PlaceLevel.VILLAGE && level != PlaceLevel.COUNTY) {
			throw ApiException.invalid("placeCode", "An asset lies in a village (12 digits), or in a county (6 digits)"
					+ " for cross-village works; " + placeCode + " is a " + level.name().toLowerCase() + " code.");
		}
		List<OwnerShareInput> owners = (input.owners() != null) ? input.owners() : List.of();
		LocalDate ownedFrom = null;
		if (!owners.isEmpty()) {
			requireOwnerShares(owners, "owners");
			ownedFrom = (input.ownedFrom() != null) ? requireNotFuture(input.ownedFrom(), "ownedFrom", today)
					: completion;
		}

		caller.requireAssetWrite(placeCode, "placeCode");
		if (this.places.findByCodes(List.of(placeCode)).isEmpty()) {
			throw ApiException.notFound("placeCode", "No place has the code " + placeCode + " (统计用区划代码).");
		}
		String projectCode = input.projectCode();
		if (projectCode != null && !this.repository.projectExists(projectCode)) {
			throw ApiException.notFound("projectCode", "No project has the code " + projectCode + ".");
		}
		requireOwners(owners, "owners");
		if (this.repository.assetExists(registerNo)) {
			throw conflict("registerNo", "An asset with the register number " + registerNo
					+ " is already registered; choose another register number.");
		}

		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("registerNo", registerNo);
		properties.put("name", name);
		properties.put("type", input.type());
		properties.put("category", input.category());
		properties.put("originalValue", value.fen());
		properties.put("completionDate", completion);
		properties.put("status", status);
		properties.put("statusSince", completion);
		properties.put("placeCode", placeCode);
		properties.put("version", 0L);
		properties.put("illustrative", false);
		this.rollups.beforeAssetChange(registerNo);
		this.repository.createAsset(properties, placeCode, projectCode);
		List<Map<String, Object>> periods = List.of();
		if (!owners.isEmpty()) {
			this.repository.openOwnership(registerNo, ownedFrom, ownerRows(owners));
			periods = describe(owners, ownedFrom);
		}
		Map<String, Object> after = describe(properties);
		after.put("originalValue", value.toString());
		after.put("projectCode", projectCode);
		after.put("owners", periods);
		return record(ChangeOperation.REGISTER_ASSET, registerNo, null, after, caller.name());
	}

	@Transactional
	public AssetChange transferOwnership(TransferOwnershipInput input, Caller caller) {
		String registerNo = requireText(input.registerNo(), KEY);
		LocalDate date = requireNotFuture(input.date(), "date", today());
		requireOwnerShares(input.owners(), "owners");
		requireOwners(input.owners(), "owners");

		AssetState state = lock(registerNo, caller);
		requireNotDisposed(state, "ownership changes");
		OwnershipPeriod.requireContinuation(state.ownership(), date, "date");

		String approvalRef = (input.approvalRef() != null && !input.approvalRef().isBlank())
				? input.approvalRef().strip() : null;
		this.repository.closeOwnership(registerNo, date);
		this.repository.openOwnership(registerNo, date, ownerRows(input.owners()));
		if (approvalRef != null) {
			this.repository.approveTransfer(registerNo, date, approvalRef);
		}
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("owners", state.openOwnership().stream().map(OwnershipPeriod::describe).toList());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("date", date.toString());
		after.put("approvalRef", approvalRef);
		after.put("owners", describe(input.owners(), date));
		return record(ChangeOperation.TRANSFER_OWNERSHIP, registerNo, before, after, caller.name());
	}

	@Transactional
	public AssetChange assignCustody(AssignCustodyInput input, Caller caller) {
		String registerNo = requireText(input.registerNo(), KEY);
		String custodianId = requireText(input.custodianId(), "custodianId");
		String personId = requireText(input.responsiblePersonId(), "responsiblePersonId");
		String duty = requireText(input.duty(), "duty");
		LocalDate validFrom = requireNotFuture(input.validFrom(), "validFrom", today());

		Object custodian = this.parties.findParties(List.of(custodianId)).get(custodianId);
		if (custodian == null) {
			throw ApiException.notFound("custodianId", "No organisation has the credit code " + custodianId + ".");
		}
		if (!(custodian instanceof Organisation)) {
			throw ApiException.invalid("custodianId",
					custodianId + " is not an organisation; a custodian (管护主体) is an organisation's credit code.");
		}
		if (this.parties.findPersons(List.of(personId)).isEmpty()) {
			throw ApiException.notFound("responsiblePersonId", "No person has the id " + personId + ".");
		}

		AssetState state = lock(registerNo, caller);
		requireNotDisposed(state, "custody changes");
		LocalDate latestStart = state.custody()
			.stream()
			.map(AssetState.CustodyPeriod::validFrom)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (latestStart != null && !validFrom.isAfter(latestStart)) {
			throw conflict("validFrom", "The latest custody of this asset began on " + latestStart
					+ "; a new custody must begin after it, and " + validFrom + " does not.");
		}
		LocalDate latestEnd = state.custody()
			.stream()
			.map(AssetState.CustodyPeriod::validTo)
			.filter(Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (latestEnd != null && validFrom.isBefore(latestEnd)) {
			throw conflict("validFrom", "A custody of this asset ran until " + latestEnd + "; a new custody beginning "
					+ validFrom + " would overlap it.");
		}

		AssetState.CustodyPeriod open = state.openCustody();
		this.repository.closeCustody(registerNo, validFrom);
		String id = "CU-" + registerNo + "-" + (state.custody().size() + 1);
		this.repository.createCustody(registerNo, id, custodianId, personId, duty, validFrom);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("custody", (open != null) ? describe(open) : null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("custody", describe(new AssetState.CustodyPeriod(id, custodianId, personId, duty, validFrom, null)));
		if (open != null) {
			after.put("closed", Map.of("id", open.id(), "validTo", validFrom.toString()));
		}
		return record(ChangeOperation.ASSIGN_CUSTODY, registerNo, before, after, caller.name());
	}

	@Transactional
	public AssetChange recordOperationContract(RecordOperationContractInput input, Caller caller) {
		String registerNo = requireText(input.registerNo(), KEY);
		String contractNo = requireText(input.contractNo(), "contractNo");
		String operatorId = requireText(input.operatorId(), "operatorId");
		require(input.mode(), "mode");
		LocalDate start = require(input.startDate(), "startDate");
		LocalDate end = require(input.endDate(), "endDate");
		requireAfter(start, "startDate", end, "endDate");
		Money rent = require(input.annualRent(), "annualRent");

		requireOwners(List.of(operatorId), List.of("operatorId"));
		if (this.repository.contractExists(contractNo)) {
			throw conflict("contractNo",
					"A contract numbered " + contractNo + " is already recorded; contract numbers are unique.");
		}

		AssetState state = lock(registerNo, caller);
		requireNotDisposed(state, "operation contracts");

		Map<String, Object> contract = new LinkedHashMap<>();
		contract.put("contractNo", contractNo);
		contract.put("mode", input.mode());
		contract.put("startDate", start);
		contract.put("endDate", end);
		contract.put("annualRent", rent.fen());
		contract.put("illustrative", false);
		this.repository.createContract(registerNo, contract, operatorId);
		Map<String, Object> shown = describe(contract);
		shown.remove("illustrative");
		shown.put("annualRent", rent.toString());
		shown.put("operatorId", operatorId);
		return record(ChangeOperation.RECORD_OPERATION_CONTRACT, registerNo, null, Map.of("contract", shown),
				caller.name());
	}

	@Transactional
	public AssetChange recordIncome(RecordIncomeInput input, Caller caller) {
		String registerNo = requireText(input.registerNo(), KEY);
		int year = require(input.year(), "year");
		LocalDate today = today();
		if (year > today.getYear()) {
			throw ApiException.invalid("year",
					"year must not be after this year (" + today.getYear() + "), was " + year + ".");
		}
		Money amount = requirePositive(input.amount(), "amount");
		List<IncomeUseInput> uses = (input.uses() != null) ? input.uses() : List.of();
		if (uses.isEmpty()) {
			throw ApiException.invalid("uses",
					"uses must distribute the income: give at least one use (收益用途) with its amount.");
		}
		Set<String> kinds = new HashSet<>();
		List<String> beneficiaryIds = new ArrayList<>();
		List<String> beneficiaryFields = new ArrayList<>();
		for (int i = 0; i < uses.size(); i++) {
			IncomeUseInput use = uses.get(i);
			String field = "uses[" + i + "]";
			require(use.use(), field + ".use");
			if (!kinds.add(use.use())) {
				throw ApiException.invalid(field + ".use",
						use.use() + " appears twice in uses; give each use once with its whole amount.");
			}
			Money useAmount = require(use.amount(), field + ".amount");
			List<BeneficiaryShareInput> beneficiaries = (use.beneficiaries() != null) ? use.beneficiaries() : List.of();
			Set<String> seen = new HashSet<>();
			for (int j = 0; j < beneficiaries.size(); j++) {
				String beneficiaryField = field + ".beneficiaries[" + j + "]";
				String id = requireText(beneficiaries.get(j).beneficiaryId(), beneficiaryField + ".beneficiaryId");
				if (!seen.add(id)) {
					throw ApiException.invalid(beneficiaryField + ".beneficiaryId",
							id + " appears twice in " + field + ".beneficiaries; give each beneficiary once.");
				}
				requirePositive(beneficiaries.get(j).amount(), beneficiaryField + ".amount");
				beneficiaryIds.add(id);
				beneficiaryFields.add(beneficiaryField + ".beneficiaryId");
			}
			if (!beneficiaries.isEmpty()) {
				requireSum(useAmount, beneficiaries.stream().map(BeneficiaryShareInput::amount).toList(),
						field + ".beneficiaries", field + ".amount");
			}
		}
		requireSum(amount, uses.stream().map(IncomeUseInput::amount).toList(), "uses", "amount");
		requireParties(beneficiaryIds, beneficiaryFields);

		AssetState state = lock(registerNo, caller);
		if (state.completionDate() != null && year < state.completionDate().getYear()) {
			throw ApiException.invalid("year", "The asset was completed on " + state.completionDate()
					+ "; it cannot have earned income in " + year + ".");
		}
		if (state.incomeYears().contains(year)) {
			throw conflict("year", "Income of " + year + " is already recorded for asset " + registerNo
					+ "; an asset has one income record per year.");
		}
		if (state.disposalDate() != null && year > state.disposalDate().getYear()) {
			throw conflict("year", "Asset " + registerNo + " was disposed on " + state.disposalDate()
					+ "; it cannot have earned income in " + year + ".");
		}

		String id = "INC-" + registerNo + "-" + year;
		Map<String, Object> income = new LinkedHashMap<>();
		income.put("id", id);
		income.put("year", (long) year);
		income.put("amount", amount.fen());
		income.put("illustrative", false);
		List<Map<String, Object>> useRows = new ArrayList<>();
		List<Map<String, Object>> beneficiaryRows = new ArrayList<>();
		List<Map<String, Object>> shownUses = new ArrayList<>();
		for (int i = 0; i < uses.size(); i++) {
			IncomeUseInput use = uses.get(i);
			String useId = id + "-U" + (i + 1);
			useRows.add(Map.of("id", useId, "use", use.use(), "amount", use.amount().fen()));
			List<Map<String, Object>> shownBeneficiaries = new ArrayList<>();
			for (BeneficiaryShareInput beneficiary : (use.beneficiaries() != null) ? use.beneficiaries()
					: List.<BeneficiaryShareInput>of()) {
				String beneficiaryId = beneficiary.beneficiaryId().strip();
				beneficiaryRows
					.add(Map.of("useId", useId, "beneficiaryId", beneficiaryId, "amount", beneficiary.amount().fen()));
				shownBeneficiaries
					.add(Map.of("beneficiaryId", beneficiaryId, "amount", beneficiary.amount().toString()));
			}
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("id", useId);
			shown.put("use", use.use());
			shown.put("amount", use.amount().toString());
			shown.put("beneficiaries", shownBeneficiaries);
			shownUses.add(shown);
		}
		this.repository.createIncome(registerNo, income, useRows, beneficiaryRows);
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("id", id);
		shown.put("year", year);
		shown.put("amount", amount.toString());
		shown.put("uses", shownUses);
		return record(ChangeOperation.RECORD_INCOME, registerNo, null, Map.of("income", shown), caller.name());
	}

	@Transactional
	public AssetChange changeAssetStatus(ChangeAssetStatusInput input, Caller caller) {
		String registerNo = requireText(input.registerNo(), KEY);
		String status = require(input.status(), "status");
		if ("DISPOSED".equals(status)) {
			throw ApiException.invalid("status",
					"Disposal needs a mode and an approval reference: use disposeAsset instead of changeAssetStatus.");
		}
		LocalDate since = requireNotFuture(input.since(), "since", today());

		AssetState state = lock(registerNo, caller);
		requireNotDisposed(state, "status changes");
		if (status.equals(state.status())) {
			throw conflict("status",
					"Asset " + registerNo + " is already " + status + " (since " + state.statusSince() + ").");
		}
		if (state.statusSince() != null && since.isBefore(state.statusSince())) {
			throw conflict("since", "Asset " + registerNo + " has been " + state.status() + " since "
					+ state.statusSince() + "; a new status cannot begin before that, and " + since + " does.");
		}

		this.repository.setStatus(registerNo, status, since);
		return record(ChangeOperation.CHANGE_ASSET_STATUS, registerNo, status(state.status(), state.statusSince()),
				status(status, since), caller.name());
	}

	@Transactional
	public AssetChange disposeAsset(DisposeAssetInput input, Caller caller) {
		String registerNo = requireText(input.registerNo(), KEY);
		String mode = require(input.mode(), "mode");
		LocalDate date = requireNotFuture(input.date(), "date", today());
		if (input.approvalRef() == null || input.approvalRef().isBlank()) {
			throw ApiException.invalid("approvalRef",
					"approvalRef is required: a disposal needs the reference of its approval (审批文号).");
		}
		String approvalRef = input.approvalRef().strip();
		Money proceeds = input.proceeds();
		String transfereeId = (input.transfereeId() != null && !input.transfereeId().isBlank())
				? input.transfereeId().strip() : null;
		if ("SCRAP".equals(mode) && transfereeId != null) {
			throw ApiException.invalid("transfereeId", "A scrapped asset goes to no one; leave transfereeId out.");
		}
		if (!"SCRAP".equals(mode) && transfereeId == null) {
			throw ApiException.invalid("transfereeId",
					"A " + mode + " needs the party receiving the asset: give transfereeId.");
		}
		if (transfereeId != null) {
			requireOwners(List.of(transfereeId), List.of("transfereeId"));
		}

		AssetState state = lock(registerNo, caller);
		requireNotDisposed(state, "further disposal");
		LocalDate earliest = latest(state.statusSince(), state.completionDate());
		if (earliest != null && date.isBefore(earliest)) {
			throw conflict("date", "Asset " + registerNo + " has been " + state.status() + " since " + earliest
					+ "; it cannot be disposed before that, and " + date + " is.");
		}
		for (OwnershipPeriod period : state.ownership()) {
			if (!date.isAfter(period.validFrom()) || (period.validTo() != null && period.validTo().isAfter(date))) {
				throw conflict("date",
						"An ownership period of this asset runs from " + period.validFrom()
								+ (period.validTo() != null ? " to " + period.validTo() : "")
								+ "; a disposal must be dated after its start and not before its end, and " + date
								+ " is not.");
			}
		}
		AssetState.CustodyPeriod custody = state.openCustody();
		if (custody != null && !date.isAfter(custody.validFrom())) {
			throw conflict("date",
					"The current custody began on " + custody.validFrom() + "; a disposal must be dated after it.");
		}
		for (AssetState.Contract contract : state.contracts()) {
			if (!date.isAfter(contract.startDate())) {
				throw conflict("date", "Contract " + contract.contractNo() + " starts on " + contract.startDate()
						+ "; a disposal must be dated after the start of every contract.");
			}
		}

		Map<String, Object> disposal = new LinkedHashMap<>();
		disposal.put("id", "DSP-" + registerNo);
		disposal.put("mode", mode);
		disposal.put("date", date);
		disposal.put("approvalRef", approvalRef);
		if (proceeds != null) {
			disposal.put("proceeds", proceeds.fen());
		}
		disposal.put("illustrative", false);
		this.repository.dispose(registerNo, disposal, transfereeId);

		Map<String, Object> before = status(state.status(), state.statusSince());
		before.put("owners", state.openOwnership().stream().map(OwnershipPeriod::describe).toList());
		Map<String, Object> after = status("DISPOSED", date);
		Map<String, Object> shown = describe(disposal);
		shown.remove("illustrative");
		if (proceeds != null) {
			shown.put("proceeds", proceeds.toString());
		}
		shown.put("transfereeId", transfereeId);
		after.put("disposal", shown);
		return record(ChangeOperation.DISPOSE_ASSET, registerNo, before, after, caller.name());
	}

	/**
	 * Takes the asset's lock, reads its state, refuses the caller unless the asset's
	 * place is in their scope, and counts what the asset adds to the dashboards: all
	 * before anything is written.
	 */
	private AssetState lock(String registerNo, Caller caller) {
		if (this.repository.lock(registerNo).isEmpty()) {
			throw ApiException.notFound(KEY, "No asset has the register number " + registerNo + ".");
		}
		AssetState state = this.repository.state(registerNo).orElseThrow();
		caller.requireAssetWrite(state.placeCode(), KEY);
		this.rollups.beforeAssetChange(registerNo);
		return state;
	}

	private static void requireNotDisposed(AssetState state, String what) {
		if (state.disposed()) {
			throw conflict(KEY,
					"Asset " + state.registerNo() + " was disposed"
							+ ((state.disposalDate() != null) ? " on " + state.disposalDate() : "")
							+ "; a disposed asset takes no " + what + ".");
		}
	}

	/** Owners, operators and transferees: organisations or households that exist. */
	private void requireOwners(List<OwnerShareInput> owners, String field) {
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < owners.size(); i++) {
			fields.add(field + "[" + i + "].ownerId");
		}
		requireOwners(owners.stream().map((o) -> o.ownerId().strip()).toList(), fields);
	}

	private void requireOwners(List<String> ids, List<String> fields) {
		if (ids.isEmpty()) {
			return;
		}
		Map<String, Object> found = this.parties.findParties(ids);
		for (int i = 0; i < ids.size(); i++) {
			Object party = found.get(ids.get(i));
			if (party == null) {
				throw ApiException.notFound(fields.get(i), "No organisation or household has the id " + ids.get(i)
						+ " (an 18-character credit code, or a household number starting with H).");
			}
			if (!(party instanceof Organisation) && !(party instanceof Household)) {
				throw ApiException.invalid(fields.get(i),
						ids.get(i) + " is a place; give an organisation's credit code or a household number.");
			}
		}
	}

	/** Beneficiaries: any organisation, household or place that exists. */
	private void requireParties(List<String> ids, List<String> fields) {
		if (ids.isEmpty()) {
			return;
		}
		Map<String, Object> found = this.parties.findParties(new HashSet<>(ids));
		for (int i = 0; i < ids.size(); i++) {
			if (!found.containsKey(ids.get(i))) {
				throw ApiException.notFound(fields.get(i), "No organisation, household or place has the id "
						+ ids.get(i) + " (a credit code, household number or place code).");
			}
		}
	}

	private AssetChange record(ChangeOperation operation, String registerNo, Map<String, Object> before,
			Map<String, Object> after, String actor) {
		ChangeEvent event = this.changeLog.record(operation, ASSET, KEY, registerNo, before, after, actor);
		// Every mutation ends here: the asset's difference is added to the rollups in
		// this
		// transaction, as late as possible, so their rows stay locked only until the
		// commit.
		this.rollups.refreshAssets(List.of(registerNo));
		return new AssetChange(registerNo, event);
	}

	private static List<Map<String, Object>> ownerRows(List<OwnerShareInput> owners) {
		return owners.stream().map((owner) -> {
			Map<String, Object> row = new HashMap<>();
			row.put("ownerId", owner.ownerId().strip());
			row.put("share", owner.share().hundredths());
			row.put("certificateNo", owner.certificateNo());
			return row;
		}).toList();
	}

	private static List<Map<String, Object>> describe(List<OwnerShareInput> owners, LocalDate from) {
		return owners.stream()
			.map((owner) -> new OwnershipPeriod(owner.ownerId().strip(), owner.share(), from, null,
					owner.certificateNo())
				.describe())
			.toList();
	}

	private static Map<String, Object> describe(AssetState.CustodyPeriod custody) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", custody.id());
		map.put("custodianId", custody.custodianId());
		map.put("responsiblePersonId", custody.responsiblePersonId());
		map.put("duty", custody.duty());
		map.put("validFrom", custody.validFrom().toString());
		return map;
	}

	/** Properties as a change event shows them: dates as ISO text. */
	private static Map<String, Object> describe(Map<String, Object> properties) {
		Map<String, Object> map = new LinkedHashMap<>();
		properties.forEach((key, value) -> map.put(key, (value instanceof LocalDate date) ? date.toString() : value));
		return map;
	}

	private static Map<String, Object> status(String status, LocalDate since) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("status", status);
		map.put("statusSince", (since != null) ? since.toString() : null);
		return map;
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	/**
	 * The date in China, or the configured reporting date ({@code app.today}): dates in
	 * the future of it are refused.
	 */
	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
