package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.AssetLedgerStore.NamedPlace;
import org.fupin.ledger.imports.AssetLedgerStore.Owner;
import org.fupin.ledger.imports.AssetLedgerStore.Stored;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.CellProblem;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.UpdateAssetInput;
import org.fupin.register.AssetState;
import org.fupin.register.RegisterWrites;
import org.fupin.register.RegisterWrites.Change;
import org.fupin.register.RegisterWrites.NewAsset;
import org.fupin.register.RegisterWrites.Written;
import org.fupin.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The asset ledger (资产台账) in: each row checked with the rules of {@code registerAsset}
 * and {@code assignCustody} over state read for a batch of rows at once, plus what only a
 * file can get wrong (unreadable cells, a key twice, a place by name), the uploader's
 * place scope, and what a row means for an asset that exists: equal (nothing happens),
 * changed descriptive fields (an update with a change event), other owners (an error: a
 * transfer needs its date, so it goes through the ownership-change ledger).
 */
@Component
class AssetLedger implements LedgerRows<AssetLedger.FileState, List<AssetLedger.Outcome>> {

	/** Fields of an asset a row may change, in the order events show them. */
	static final List<String> DESCRIPTIVE = List.of("name", "type", "category", "originalValue", "completionDate",
			"status", "placeCode", "projectCode");

	private final AssetLedgerStore store;

	private final AssetRowRules rules;

	private final RegisterWrites writes;

	private final ChangeLog changeLog;

	private final Map<String, String> headers = new HashMap<>();

	AssetLedger(AssetLedgerStore store, AssetRowRules rules, RegisterWrites writes, ChangeLog changeLog) {
		this.store = store;
		this.rules = rules;
		this.writes = writes;
		this.changeLog = changeLog;
		for (LedgerColumn column : LedgerForm.ASSETS.columns()) {
			this.headers.put(column.field(), column.header());
		}
	}

	/**
	 * One checked row: its report lines, or what writing it does, as the register's
	 * writes take it.
	 *
	 * @param places the codes of the places whose rollups writing it changes
	 * @param registration for CREATE the new asset (with its custody)
	 * @param update for UPDATE the fields that change
	 * @param custody for UPDATE a new custody, or {@code null}
	 */
	record Outcome(int row, Kind kind, String registerNo, List<ReportLine> lines, Set<String> places,
			NewAsset registration, Change<UpdateAssetInput> update, Change<AssignCustodyInput> custody) {
	}

	/** What the checks of one file carry from batch to batch. */
	static final class FileState {

		final Caller caller;

		final LocalDate today;

		final Map<String, Integer> keys = new HashMap<>();

		FileState(Caller caller, LocalDate today) {
			this.caller = caller;
			this.today = today;
		}

	}

	@Override
	public boolean handles(LedgerForm form) {
		return form == LedgerForm.ASSETS;
	}

	@Override
	public FileState start(LedgerForm form, Caller caller, LocalDate today) {
		return new FileState(caller, today);
	}

	/** The register's mutations respect an import's lease of a county. */
	@Override
	public boolean batched() {
		return true;
	}

