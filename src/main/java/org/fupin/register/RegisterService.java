package org.fupin.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.change.ChangeEvent;
import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.dashboard.DashboardRollups;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.DisposeAssetInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RecordIncomeInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;
import org.fupin.register.RegisterWrites.Change;
import org.fupin.register.RegisterWrites.Written;
import org.fupin.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the asset register (资产台账). Each method is one transaction that takes the
 * asset's write lock after passing its county's gate ({@link RegisterGates}: refused
 * while an import's commit holds the county), reads what the change's rules need
 * ({@link RegisterState}), refuses with the first rule broken ({@link RegisterRules}: the
 * same functions an import of a ledger runs over every row), writes
 * ({@link RegisterWrites}, as an import writes), and appends a {@link ChangeEvent} with
 * the values before and after. Any failure rolls everything back.
 */
@Service
public class RegisterService {

	private static final String ASSET = "Asset";

	private static final String KEY = "registerNo";

	private final RegisterRepository repository;

	private final RegisterWrites writes;

	private final ChangeLog changeLog;

	private final Clock clock;

	private final DashboardRollups rollups;

	private final RegisterGates gates;

	RegisterService(RegisterRepository repository, RegisterWrites writes, ChangeLog changeLog, Clock clock,
			DashboardRollups rollups, RegisterGates gates) {
		this.repository = repository;
		this.gates = gates;
		this.writes = writes;
		this.changeLog = changeLog;
		this.clock = clock;
		this.rollups = rollups;
	}

	/** What a mutation changed: the asset and the event that records it. */
	public record AssetChange(String registerNo, ChangeEvent change) {
	}

	/**
	 * What the register's rules need to know of the graph for the changes whose keys are
	 * collected in {@code keys}: one query per kind of look-up, however many changes.
	 */
	@Transactional(readOnly = true)
	public RegisterState readState(RegisterKeys keys) {
		return this.repository.read(keys);
	}

	/**
	 * Takes the write locks of the existing assets among {@code registerNos} for the rest
	 * of the caller's transaction, as a mutation does before it reads: an import's commit
	 * locks a batch's assets, then reads their state.
	 */
	@Transactional
	public void lock(List<String> registerNos) {
		this.repository.lockAll(registerNos);
	}

	@Transactional
	public AssetChange registerAsset(RegisterAssetInput input, Caller caller) {
		if (input.placeCode() != null) {
			this.gates.pass(input.placeCode().strip());
		}
		RegisterState state = this.repository.read(new RegisterKeys().add(input));
		refuseIfBroken(RegisterRules.registerAsset(input, state, caller, today()));
		String registerNo = input.registerNo().strip();
		String placeCode = input.placeCode().strip();
		String projectCode = input.projectCode();
		LocalDate completion = input.completionDate();
		List<OwnerShareInput> owners = (input.owners() != null) ? input.owners() : List.of();
		LocalDate ownedFrom = (input.ownedFrom() != null) ? input.ownedFrom() : completion;

		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("registerNo", registerNo);
		properties.put("name", input.name().strip());
		properties.put("type", input.type());
		properties.put("category", input.category());
		properties.put("originalValue", input.originalValue().fen());
		properties.put("completionDate", completion);
		properties.put("status", (input.status() != null) ? input.status() : "IN_USE");
		properties.put("statusSince", completion);
		properties.put("placeCode", placeCode);
		properties.put("version", 0L);
		properties.put("illustrative", false);
		this.rollups.beforeAssetChange(registerNo);
		this.repository.createAsset(properties, placeCode, projectCode);
		this.repository.openOwnership(RegisterWrites.ownerRows(registerNo, ownedFrom, owners, null));
		Map<String, Object> after = RegisterWrites.describe(properties);
		after.put("originalValue", input.originalValue().toString());
		after.put("projectCode", projectCode);
		after.put("owners", owners.isEmpty() ? List.of() : RegisterWrites.describe(owners, ownedFrom));
		return record(new Written(ChangeOperation.REGISTER_ASSET, registerNo, null, after), caller);
	}

	@Transactional
	public AssetChange transferOwnership(TransferOwnershipInput input, Caller caller) {
		RegisterState state = lockAndRead(input.registerNo(), new RegisterKeys().add(input));
		refuseIfBroken(RegisterRules.transferOwnership(input, state, caller, today()));
		return record(this.writes.transferOwnership(List.of(change(input, input.registerNo(), state))).get(0), caller);
	}

	@Transactional
	public AssetChange assignCustody(AssignCustodyInput input, Caller caller) {
		RegisterState state = lockAndRead(input.registerNo(), new RegisterKeys().add(input));
		refuseIfBroken(RegisterRules.assignCustody(input, state, caller, today()));
		return record(this.writes.assignCustody(List.of(change(input, input.registerNo(), state))).get(0), caller);
	}

	@Transactional
	public AssetChange recordOperationContract(RecordOperationContractInput input, Caller caller) {
		RegisterState state = lockAndRead(input.registerNo(), new RegisterKeys().add(input));
		refuseIfBroken(RegisterRules.recordOperationContract(input, state, caller));
		return record(this.writes.recordOperationContract(List.of(change(input, input.registerNo(), state))).get(0),
				caller);
	}

	@Transactional
	public AssetChange recordIncome(RecordIncomeInput input, Caller caller) {
		RegisterState state = lockAndRead(input.registerNo(), new RegisterKeys().add(input));
		refuseIfBroken(RegisterRules.recordIncome(input, state, caller, today()));
		return record(this.writes.recordIncome(List.of(change(input, input.registerNo(), state))).get(0), caller);
	}

	@Transactional
	public AssetChange changeAssetStatus(ChangeAssetStatusInput input, Caller caller) {
		RegisterState state = lockAndRead(input.registerNo(), new RegisterKeys().add(input));
		refuseIfBroken(RegisterRules.changeAssetStatus(input, state, caller, today()));
		return record(this.writes.changeAssetStatus(List.of(change(input, input.registerNo(), state))).get(0), caller);
	}

	@Transactional
	public AssetChange disposeAsset(DisposeAssetInput input, Caller caller) {
		RegisterState state = lockAndRead(input.registerNo(), new RegisterKeys().add(input));
		refuseIfBroken(RegisterRules.disposeAsset(input, state, caller, today()));
		return record(this.writes.disposeAsset(List.of(change(input, input.registerNo(), state))).get(0), caller);
	}

	/**
	 * Passes the gate of the asset's county and takes the asset's write lock (when it
	 * exists), then reads the state the rules need: everything read afterwards is what
	 * this transaction will write over, and concurrent changes of the same asset queue
	 * here.
	 */
	private RegisterState lockAndRead(String registerNo, RegisterKeys keys) {
		if (registerNo != null && !registerNo.isBlank()) {
			this.gates.passAsset(registerNo.strip());
			this.repository.lock(registerNo.strip());
		}
		return this.repository.read(keys);
	}

	/** Refuses the change with the first rule it breaks. */
	private static void refuseIfBroken(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw violations.get(0).exception();
		}
	}

	/**
	 * The change to write once the rules have passed; what the asset adds to the
	 * dashboards is counted before anything is written.
	 */
	private <I> Change<I> change(I input, String registerNo, RegisterState state) {
		String key = registerNo.strip();
		this.rollups.beforeAssetChange(key);
		return new Change<>(input, state.asset(key));
	}

	private AssetChange record(Written written, Caller caller) {
		ChangeEvent event = this.changeLog.record(written.operation(), ASSET, KEY, written.registerNo(),
				written.before(), written.after(), caller.name());
		// Every mutation ends here: the asset's difference is added to the rollups in
		// this transaction, as late as possible, so their rows stay locked only until the
		// commit.
		this.rollups.refreshAssets(List.of(written.registerNo()));
		return new AssetChange(written.registerNo(), event);
	}

	/**
	 * The date in China, or the configured reporting date ({@code app.today}): dates in
	 * the future of it are refused.
	 */
	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
