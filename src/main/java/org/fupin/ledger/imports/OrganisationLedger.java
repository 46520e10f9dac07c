package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.graph.Model;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.AssetLedgerStore.NamedPlace;
import org.fupin.ledger.imports.RecordLedgerStore.StoredOrganisation;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.pairing.PairingPlaces;
import org.fupin.party.PartyRules;

import org.springframework.stereotype.Component;

/**
 * The organisation ledger (组织台账) in: each row checked with
 * {@link PartyRules#organisation} (the credit code with its GB 32100 check character, the
 * kind and enterprise type, the place and the uploader's scope over it) over the places
 * and organisations read once for a batch; the place by its code or by its name. A new
 * organisation is registered; one whose name, kind, enterprise type or place the row
 * changes is updated with a change event; one equal to the row is left alone.
 */
@Component
class OrganisationLedger implements LedgerRows<RecordRows.FileState, List<OrganisationLedger.Planned>> {

	/** What a row may change, in the order events show them. */
	static final List<String> FIELDS = List.of("name", "kind", "enterpriseType", "placeCode");

	private final RecordLedgerStore store;

	private final AssetLedgerStore places;

	private final ChangeLog changeLog;

	private final PairingPlaces pairingPlaces;

	private final RecordRows rows = new RecordRows(LedgerForm.ORGANISATIONS, Map.of());

	OrganisationLedger(RecordLedgerStore store, AssetLedgerStore places, ChangeLog changeLog,
			PairingPlaces pairingPlaces) {
		this.store = store;
		this.places = places;
		this.changeLog = changeLog;
		this.pairingPlaces = pairingPlaces;
	}

	/**
	 * A valid row and what writing it does.
	 *
	 * @param values the organisation as the row gives it
	 * @param before for UPDATE the changed fields as they were
	 * @param illustrative for UPDATE whether the register marks it made up (kept)
	 */
	record Planned(int row, Kind kind, String creditCode, Map<String, Object> values, Map<String, Object> before,
			boolean moved, Boolean illustrative) {
	}

	@Override
	public boolean handles(LedgerForm form) {
		return form == LedgerForm.ORGANISATIONS;
	}

	@Override
	public RecordRows.FileState start(LedgerForm form, org.fupin.security.Caller caller, LocalDate today) {
		return new RecordRows.FileState(caller, today);
	}

