package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fupin.change.ChangeLog;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.CellProblem;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.BeneficiaryShareInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.DisposeAssetInput;
import org.fupin.register.AssetInputs.IncomeUseInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RecordIncomeInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;
import org.fupin.register.AssetState;
import org.fupin.register.OwnershipPeriod;
import org.fupin.register.RegisterKeys;
import org.fupin.register.RegisterRules;
import org.fupin.register.RegisterService;
import org.fupin.register.RegisterState;
import org.fupin.register.RegisterWrites;
import org.fupin.register.RegisterWrites.Change;
import org.fupin.register.RegisterWrites.Written;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The ledgers of events in an asset's life in (产权变更, 管护, 经营合同, 收益分配, 状态变更, 处置). Each row,
 * or for income each group of rows of one asset and year, becomes the input of its
 * register change and goes through that change's own rules ({@link RegisterRules}) over
 * state read once per batch ({@link RegisterService#readState}): each change against the
 * state the valid changes before it in the file leave, so that a file may transfer an
 * asset and then transfer it again. Valid changes are written by {@link RegisterWrites},
 * as the mutations write them, a change event each, naming the import and the row.
 */
@Component
class EventLedger implements LedgerRows<EventLedger.FileState, List<EventLedger.Event>> {

	private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

	/** The ledgers of what happens to assets. */
	static final Set<LedgerForm> FORMS = EnumSet.of(LedgerForm.OWNERSHIP_CHANGES, LedgerForm.CUSTODY,
			LedgerForm.CONTRACTS, LedgerForm.INCOME, LedgerForm.STATUS_CHANGES, LedgerForm.DISPOSALS);

	private final RegisterService register;

	private final RegisterWrites writes;

	private final ChangeLog changeLog;

	EventLedger(RegisterService register, RegisterWrites writes, ChangeLog changeLog) {
		this.register = register;
		this.writes = writes;
		this.changeLog = changeLog;
	}

	/** What the checks of one file carry from batch to batch. */
	static final class FileState {

		final LedgerForm form;

		final Caller caller;

		final LocalDate today;

		final Map<String, String> headers = new HashMap<>();

		/** The first row of each key. */
		final Map<List<Object>, Integer> keys = new HashMap<>();

		/** The state of each asset as the valid changes so far leave it. */
		final Map<String, AssetState> assets = new HashMap<>();

		/** Contract numbers the valid rows so far have taken. */
		final Set<String> contracts = new HashSet<>();

		/** Income rows of an asset and year whose group has not ended yet. */
		final List<SourceRow> pending = new ArrayList<>();

		FileState(LedgerForm form, Caller caller, LocalDate today) {
			this.form = form;
			this.caller = caller;
			this.today = today;
			for (LedgerColumn column : form.columns()) {
				this.headers.put(column.field(), column.header());
			}
		}

	}

	/**
	 * One change a file asks for: the rows it comes from, the register change's input,
	 * and either report lines or, once valid, the state of its asset it was checked
	 * against.
	 */
	static final class Event {

		final List<SourceRow> rows;

		final List<ReportLine> lines = new ArrayList<>();

		Object input;

		String registerNo;

		AssetState asset;

		/** For income: the rows of each use, in the order of the input's uses. */
		List<List<SourceRow>> useRows = List.of();

		Event(List<SourceRow> rows) {
			this.rows = List.copyOf(rows);
		}

		int row() {
			return this.rows.get(0).number();
		}

		boolean valid() {
			return this.lines.isEmpty();
		}

	}

	@Override
	public boolean handles(LedgerForm form) {
		return FORMS.contains(form);
	}

	@Override
	public FileState start(LedgerForm form, Caller caller, LocalDate today) {
		return new FileState(form, caller, today);
	}

	/** The register's mutations respect an import's lease of a county. */
	@Override
	public boolean batched() {
		return true;
	}

	/**
	 * Checks a batch of rows in file order; with {@code lock}, inside the commit's
	 * transaction, the assets are locked before they are read. Income rows of a group
	 * that may go on in the next batch are held back until it ends ({@code last} ends
	 * every group).
	 */
	@Override
	public Checked<List<Event>> check(List<SourceRow> rows, FileState file, boolean lock, boolean last) {
		List<Event> events = checkEvents(rows, file, lock, last);
		List<RowOutcome> outcomes = new ArrayList<>();
		List<Event> valid = new ArrayList<>();
		for (Event event : events) {
			if (event.valid()) {
				valid.add(event);
			}
			Set<String> places = (event.valid() && event.asset != null && event.asset.placeCode() != null)
					? Set.of(event.asset.placeCode()) : Set.of();
			for (SourceRow row : event.rows) {
				List<ReportLine> lines = event.lines.stream().filter((l) -> l.row() == row.number()).toList();
				outcomes.add(new RowOutcome(row.number(), event.valid() ? Kind.CHANGE : Kind.INVALID, event.registerNo,
						lines, places));
			}
		}
		return new Checked<>(outcomes, valid);
	}

	private List<Event> checkEvents(List<SourceRow> rows, FileState file, boolean lock, boolean last) {
		List<Event> events = parse(rows, file, last);
		RegisterKeys keys = new RegisterKeys();
		List<String> registerNos = new ArrayList<>();
		for (Event event : events) {
			if (event.input != null) {
				add(keys, event.input);
			}
			if (event.registerNo != null) {
				registerNos.add(event.registerNo);
			}
		}
		if (lock && !registerNos.isEmpty()) {
			this.register.lock(registerNos);
		}
		RegisterState state = this.register.readState(keys);
		// What the valid rows of earlier batches changed, not yet written in a dry run.
		for (String registerNo : new HashSet<>(registerNos)) {
			AssetState changed = file.assets.get(registerNo);
			if (changed != null) {
				state = state.with(changed);
			}
		}
		for (Event event : events) {
			if (event.input instanceof RecordOperationContractInput contract && contract.contractNo() != null
					&& file.contracts.contains(contract.contractNo().strip())) {
				state = state.withContract(contract.contractNo().strip());
			}
		}
		for (Event event : events) {
			if (event.input == null || !event.lines.isEmpty()) {
				continue;
			}
			List<Violation> violations = rules(event.input, state, file);
			if (!violations.isEmpty()) {
				for (Violation violation : violations) {
					event.lines.add(line(event, violation, file));
				}
				continue;
			}
			event.asset = state.asset(event.registerNo);
			AssetState after = after(event.input, event.asset);
			file.assets.put(after.registerNo(), after);
			state = state.with(after);
			if (event.input instanceof RecordOperationContractInput contract) {
				file.contracts.add(contract.contractNo().strip());
				state = state.withContract(contract.contractNo().strip());
			}
		}
		return events;
	}

	/**
	 * Writes valid changes, in file order per asset: the changes of different assets
	 * together, an asset's second change in a later statement.
	 */
	@Override
	public void write(List<Event> events, String jobId, String actor, LocalDate today) {
		List<Event> remaining = new ArrayList<>(events);
		List<ChangeLog.Change> changes = new ArrayList<>();
		while (!remaining.isEmpty()) {
			Set<String> taken = new HashSet<>();
			List<Event> round = new ArrayList<>();
			List<Event> later = new ArrayList<>();
			for (Event event : remaining) {
				(taken.add(event.registerNo) ? round : later).add(event);
			}
			List<Written> written = writeRound(round);
			for (int i = 0; i < round.size(); i++) {
				Written w = written.get(i);
				Map<String, Object> after = new LinkedHashMap<>(w.after());
				after.put("importId", jobId);
				after.put("row", round.get(i).row());
				changes.add(new ChangeLog.Change(w.operation(), w.registerNo(), w.before(), after));
			}
			remaining = later;
		}
		this.changeLog.recordAll("Asset", "registerNo", changes, actor);
	}

	@SuppressWarnings("unchecked")
	private List<Written> writeRound(List<Event> round) {
		if (round.isEmpty()) {
			return List.of();
		}
		Object first = round.get(0).input;
		List<Change<Object>> changes = round.stream().map((e) -> new Change<>(e.input, e.asset)).toList();
		List<?> typed = changes;
		if (first instanceof TransferOwnershipInput) {
			return this.writes.transferOwnership((List<Change<TransferOwnershipInput>>) typed);
		}
		if (first instanceof AssignCustodyInput) {
			return this.writes.assignCustody((List<Change<AssignCustodyInput>>) typed);
		}
		if (first instanceof RecordOperationContractInput) {
			return this.writes.recordOperationContract((List<Change<RecordOperationContractInput>>) typed);
		}
		if (first instanceof RecordIncomeInput) {
			return this.writes.recordIncome((List<Change<RecordIncomeInput>>) typed);
		}
		if (first instanceof ChangeAssetStatusInput) {
			return this.writes.changeAssetStatus((List<Change<ChangeAssetStatusInput>>) typed);
		}
		return this.writes.disposeAsset((List<Change<DisposeAssetInput>>) typed);
	}

	private static List<Violation> rules(Object input, RegisterState state, FileState file) {
		if (input instanceof TransferOwnershipInput transfer) {
			return RegisterRules.transferOwnership(transfer, state, file.caller, file.today);
		}
		if (input instanceof AssignCustodyInput custody) {
			return RegisterRules.assignCustody(custody, state, file.caller, file.today);
		}
		if (input instanceof RecordOperationContractInput contract) {
			return RegisterRules.recordOperationContract(contract, state, file.caller);
		}
		if (input instanceof RecordIncomeInput income) {
			return RegisterRules.recordIncome(income, state, file.caller, file.today);
		}
		if (input instanceof ChangeAssetStatusInput status) {
			return RegisterRules.changeAssetStatus(status, state, file.caller, file.today);
		}
		return RegisterRules.disposeAsset((DisposeAssetInput) input, state, file.caller, file.today);
	}

	private static void add(RegisterKeys keys, Object input) {
		if (input instanceof TransferOwnershipInput transfer) {
			keys.add(transfer);
		}
		else if (input instanceof AssignCustodyInput custody) {
			keys.add(custody);
		}
		else if (input instanceof RecordOperationContractInput contract) {
			keys.add(contract);
		}
		else if (input instanceof RecordIncomeInput income) {
			keys.add(income);
		}
		else if (input instanceof ChangeAssetStatusInput status) {
			keys.add(status);
		}
		else {
			keys.add((DisposeAssetInput) input);
		}
	}

	/** The asset as a valid change leaves it, for the next change of the file. */
	private static AssetState after(Object input, AssetState asset) {
		if (input instanceof TransferOwnershipInput transfer) {
			return asset.afterTransfer(transfer.date(),
					transfer.owners()
						.stream()
						.map((o) -> new OwnershipPeriod(o.ownerId().strip(), o.share(), transfer.date(), null,
								o.certificateNo()))
						.toList());
		}
		if (input instanceof AssignCustodyInput custody) {
			return asset.afterCustody(new AssetState.CustodyPeriod(
					"CU-" + asset.registerNo() + "-" + (asset.custody().size() + 1), custody.custodianId().strip(),
					custody.responsiblePersonId().strip(), custody.duty().strip(), custody.validFrom(), null));
		}
		if (input instanceof RecordOperationContractInput contract) {
			return asset.afterContract(
					new AssetState.Contract(contract.contractNo().strip(), contract.startDate(), contract.endDate()));
		}
		if (input instanceof RecordIncomeInput income) {
			return asset.afterIncome(income.year());
		}
		if (input instanceof ChangeAssetStatusInput status) {
			return asset.afterStatus(status.status(), status.since());
		}
		DisposeAssetInput disposal = (DisposeAssetInput) input;
		String transfereeId = text(disposal.transfereeId());
		return asset.afterDisposal(disposal.date(), transfereeId);
	}

	/** The changes the rows ask for, with what the file alone gets wrong. */
	private List<Event> parse(List<SourceRow> rows, FileState file, boolean last) {
		if (file.form == LedgerForm.INCOME) {
			return incomeEvents(rows, file, last);
		}
		List<Event> events = new ArrayList<>(rows.size());
		for (SourceRow row : rows) {
			Event event = new Event(List.of(row));
			events.add(event);
			if (!readable(event, row, file)) {
				continue;
			}
			event.input = switch (file.form) {
				case OWNERSHIP_CHANGES -> transfer(event, row, file);
				case CUSTODY -> new AssignCustodyInput(text(row, "registerNo"), text(row, "custodianId"),
						text(row, "responsiblePersonId"), text(row, "duty"), date(row, "validFrom"));
				case CONTRACTS -> new RecordOperationContractInput(text(row, "registerNo"), text(row, "contractNo"),
						text(row, "operatorId"), text(row, "mode"), date(row, "startDate"), date(row, "endDate"),
						(Money) row.values().get("annualRent"));
				case STATUS_CHANGES ->
					new ChangeAssetStatusInput(text(row, "registerNo"), text(row, "status"), date(row, "since"));
				case DISPOSALS -> new DisposeAssetInput(text(row, "registerNo"), text(row, "mode"), date(row, "date"),
						text(row, "approvalRef"), (Money) row.values().get("proceeds"), text(row, "transfereeId"));
				default -> throw new IllegalStateException(file.form + " is not a ledger of events");
			};
			event.registerNo = text(row, "registerNo");
			if (!event.lines.isEmpty()) {
				event.input = null;
			}
		}
		return events;
	}

	/**
	 * Whether the row's cells could all be read and its key is new in the file; report
	 * lines for what is wrong.
	 */
	private boolean readable(Event event, SourceRow row, FileState file) {
		for (CellProblem problem : row.problems()) {
			event.lines.add(new ReportLine(row.number(), problem.field(), problem.header(), problem.text(),
					problem.code(), problem.message()));
		}
		List<Object> key = new ArrayList<>();
		for (String field : file.form.key()) {
			key.add(row.values().get(field));
		}
		if (key.stream().anyMatch(Objects::nonNull)) {
			Integer first = file.keys.putIfAbsent(key, row.number());
			if (first != null) {
				String field = file.form.key().get(0);
				event.lines.add(line(row.number(), field, row.texts().get(field), "DUPLICATE_KEY",
						"与第" + first + "行是同一条记录（"
								+ String.join("、", file.form.key().stream().map(file.headers::get).toList())
								+ "相同）；每条记录在文件中只填一次。",
						"Row " + first + " has the same " + String.join(", ", file.form.key())
								+ "; give each record once in a file.",
						file));
			}
		}
		return event.lines.isEmpty();
	}

	private TransferOwnershipInput transfer(Event event, SourceRow row, FileState file) {
		List<?> ids = list(row, "ownerIds");
		List<?> shares = list(row, "ownerShares");
		List<?> certificates = list(row, "certificateNos");
		List<OwnerShareInput> owners = new ArrayList<>();
		if (ids.size() != shares.size() || (!certificates.isEmpty() && certificates.size() != ids.size())) {
			event.lines.add(line(row.number(), "ownerShares", row.texts().get("ownerShares"), "INVALID_ARGUMENT",
					"新产权主体代码、产权份额和确权证书号须逐项对应（用“;”分隔，个数相同）。",
					"Owner ids (" + ids.size() + "), shares (" + shares.size() + ") and certificate numbers ("
							+ certificates.size() + ") must match item by item, separated by ';'.",
					file));
		}
		else {
			for (int i = 0; i < ids.size(); i++) {
				owners.add(new OwnerShareInput(String.valueOf(ids.get(i)), (Share) shares.get(i),
						certificates.isEmpty() ? null : text(String.valueOf(certificates.get(i)))));
			}
		}
		return new TransferOwnershipInput(text(row, "registerNo"), date(row, "date"), owners, text(row, "approvalRef"));
	}

	/**
	 * Income: the rows of one asset and year that follow each other are one income
	 * record; the rows of one use within it are one use.
	 */
	private List<Event> incomeEvents(List<SourceRow> rows, FileState file, boolean last) {
		List<SourceRow> all = new ArrayList<>(file.pending);
		all.addAll(rows);
		file.pending.clear();
		List<List<SourceRow>> groups = new ArrayList<>();
		List<Object> current = null;
		for (SourceRow row : all) {
			List<Object> group = List.of(Objects.toString(row.values().get("registerNo"), ""),
					Objects.toString(row.values().get("year"), ""));
			if (!group.equals(current)) {
				groups.add(new ArrayList<>());
				current = group;
			}
			groups.get(groups.size() - 1).add(row);
		}
		if (!last && !groups.isEmpty()) {
			file.pending.addAll(groups.remove(groups.size() - 1));
		}
		List<Event> events = new ArrayList<>();
		for (List<SourceRow> group : groups) {
			Event event = new Event(group);
			events.add(event);
			boolean readable = true;
			for (SourceRow row : group) {
				readable &= readable(event, row, file);
			}
			SourceRow head = group.get(0);
			event.registerNo = text(head, "registerNo");
			if (!readable) {
				continue;
			}
			event.input = income(event, group, file);
			if (!event.lines.isEmpty()) {
				event.input = null;
			}
		}
		return events;
	}

	private RecordIncomeInput income(Event event, List<SourceRow> group, FileState file) {
		SourceRow head = group.get(0);
		Money total = (Money) head.values().get("amount");
		Map<String, List<SourceRow>> byUse = new LinkedHashMap<>();
		for (SourceRow row : group) {
			if (!Objects.equals(row.values().get("amount"), total)) {
				event.lines.add(line(row.number(), "amount", row.texts().get("amount"), "INVALID_ARGUMENT",
						"同一资产同一年度的各行收益总额须相同（第" + head.number() + "行为" + total + "）。",
						"Every row of an asset's income of a year repeats its total (row " + head.number() + ": "
								+ total + ").",
						file));
			}
			String use = text(row, "use");
			byUse.computeIfAbsent((use != null) ? use : "", (k) -> new ArrayList<>()).add(row);
		}
		List<IncomeUseInput> uses = new ArrayList<>();
		event.useRows = new ArrayList<>();
		for (List<SourceRow> useRows : byUse.values()) {
			SourceRow first = useRows.get(0);
			Money useAmount = (Money) first.values().get("useAmount");
			List<BeneficiaryShareInput> beneficiaries = new ArrayList<>();
			for (SourceRow row : useRows) {
				if (!Objects.equals(row.values().get("useAmount"), useAmount)) {
					event.lines.add(line(row.number(), "useAmount", row.texts().get("useAmount"), "INVALID_ARGUMENT",
							"同一用途的各行用途金额须相同（第" + first.number() + "行为" + useAmount + "）。",
							"Every row of a use repeats its amount (row " + first.number() + ": " + useAmount + ").",
							file));
				}
				String beneficiary = text(row, "beneficiaryId");
				Money amount = (Money) row.values().get("beneficiaryAmount");
				if (beneficiary == null && amount != null) {
					event.lines.add(line(row.number(), "beneficiaryId", null, "INVALID_ARGUMENT",
							"有受益金额而没有受益对象：请填写受益对象代码，或删去受益金额。",
							"A beneficiary amount without a beneficiary: give the beneficiary's id, or leave the amount out.",
							file));
				}
				else if (beneficiary != null) {
					beneficiaries.add(new BeneficiaryShareInput(beneficiary, amount));
				}
			}
			uses.add(new IncomeUseInput(text(first, "use"), useAmount, beneficiaries));
			event.useRows.add(useRows);
		}
		Long year = (Long) head.values().get("year");
		return new RecordIncomeInput(text(head, "registerNo"), (year != null) ? Math.toIntExact(year) : null, total,
				uses);
	}

	/** A report line for a violation, on the row and column of the field at fault. */
	private static ReportLine line(Event event, Violation violation, FileState file) {
		SourceRow row = event.rows.get(0);
		String field = violation.field();
		String column = field;
		if (field != null) {
			List<Integer> indexes = new ArrayList<>();
			List<String> parts = new ArrayList<>();
			for (String part : field.split("\\.")) {
				Matcher indexed = INDEXED.matcher(part);
				if (indexed.matches()) {
					parts.add(indexed.group(1));
					indexes.add(Integer.parseInt(indexed.group(2)));
				}
				else {
					parts.add(part);
				}
			}
			String path = String.join(".", parts);
			if (file.form == LedgerForm.OWNERSHIP_CHANGES) {
				column = switch (path) {
					case "owners.ownerId" -> "ownerIds";
					case "owners.share" -> "ownerShares";
					case "owners" ->
						(((TransferOwnershipInput) event.input).owners().isEmpty()) ? "ownerIds" : "ownerShares";
					default -> path;
				};
			}
			else if (file.form == LedgerForm.INCOME) {
				List<SourceRow> useRows = (!indexes.isEmpty() && indexes.get(0) < event.useRows.size())
						? event.useRows.get(indexes.get(0)) : null;
				switch (path) {
					case "uses" -> column = "amount";
					case "uses.use" -> {
						column = "use";
						row = useRows.get(0);
					}
					case "uses.amount", "uses.beneficiaries" -> {
						column = "useAmount";
						row = useRows.get(0);
					}
					case "uses.beneficiaries.beneficiaryId", "uses.beneficiaries.amount" -> {
						column = path.endsWith("amount") ? "beneficiaryAmount" : "beneficiaryId";
						row = beneficiaryRow(useRows, indexes.get(1));
					}
					default -> column = path;
				}
			}
		}
		return new ReportLine(row.number(), column, (column != null) ? file.headers.get(column) : null,
				(column != null) ? row.texts().get(column) : null, violation.code().name(), violation.message());
	}

	/**
	 * The row of the {@code index}-th beneficiary of a use (rows without one skipped).
	 */
	private static SourceRow beneficiaryRow(List<SourceRow> useRows, int index) {
		int seen = 0;
		for (SourceRow row : useRows) {
			if (row.values().get("beneficiaryId") != null) {
				if (seen == index) {
					return row;
				}
				seen++;
			}
		}
		return useRows.get(0);
	}

	private static ReportLine line(int row, String field, String value, String code, String chinese, String english,
			FileState file) {
		return new ReportLine(row, field, (field != null) ? file.headers.get(field) : null, value, code,
				chinese + " " + english);
	}

	private static String text(SourceRow row, String field) {
		Object value = row.values().get(field);
		return (value != null) ? text(String.valueOf(value)) : null;
	}

	private static String text(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static LocalDate date(SourceRow row, String field) {
		return (LocalDate) row.values().get(field);
	}

	private static List<?> list(SourceRow row, String field) {
		Object value = row.values().get(field);
		if (value instanceof List<?> list) {
			return list.stream().allMatch((item) -> item == null || String.valueOf(item).isBlank()) ? List.of() : list;
		}
		return (value != null) ? List.of(value) : List.of();
	}

}