	@Override
	public Checked<List<Outcome>> check(List<SourceRow> rows, FileState file, boolean committing, boolean last) {
		List<Outcome> outcomes = check(rows, file, committing);
		List<RowOutcome> rowOutcomes = new ArrayList<>(outcomes.size());
		List<Outcome> valid = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			if (outcome.kind().writes()) {
				valid.add(outcome);
			}
			rowOutcomes.add(new RowOutcome(outcome.row(), outcome.kind(), outcome.registerNo(), outcome.lines(),
					outcome.places()));
		}
		return new Checked<>(rowOutcomes, valid);
	}

	/**
	 * Checks a batch of rows in file order; with {@code lock}, inside the commit's
	 * transaction, the existing assets are locked before they are read.
	 */
	List<Outcome> check(List<SourceRow> rows, FileState file, boolean lock) {
		Set<String> registerNos = new LinkedHashSet<>();
		Set<String> names = new HashSet<>();
		for (SourceRow row : rows) {
			String no = text(row, "registerNo");
			if (no != null) {
				registerNos.add(no);
			}
			String placeName = text(row, "placeName");
			if (text(row, "placeCode") == null && placeName != null) {
				names.addAll(suffixes(placeName));
			}
		}
		if (lock && !registerNos.isEmpty()) {
			this.store.lock(registerNos);
		}
		Map<String, Stored> stored = registerNos.isEmpty() ? Map.of() : this.store.assets(registerNos, file.today);
		List<NamedPlace> named = names.isEmpty() ? List.of() : this.store.placesNamed(names);

		List<Draft> drafts = new ArrayList<>(rows.size());
		for (SourceRow row : rows) {
			drafts.add(draft(row, file, named));
		}
		AssetRowRules.Checked checked = this.rules.check(drafts, stored, file.caller, file.today);
		List<Outcome> outcomes = new ArrayList<>(rows.size());
		for (Draft draft : drafts) {
			List<ReportLine> lines = new ArrayList<>(draft.lines);
			// A cell already reported (unreadable, a place name not found, owners not
			// aligned) is not reported again as missing by the rules.
			Set<String> covered = new HashSet<>();
			for (ReportLine line : draft.lines) {
				covered.add(line.field());
				if ("placeName".equals(line.field())) {
					covered.add("placeCode");
				}
				if ("ownerShares".equals(line.field())) {
					covered.add("ownerIds");
				}
			}
			for (ReportLine line : checked.lines(draft)) {
				if (line.field() == null || !covered.contains(line.field())) {
					lines.add(line);
				}
			}
			Stored existing = (draft.registerNo != null) ? stored.get(draft.registerNo) : null;
			// The rules check the row's place; an asset moved from elsewhere must have
			// been
			// in scope too.
			if (existing != null && !Objects.equals(existing.placeCode(), draft.placeCode)) {
				scope(file.caller, draft, existing.placeCode(), lines);
			}
			if (existing != null && !draft.owners.isEmpty() && !sameOwners(existing.owners(), draft.owners)) {
				lines.add(line(draft.row, "ownerIds", draft.source.texts().get("ownerIds"), "OWNERS_DIFFER",
						"产权主体或份额与登记不同；产权变更须写明变更日期，请用产权变更台账导入。",
						"The owners or shares differ from the register (" + describe(existing.owners())
								+ "); an ownership change needs its date: import it with the ownership-change ledger"
								+ " (产权变更台账), then this row again."));
			}
			outcomes.add(lines.isEmpty() ? plan(draft, existing, checked.asset(draft.registerNo), file)
					: invalid(draft, lines));
		}
		return outcomes;
	}

	private void scope(Caller caller, Draft draft, String placeCode, List<ReportLine> lines) {
		if (!caller.mayChangeAssetsAt(placeCode)) {
			lines.add(line(draft.row, "placeCode", draft.source.texts().get("placeCode"), "FORBIDDEN",
					"此资产现位于" + placeCode + "，不在你的地区范围内，不能移动或修改。", "The asset lies at " + placeCode
							+ " now, outside your scope (" + caller.scopeText() + "); you may not move or change it."));
		}
	}

	/**
	 * Writes checked rows through the register's own writes (new assets with owners and
	 * custody, then changed fields, then new custody), and a change event for each row.
	 */
	@Override
	public void write(List<Outcome> outcomes, String jobId, String actor, LocalDate today) {
		List<NewAsset> created = new ArrayList<>();
		List<Change<UpdateAssetInput>> updated = new ArrayList<>();
		List<Change<AssignCustodyInput>> custody = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			if (outcome.kind() == Kind.CREATE) {
				created.add(outcome.registration());
			}
			else if (outcome.kind() == Kind.UPDATE) {
				updated.add(outcome.update());
				if (outcome.custody() != null) {
					custody.add(outcome.custody());
				}
			}
		}
		Iterator<Written> registered = this.writes.registerAsset(created).iterator();
		Iterator<Written> updates = this.writes.updateAsset(updated).iterator();
		Map<String, Written> custodyWritten = new HashMap<>();
		this.writes.assignCustody(custody).forEach((w) -> custodyWritten.put(w.registerNo(), w));
		List<ChangeLog.Change> changes = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			Map<String, Object> before = null;
			Map<String, Object> after;
			if (outcome.kind() == Kind.CREATE) {
				after = new LinkedHashMap<>(registered.next().after());
			}
			else if (outcome.kind() == Kind.UPDATE) {
				Written update = updates.next();
				before = new LinkedHashMap<>(update.before());
				after = new LinkedHashMap<>(update.after());
				Written newCustody = custodyWritten.get(outcome.registerNo());
				if (newCustody != null) {
					// One event per row: the new custody is part of the row's update.
					before.put("custody", newCustody.before().get("custody"));
					after.put("custody", newCustody.after().get("custody"));
					if (newCustody.after().containsKey("closed")) {
						after.put("closed", newCustody.after().get("closed"));
					}
				}
			}
			else {
				continue;
			}
			after.put("importId", jobId);
			after.put("row", outcome.row());
			changes.add(new ChangeLog.Change(
					(outcome.kind() == Kind.CREATE) ? ChangeOperation.REGISTER_ASSET : ChangeOperation.UPDATE_ASSET,
					outcome.registerNo(), before, after));
		}
		this.changeLog.recordAll("Asset", "registerNo", changes, actor);
	}

	private Outcome invalid(Draft draft, List<ReportLine> lines) {
		return new Outcome(draft.row, Kind.INVALID, draft.registerNo, List.copyOf(lines), Set.of(), null, null, null);
	}

	/**
	 * What writing a valid row does: a new asset, or the fields and custody that differ
	 * from {@code existing}.
	 */
	private Outcome plan(Draft draft, Stored existing, AssetState asset, FileState file) {
		if (existing == null) {
			AssignCustodyInput custody = draft.hasCustody() ? AssetRowRules.custody(draft, draft.completionDate) : null;
			return new Outcome(draft.row, Kind.CREATE, draft.registerNo, List.of(), Set.of(draft.placeCode),
					new NewAsset(AssetRowRules.input(draft), custody), null, null);
		}
		String status = changed(existing.status(), draft.status);
		UpdateAssetInput update = new UpdateAssetInput(draft.registerNo, changed(existing.name(), draft.name),
				changed(existing.type(), draft.type), changed(existing.category(), draft.category),
				changed(existing.originalValue(), draft.originalValue),
				changed(existing.completionDate(), draft.completionDate), status, (status != null) ? file.today : null,
				changed(existing.placeCode(), draft.placeCode), changed(existing.projectCode(), draft.projectCode));
		AssignCustodyInput custody = (draft.hasCustody() && !AssetRowRules.sameCustody(existing, draft))
				? AssetRowRules.custody(draft, file.today) : null;
		if (custody == null && update.changesNothing()) {
			// No write, but the row was checked against its county: the county's gate
			// says
			// whether that still holds at commit.
			return new Outcome(draft.row, Kind.UNCHANGED, draft.registerNo, List.of(), Set.of(draft.placeCode), null,
					null, null);
		}
		Set<String> places = new TreeSet<>();
		places.add(draft.placeCode);
		if (update.placeCode() != null && existing.placeCode() != null) {
			places.add(existing.placeCode());
		}
		return new Outcome(draft.row, Kind.UPDATE, draft.registerNo, List.of(), places, null,
				new Change<>(update, asset), (custody != null) ? new Change<>(custody, asset) : null);
	}

	/** What a row gives for a field when it gives a value that differs, else null. */
	private static <T> T changed(T stored, T given) {
		return (given == null || Objects.equals(stored, given)) ? null : given;
	}

	private static boolean sameOwners(List<Owner> stored, List<Owner> given) {
		if (stored.size() != given.size()) {
			return false;
		}
		Map<String, Owner> byId = new HashMap<>();
		stored.forEach((o) -> byId.put(o.ownerId(), o));
		for (Owner owner : given) {
			Owner found = byId.get(owner.ownerId());
			if (found == null || !found.share().equals(owner.share())
					|| !Objects.equals(blankToNull(found.certificateNo()), blankToNull(owner.certificateNo()))) {
				return false;
			}
		}
		return true;
	}

	private static String describe(List<Owner> owners) {
		if (owners.isEmpty()) {
			return "none";
		}
		return String.join("; ", owners.stream().map((o) -> o.ownerId() + " " + o.share() + "%").toList());
	}

	/**
	 * One row as the rules see it, with the report lines found before them (unreadable
	 * cells, a key twice, a place name).
	 */
	final class Draft {

		final SourceRow source;

		final int row;

		final String registerNo;

		final String name;

		final String type;

		final String category;

		final Money originalValue;

		final LocalDate completionDate;

		final String status;

		final String placeCode;

		final String projectCode;

		final List<Owner> owners;

		final String custodianId;

		final String personId;

		final String duty;

		final List<ReportLine> lines = new ArrayList<>();

		Draft(SourceRow source, String placeCode, List<Owner> owners) {
			this.source = source;
			this.row = source.number();
			this.registerNo = text(source, "registerNo");
			this.name = text(source, "name");
			this.type = text(source, "type");
			this.category = text(source, "category");
			this.originalValue = (Money) source.values().get("originalValue");
			this.completionDate = (LocalDate) source.values().get("completionDate");
			this.status = text(source, "status");
			this.placeCode = placeCode;
			this.projectCode = text(source, "projectCode");
			this.owners = owners;
			this.custodianId = text(source, "custodianCode");
			this.personId = text(source, "responsiblePersonId");
			this.duty = text(source, "duty");
		}

		boolean hasCustody() {
			return this.custodianId != null || this.personId != null || this.duty != null;
		}

		/** A report line about one of this row's cells. */
		void problem(String field, String code, String chinese, String english) {
			this.lines.add(line(this.row, field, this.source.texts().get(field), code, chinese, english));
		}

	}

	private Draft draft(SourceRow row, FileState file, List<NamedPlace> named) {
		List<ReportLine> early = new ArrayList<>();
		for (CellProblem problem : row.problems()) {
			early.add(new ReportLine(row.number(), problem.field(), problem.header(), problem.text(), problem.code(),
					problem.message()));
		}
		String placeCode = text(row, "placeCode");
		String placeName = text(row, "placeName");
		String registerNo = text(row, "registerNo");
		if (registerNo != null) {
			Integer first = file.keys.putIfAbsent(registerNo, row.number());
			if (first != null) {
				early.add(line(row.number(), "registerNo", registerNo, "DUPLICATE_KEY",
						"登记编号与第 " + first + " 行重复；每项资产在一个文件中只能出现一次。",
						"The register number is also on row " + first + "; give each asset once in a file."));
			}
		}
		if (placeCode == null && placeName != null && !row.texts().containsKey("placeCode")) {
			placeCode = byName(row.number(), placeName, named, file.caller, early);
		}
		List<Owner> owners = owners(row, early);
		Draft draft = new Draft(row, placeCode, owners);
		draft.lines.addAll(early);
		return draft;
	}

	/** The owners of a row: ids, shares and certificate numbers aligned item by item. */
	private List<Owner> owners(SourceRow row, List<ReportLine> lines) {
		List<?> ids = list(row, "ownerIds");
		List<?> shares = list(row, "ownerShares");
		List<?> certificates = list(row, "certificateNos");
		if (ids.isEmpty() && shares.isEmpty()) {
			return List.of();
		}
		if (ids.size() != shares.size() || (!certificates.isEmpty() && certificates.size() != ids.size())) {
			lines.add(line(row.number(), "ownerShares", row.texts().get("ownerShares"), "INVALID_ARGUMENT",
					"产权主体代码、产权份额和确权证书号须逐项对应（用“;”分隔，个数相同）。",
					"Owner ids (" + ids.size() + "), shares (" + shares.size() + ") and certificate numbers ("
							+ certificates.size() + ") must match item by item, separated by ';'."));
			return List.of();
		}
		List<Owner> owners = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			String certificate = certificates.isEmpty() ? null : blankToNull((String) certificates.get(i));
			owners.add(new Owner(String.valueOf(ids.get(i)).strip(), (Share) shares.get(i), certificate));
		}
		return owners;
	}

	/**
	 * The code of the village or county a {@code 所在地} text names: its own name, after any
	 * of the names above it (东兰县隆友乡xx村, 隆友乡xx村, xx村); within the caller's scope when they
	 * have one.
	 */
	private String byName(int row, String text, List<NamedPlace> named, Caller caller, List<ReportLine> lines) {
		List<NamedPlace> matches = matches(text, named, caller);
		if (matches.size() == 1) {
			return matches.get(0).code();
		}
		if (matches.isEmpty()) {
			lines.add(line(row, "placeName", text, "UNKNOWN_PLACE",
					"找不到名为“" + text + "”的村或县" + ((caller.place() != null) ? "（在您的管辖范围内）" : "") + "；请填写所在地代码。",
					"No village or county " + ((caller.place() != null) ? "in your scope " : "") + "is named " + text
							+ "; give its code in 所在地代码 (placeCode)."));
		}
		else {
			Set<String> codes = new TreeSet<>();
			matches.forEach((m) -> codes.add(m.code()));
			lines.add(line(row, "placeName", text, "AMBIGUOUS_PLACE",
					"名为“" + text + "”的地方不止一个（" + String.join("、", codes) + "）；请写上县、乡名或填写所在地代码。",
					"More than one place is named " + text + " (" + String.join(", ", codes)
							+ "); put the county and township names in front, or give its code."));
		}
		return null;
	}

	/**
	 * The places of {@code named} that a {@code 所在地} text names: by their own name, alone
	 * or after any of the names above them; within the caller's scope when they have one.
	 */
	static List<NamedPlace> matches(String text, List<NamedPlace> named, Caller caller) {
		List<NamedPlace> matches = new ArrayList<>();
		for (NamedPlace place : named) {
			if (text.endsWith(place.name())
					&& prefixNamesAbove(text.substring(0, text.length() - place.name().length()), place.above())) {
				if (caller.place() == null || caller.covers(place.code())) {
					matches.add(place);
				}
			}
		}
		return matches;
	}

	private static boolean prefixNamesAbove(String prefix, List<String> above) {
		int at = 0;
		for (String name : above) {
			if (name != null && prefix.startsWith(name, at)) {
				at += name.length();
			}
		}
		return at == prefix.length();
	}

	/** Every ending of a place text that could be a village's or county's name. */
	static List<String> suffixes(String text) {
		List<String> suffixes = new ArrayList<>();
		for (int start = 0; start <= text.length() - 2 && suffixes.size() < 40; start++) {
			suffixes.add(text.substring(start));
		}
		return suffixes;
	}

	private ReportLine line(int row, String field, String value, String code, String chinese, String english) {
		String header = (field != null) ? this.headers.get(field) : null;
		return new ReportLine(row, field, header, value, code, chinese + " " + english);
	}

	static String text(SourceRow row, String field) {
		Object value = row.values().get(field);
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

	private static List<?> list(SourceRow row, String field) {
		Object value = row.values().get(field);
		if (value instanceof List<?> list) {
			if (list.stream().allMatch((item) -> item == null || String.valueOf(item).isBlank())) {
				return List.of();
			}
			return list;
		}
		return (value != null) ? List.of(value) : List.of();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
