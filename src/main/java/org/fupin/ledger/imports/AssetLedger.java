package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

	private final ChangeLog changeLog;

	private final Map<String, String> headers = new HashMap<>();

	AssetLedger(AssetLedgerStore store, AssetRowRules rules, ChangeLog changeLog) {
		this.store = store;
		this.rules = rules;
		this.changeLog = changeLog;
		for (LedgerColumn column : LedgerForm.ASSETS.columns()) {
			this.headers.put(column.field(), column.header());
		}
	}

	/**
	 * One checked row: its report lines, or what writing it does.
	 *
	 * @param properties for CREATE the new asset's properties, for UPDATE those that
	 * change
	 * @param before for UPDATE the changed values as they were
	 */
	record Outcome(int row, Kind kind, String registerNo, List<ReportLine> lines, Map<String, Object> properties,
			Map<String, Object> before, String placeCode, String projectCode, List<Owner> owners,
			Map<String, Object> custody, boolean placeChanged, boolean projectChanged) {
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
			Set<String> places = new TreeSet<>();
			if (outcome.kind().writes()) {
				valid.add(outcome);
			}
			if (outcome.placeCode() != null) {
				places.add(outcome.placeCode());
				if (outcome.before() != null && outcome.before().get("placeCode") != null) {
					places.add((String) outcome.before().get("placeCode"));
				}
			}
			rowOutcomes
				.add(new RowOutcome(outcome.row(), outcome.kind(), outcome.registerNo(), outcome.lines(), places));
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
			outcomes.add(lines.isEmpty() ? plan(draft, existing, file) : invalid(draft, lines));
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

	/** Writes checked rows: created assets, updates, and a change event for each. */
	@Override
	public void write(List<Outcome> outcomes, String jobId, String actor, LocalDate today) {
		List<Map<String, Object>> assets = new ArrayList<>();
		List<Map<String, Object>> owners = new ArrayList<>();
		List<Map<String, Object>> custody = new ArrayList<>();
		List<Map<String, Object>> updates = new ArrayList<>();
		List<ChangeLog.Change> changes = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			Map<String, Object> importRef = new LinkedHashMap<>();
			importRef.put("importId", jobId);
			importRef.put("row", outcome.row());
			if (outcome.kind() == Kind.CREATE) {
				Map<String, Object> asset = new HashMap<>();
				asset.put("properties", outcome.properties());
				asset.put("placeCode", outcome.placeCode());
				asset.put("projectCode", outcome.projectCode());
				assets.add(asset);
				LocalDate from = (LocalDate) outcome.properties().get("completionDate");
				owners.addAll(AssetLedgerStore.ownerRows(outcome.registerNo(), from, outcome.owners()));
				if (outcome.custody() != null) {
					custody.add(outcome.custody());
				}
				Map<String, Object> after = shown(outcome.properties());
				after.put("projectCode", outcome.projectCode());
				after.put("owners", outcome.owners().stream().map((o) -> owner(o, from)).toList());
				if (outcome.custody() != null) {
					after.put("custody", custodyShown(outcome.custody()));
				}
				after.putAll(importRef);
				changes.add(new ChangeLog.Change(ChangeOperation.REGISTER_ASSET, outcome.registerNo(), null, after));
			}
			else if (outcome.kind() == Kind.UPDATE) {
				Map<String, Object> update = new HashMap<>();
				update.put("registerNo", outcome.registerNo());
				update.put("properties", outcome.properties());
				update.put("placeCode", outcome.placeChanged() ? outcome.placeCode() : null);
				update.put("projectCode", outcome.projectChanged() ? outcome.projectCode() : null);
				updates.add(update);
				Map<String, Object> after = shown(outcome.properties());
				if (outcome.projectChanged()) {
					after.put("projectCode", outcome.projectCode());
				}
				if (outcome.custody() != null) {
					custody.add(outcome.custody());
					after.put("custody", custodyShown(outcome.custody()));
				}
				after.putAll(importRef);
				changes.add(new ChangeLog.Change(ChangeOperation.UPDATE_ASSET, outcome.registerNo(),
						shown(outcome.before()), after));
			}
		}
		if (!assets.isEmpty()) {
			this.store.create(assets, owners, List.of());
		}
		this.store.update(updates);
		this.store.openCustody(custody);
		this.changeLog.recordAll("Asset", "registerNo", changes, actor);
	}

	private Outcome invalid(Draft draft, List<ReportLine> lines) {
		return new Outcome(draft.row, Kind.INVALID, draft.registerNo, List.copyOf(lines), null, null, null, null,
				List.of(), null, false, false);
	}

	/** What writing a valid row does. */
	private Outcome plan(Draft draft, Stored existing, FileState file) {
		if (existing == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("registerNo", draft.registerNo);
			properties.put("name", draft.name);
			properties.put("type", draft.type);
			properties.put("category", draft.category);
			properties.put("originalValue", draft.originalValue.fen());
			properties.put("completionDate", draft.completionDate);
			String status = (draft.status != null) ? draft.status : "IN_USE";
			properties.put("status", status);
			properties.put("statusSince", draft.completionDate);
			properties.put("placeCode", draft.placeCode);
			properties.put("version", 0L);
			properties.put("illustrative", false);
			Map<String, Object> custody = draft.hasCustody()
					? custody(draft, "CU-" + draft.registerNo + "-1", draft.completionDate) : null;
			return new Outcome(draft.row, Kind.CREATE, draft.registerNo, List.of(), properties, null, draft.placeCode,
					draft.projectCode, draft.owners, custody, false, false);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		Map<String, Object> before = new LinkedHashMap<>();
		change("name", existing.name(), draft.name, before, after);
		change("type", existing.type(), draft.type, before, after);
		change("category", existing.category(), draft.category, before, after);
		change("originalValue", existing.originalValue(), draft.originalValue, before, after);
		change("completionDate", existing.completionDate(), draft.completionDate, before, after);
		if (draft.status != null && change("status", existing.status(), draft.status, before, after)) {
			before.put("statusSince", null);
			after.put("statusSince", file.today);
		}
		boolean placeChanged = change("placeCode", existing.placeCode(), draft.placeCode, before, after);
		boolean projectChanged = draft.projectCode != null
				&& !Objects.equals(existing.projectCode(), draft.projectCode);
		if (projectChanged) {
			before.put("projectCode", existing.projectCode());
		}
		Map<String, Object> custody = null;
		if (draft.hasCustody() && !AssetRowRules.sameCustody(existing, draft)) {
			custody = custody(draft, "CU-" + draft.registerNo + "-" + (existing.custodyCount() + 1), file.today);
			before.put("custody", (existing.custody() != null) ? shown(existing.custody()) : null);
		}
		if (after.isEmpty() && !projectChanged && custody == null) {
			return new Outcome(draft.row, Kind.UNCHANGED, draft.registerNo, List.of(), null, null, draft.placeCode,
					null, List.of(), null, false, false);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		after.forEach((key, value) -> properties.put(key, (value instanceof Money money) ? money.fen() : value));
		if (before.containsKey("statusSince")) {
			before.put("statusSince", null);
		}
		return new Outcome(draft.row, Kind.UPDATE, draft.registerNo, List.of(), properties, before, draft.placeCode,
				draft.projectCode, List.of(), custody, placeChanged, projectChanged);
	}

	private static boolean change(String field, Object stored, Object given, Map<String, Object> before,
			Map<String, Object> after) {
		if (given == null || Objects.equals(stored, given)) {
			return false;
		}
		before.put(field, stored);
		after.put(field, given);
		return true;
	}

	private static Map<String, Object> custody(Draft draft, String id, LocalDate from) {
		Map<String, Object> custody = new LinkedHashMap<>();
		custody.put("registerNo", draft.registerNo);
		custody.put("id", id);
		custody.put("custodianId", draft.custodianId);
		custody.put("personId", draft.personId);
		custody.put("duty", draft.duty);
		custody.put("validFrom", from);
		return custody;
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

	private static Map<String, Object> owner(Owner owner, LocalDate from) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("ownerId", owner.ownerId());
		map.put("share", owner.share().toString());
		map.put("validFrom", from.toString());
		map.put("validTo", null);
		map.put("certificateNo", owner.certificateNo());
		return map;
	}

	/** Values as a change event shows them: dates as ISO text, money in yuan. */
	private static Map<String, Object> shown(Map<String, Object> values) {
		Map<String, Object> map = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			Object shown = value;
			if (value instanceof LocalDate date) {
				shown = date.toString();
			}
			else if (value instanceof Money money) {
				shown = money.toString();
			}
			else if (key.equals("originalValue") && value instanceof Long fen) {
				shown = Money.ofFen(fen).toString();
			}
			map.put(key, shown);
		});
		return map;
	}

	private static Map<String, Object> custodyShown(Map<String, Object> custody) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", custody.get("id"));
		map.put("custodianId", custody.get("custodianId"));
		map.put("responsiblePersonId", custody.get("personId"));
		map.put("duty", custody.get("duty"));
		map.put("validFrom", custody.get("validFrom").toString());
		return map;
	}

	private static Map<String, Object> shown(AssetLedgerStore.Custody custody) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", custody.id());
		map.put("custodianId", custody.custodianId());
		map.put("responsiblePersonId", custody.responsiblePersonId());
		map.put("duty", custody.duty());
		map.put("validFrom", (custody.validFrom() != null) ? custody.validFrom().toString() : null);
		return map;
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
		List<NamedPlace> matches = new ArrayList<>();
		for (NamedPlace place : named) {
			if (text.endsWith(place.name())
					&& prefixNamesAbove(text.substring(0, text.length() - place.name().length()), place.above())) {
				if (caller.place() == null || caller.covers(place.code())) {
					matches.add(place);
				}
			}
		}
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
