package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.graph.Model;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.AssetLedgerStore.NamedPlace;
import org.fupin.ledger.imports.RecordLedgerStore.StoredHousehold;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.party.PartyRules;
import org.fupin.party.PersonalData;
import org.fupin.place.PlaceLevel;
import org.fupin.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The household ledger (农户台账) in: each row checked with {@link PartyRules#household} (the
 * household number, the head's ID number with its GB 11643 check digit, the size, the
 * village and the uploader's scope over it) over the villages and households read once
 * for a batch; the village by its code or by its name. The head's name and ID number are
 * personal data: the report and the change events keep them masked as the API masks them
 * for a caller without the grant ({@link PersonalData}), since both are read by roles
 * without it. An empty 脱贫户 is 否 for a new household and leaves an existing one as it is.
 */
@Component
class HouseholdLedger implements LedgerRows<RecordRows.FileState, List<HouseholdLedger.Planned>> {

	/** What a row may change, in the order events show them. */
	static final List<String> FIELDS = List.of("headName", "idNumber", "size", "formerlyPoor", "villageCode");

	/** How a report and a change event show personal data. */
	static final Map<String, UnaryOperator<String>> MASKS = LedgerForm.HOUSEHOLDS.masks();

	private final RecordLedgerStore store;

	private final AssetLedgerStore places;

	private final ChangeLog changeLog;

	private final RecordRows rows = new RecordRows(LedgerForm.HOUSEHOLDS, MASKS);

	HouseholdLedger(RecordLedgerStore store, AssetLedgerStore places, ChangeLog changeLog) {
		this.store = store;
		this.places = places;
		this.changeLog = changeLog;
	}

	/**
	 * A valid row and what writing it does.
	 *
	 * @param values the household as it will be
	 * @param before for UPDATE the changed fields as they were
	 * @param illustrative for UPDATE whether the register marks it made up (kept)
	 */
	record Planned(int row, Kind kind, String householdNo, Map<String, Object> values, Map<String, Object> before,
			boolean moved, Boolean illustrative) {
	}

	@Override
	public boolean handles(LedgerForm form) {
		return form == LedgerForm.HOUSEHOLDS;
	}

	@Override
	public RecordRows.FileState start(LedgerForm form, Caller caller, LocalDate today) {
		return new RecordRows.FileState(caller, today);
	}

	@Override
	public Checked<List<Planned>> check(List<SourceRow> batch, RecordRows.FileState file, boolean committing,
			boolean last) {
		Set<String> nos = new LinkedHashSet<>();
		batch.forEach((row) -> {
			String no = RecordRows.text(row, "householdNo");
			if (no != null) {
				nos.add(no);
			}
		});
		if (committing) {
			this.store.lock(Model.HOUSEHOLD, nos);
		}
		Map<String, StoredHousehold> stored = this.store.households(nos);
		Set<String> names = RecordRows.names(batch, "villageCode", "villageName");
		List<NamedPlace> named = names.isEmpty() ? List.of() : this.places.placesNamed(names);

		List<List<ReportLine>> early = new ArrayList<>();
		List<String> villageCodes = new ArrayList<>();
		for (SourceRow row : batch) {
			List<ReportLine> lines = this.rows.early(row, file);
			villageCodes.add(this.rows.place(row, "villageCode", "villageName",
					(code) -> PlaceLevel.ofLength(code.length()) == PlaceLevel.VILLAGE, named, file.caller, "村",
					"village", lines));
			early.add(lines);
		}
		Set<String> villages = this.store.existing(Model.VILLAGE,
				villageCodes.stream().filter(Objects::nonNull).collect(Collectors.toSet()));

		List<RowOutcome> outcomes = new ArrayList<>(batch.size());
		List<Planned> valid = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			SourceRow row = batch.get(i);
			List<ReportLine> lines = new ArrayList<>(early.get(i));
			Boolean formerlyPoor = formerlyPoor(row, lines);
			Object size = row.values().get("size");
			PartyRules.HouseholdRow input = new PartyRules.HouseholdRow(RecordRows.text(row, "householdNo"),
					RecordRows.text(row, "headName"), RecordRows.text(row, "idNumber"),
					(size instanceof Long number) ? number : null, formerlyPoor, villageCodes.get(i));
			lines = this.rows.lines(row, lines, PartyRules.household(input, villages, file.caller),
					Map.of("villageName", "villageCode"));
			StoredHousehold before = (input.householdNo() != null) ? stored.get(input.householdNo()) : null;
			if (before != null && !Objects.equals(before.villageCode(), input.villageCode())) {
				this.rows.storedScope(row, "villageCode", before.villageCode(), file.caller, "农户", "household", lines);
			}
			if (!lines.isEmpty()) {
				outcomes.add(RowOutcome.invalid(row.number(), input.householdNo(), lines));
				continue;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("householdNo", input.householdNo());
			values.put("headName", input.headName());
			values.put("idNumber", input.idNumber());
			values.put("size", input.size());
			if (before == null) {
				values.put("formerlyPoor", Boolean.TRUE.equals(formerlyPoor));
				values.put("villageCode", input.villageCode());
				valid.add(new Planned(row.number(), Kind.CREATE, input.householdNo(), values, null, false, null));
				outcomes.add(new RowOutcome(row.number(), Kind.CREATE, input.householdNo(), List.of(), Set.of()));
				continue;
			}
			values.put("formerlyPoor", (formerlyPoor != null) ? formerlyPoor : before.formerlyPoor());
			values.put("villageCode", input.villageCode());
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("headName", before.headName());
			was.put("idNumber", before.idNumber());
			was.put("size", before.size());
			was.put("formerlyPoor", before.formerlyPoor());
			was.put("villageCode", before.villageCode());
			Map<String, Object> changed = new LinkedHashMap<>();
			for (String field : FIELDS) {
				if (!Objects.equals(was.get(field), values.get(field))) {
					changed.put(field, was.get(field));
				}
			}
			if (changed.isEmpty()) {
				outcomes.add(new RowOutcome(row.number(), Kind.UNCHANGED, input.householdNo(), List.of(), Set.of()));
				continue;
			}
			valid.add(new Planned(row.number(), Kind.UPDATE, input.householdNo(), values, changed,
					changed.containsKey("villageCode"), before.illustrative()));
			// The dashboards count owners of the kind HOUSEHOLD, whoever they are.
			outcomes.add(new RowOutcome(row.number(), Kind.UPDATE, input.householdNo(), List.of(), Set.of()));
		}
		return new Checked<>(outcomes, valid);
	}

	/** 脱贫户: 是 or 否 (or true, false), null when empty; a report line otherwise. */
	private Boolean formerlyPoor(SourceRow row, List<ReportLine> lines) {
		String text = RecordRows.text(row, "formerlyPoor");
		if (text == null) {
			return null;
		}
		return switch (text.toLowerCase(java.util.Locale.ROOT)) {
			case "是", "true" -> true;
			case "否", "false" -> false;
			default -> {
				lines.add(this.rows.line(row, "formerlyPoor", "INVALID_VALUE", "脱贫户应填写“是”或“否”，不是“" + text + "”。",
						"formerlyPoor is 是 (yes) or 否 (no), not '" + text + "'."));
				yield null;
			}
		};
	}

	@Override
	public void write(List<Planned> valid, String importId, String actor, LocalDate today) {
		List<Map<String, Object>> households = new ArrayList<>();
		List<String> moved = new ArrayList<>();
		List<ChangeLog.Change> changes = new ArrayList<>();
		for (Planned planned : valid) {
			Map<String, Object> row = new LinkedHashMap<>(planned.values());
			Map<String, Object> after = new LinkedHashMap<>();
			if (planned.kind() == Kind.CREATE) {
				after.putAll(this.rows.shown(planned.values()));
			}
			else {
				row.put("illustrative", planned.illustrative());
				if (planned.moved()) {
					moved.add(planned.householdNo());
				}
				planned.before().keySet().forEach((field) -> after.put(field, planned.values().get(field)));
				after.putAll(this.rows.shown(after));
			}
			households.add(row);
			after.put("importId", importId);
			after.put("row", planned.row());
			changes.add(new ChangeLog.Change(
					(planned.kind() == Kind.CREATE) ? ChangeOperation.REGISTER_HOUSEHOLD
							: ChangeOperation.UPDATE_HOUSEHOLD,
					planned.householdNo(), (planned.kind() == Kind.CREATE) ? null : this.rows.shown(planned.before()),
					after));
		}
		this.store.unlink(Model.HOUSEHOLD_LOCATED_IN, moved);
		this.store.nodes("import " + importId, Model.HOUSEHOLD, null, households);
		this.changeLog.recordAll("Household", "householdNo", changes, actor);
	}

}