	@Override
	public Checked<List<Planned>> check(List<SourceRow> batch, RecordRows.FileState file, boolean committing,
			boolean last) {
		Set<String> codes = new LinkedHashSet<>();
		batch.forEach((row) -> {
			String code = RecordRows.text(row, "creditCode");
			if (code != null) {
				codes.add(code);
			}
		});
		if (committing) {
			this.store.lock(Model.ORGANISATION, codes);
		}
		Map<String, StoredOrganisation> stored = this.store.organisations(codes);
		Set<String> names = RecordRows.names(batch, "placeCode", "placeName");
		List<NamedPlace> named = names.isEmpty() ? List.of() : this.places.placesNamed(names);

		List<List<ReportLine>> early = new ArrayList<>();
		List<String> placeCodes = new ArrayList<>();
		for (SourceRow row : batch) {
			List<ReportLine> lines = this.rows.early(row, file);
			placeCodes.add(this.rows.place(row, "placeCode", "placeName", (code) -> true, named, file.caller, "村或县",
					"village or county", lines));
			early.add(lines);
		}
		Set<String> existing = this.store.existing(Model.PLACE,
				placeCodes.stream().filter(Objects::nonNull).collect(Collectors.toSet()));

		List<RowOutcome> outcomes = new ArrayList<>(batch.size());
		List<Planned> valid = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			SourceRow row = batch.get(i);
			PartyRules.OrganisationRow input = new PartyRules.OrganisationRow(RecordRows.text(row, "creditCode"),
					RecordRows.text(row, "name"), RecordRows.text(row, "kind"), RecordRows.text(row, "enterpriseType"),
					placeCodes.get(i));
			List<ReportLine> lines = this.rows.lines(row, early.get(i),
					PartyRules.organisation(input, existing, file.caller), Map.of("placeName", "placeCode"));
			StoredOrganisation before = (input.creditCode() != null) ? stored.get(input.creditCode()) : null;
			if (before != null && !Objects.equals(before.placeCode(), input.placeCode())) {
				this.rows.storedScope(row, "placeCode", before.placeCode(), file.caller, "组织", "organisation", lines);
			}
			if (!lines.isEmpty()) {
				outcomes.add(RowOutcome.invalid(row.number(), input.creditCode(), lines));
				continue;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("creditCode", input.creditCode());
			values.put("name", input.name());
			values.put("kind", input.kind());
			values.put("enterpriseType", input.enterpriseType());
			values.put("placeCode", input.placeCode());
			if (before == null) {
				valid.add(new Planned(row.number(), Kind.CREATE, input.creditCode(), values, null, false, null));
				outcomes.add(new RowOutcome(row.number(), Kind.CREATE, input.creditCode(), List.of(), Set.of()));
				continue;
			}
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("name", before.name());
			was.put("kind", before.kind());
			was.put("enterpriseType", before.enterpriseType());
			was.put("placeCode", before.placeCode());
			Map<String, Object> changed = new LinkedHashMap<>();
			for (String field : FIELDS) {
				if (!Objects.equals(was.get(field), values.get(field))) {
					changed.put(field, was.get(field));
				}
			}
			if (changed.isEmpty()) {
				outcomes.add(new RowOutcome(row.number(), Kind.UNCHANGED, input.creditCode(), List.of(), Set.of()));
				continue;
			}
			// The dashboards count the owners of assets by kind, the audit rules read an
			// owner's enterprise type, and pairings count where their organisations are.
			Set<String> recount = new TreeSet<>();
			if (changed.containsKey("kind") || changed.containsKey("enterpriseType")) {
				before.ownedPlaces().stream().filter(Objects::nonNull).forEach(recount::add);
			}
			boolean moved = changed.containsKey("placeCode");
			if (moved && before.paired()) {
				if (before.placeCode() != null) {
					recount.add(before.placeCode());
				}
				recount.add(input.placeCode());
			}
			valid.add(new Planned(row.number(), Kind.UPDATE, input.creditCode(), values, changed, moved,
					before.illustrative()));
			outcomes.add(new RowOutcome(row.number(), Kind.UPDATE, input.creditCode(), List.of(), recount));
		}
		return new Checked<>(outcomes, valid);
	}

	/**
	 * An organisation that moves takes its pairings along: the pairing numbers of the
	 * places above both of its places are recounted at commit.
	 */
	@Override
	public boolean countsPairings() {
		return true;
	}

	@Override
	public void write(List<Planned> valid, String importId, String actor, LocalDate today) {
		Map<String, List<Map<String, Object>>> byLabel = new LinkedHashMap<>();
		Map<String, List<String>> relabelled = new LinkedHashMap<>();
		List<String> moved = new ArrayList<>();
		List<ChangeLog.Change> changes = new ArrayList<>();
		for (Planned planned : valid) {
			String label = Model.ORGANISATION.kindLabel((String) planned.values().get("kind"));
			Map<String, Object> row = new LinkedHashMap<>(planned.values());
			Map<String, Object> after = new LinkedHashMap<>();
			if (planned.kind() == Kind.CREATE) {
				after.putAll(planned.values());
			}
			else {
				row.put("illustrative", planned.illustrative());
				relabelled.computeIfAbsent(label, (l) -> new ArrayList<>()).add(planned.creditCode());
				if (planned.moved()) {
					moved.add(planned.creditCode());
				}
				planned.before().keySet().forEach((field) -> after.put(field, planned.values().get(field)));
			}
			byLabel.computeIfAbsent(label, (l) -> new ArrayList<>()).add(row);
			after.put("importId", importId);
			after.put("row", planned.row());
			changes.add(new ChangeLog.Change(
					(planned.kind() == Kind.CREATE) ? ChangeOperation.REGISTER_ORGANISATION
							: ChangeOperation.UPDATE_ORGANISATION,
					planned.creditCode(), (planned.kind() == Kind.CREATE) ? null : planned.before(), after));
		}
		relabelled.forEach((label, codes) -> this.store.relabel(label, codes));
		this.store.unlink(Model.ORGANISATION_LOCATED_IN, moved);
		String source = "import " + importId;
		byLabel.forEach((label, rows) -> this.store.nodes(source, Model.ORGANISATION, label, rows));
		this.pairingPlaces.ofOrganisations(moved);
		this.changeLog.recordAll("Organisation", "creditCode", changes, actor);
	}

}
