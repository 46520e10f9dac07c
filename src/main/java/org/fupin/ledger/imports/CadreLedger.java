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

import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.pairing.StaffingRules;
import org.fupin.pairing.StaffingRules.StaffRow;
import org.fupin.pairing.StaffingRules.Term;
import org.fupin.pairing.StaffingService;
import org.fupin.pairing.StaffingService.Staffed;
import org.fupin.register.Violation;
import org.fupin.security.Caller;
import org.fupin.security.Role;

import org.springframework.stereotype.Component;

/**
 * The resident cadre ledger (驻村干部台账) in: each row a person's term on a stored pairing,
 * through {@link StaffingRules#staff} over the state read once per batch
 * ({@link StaffingService#state}) and the terms and people the valid rows above it add,
 * so that a person registered by one row (with a name) is named by the rows below it by
 * id alone. A row with the pairing, person and start of a stored term changes nothing, or
 * its end or role. Pairings come from the pairing ledger, not from this one.
 */
@Component
class CadreLedger implements LedgerRows<CadreLedger.FileState, List<CadreLedger.Row>> {

	private final StaffingService staffing;

	CadreLedger(StaffingService staffing) {
		this.staffing = staffing;
	}

	/** What the checks of one file carry from batch to batch. */
	static final class FileState {

		final Caller caller;

		final PairingRowLines lines = new PairingRowLines(LedgerForm.CADRES);

		/** People the valid rows so far register. */
		final Set<String> persons = new HashSet<>();

		/** Terms the valid rows so far record, by {@link StaffingRules.State#key}. */
		final Map<String, List<Term>> terms = new HashMap<>();

		FileState(Caller caller) {
			this.caller = caller;
		}

	}

	/** One row: its term, and what it comes to. */
	static final class Row {

		final SourceRow source;

		final List<ReportLine> lines = new ArrayList<>();

		StaffRow staff;

		Kind kind;

		Staffed staffed;

		Row(SourceRow source) {
			this.source = source;
		}

	}

	@Override
	public boolean handles(LedgerForm form) {
		return form == LedgerForm.CADRES;
	}

	@Override
	public FileState start(LedgerForm form, Caller caller, LocalDate today) {
		return new FileState(caller);
	}

	/** Coordinators staff the pairings of their program. */
	@Override
	public Set<Role> writers() {
		return EnumSet.of(Role.ADMIN, Role.OFFICER, Role.COORDINATOR);
	}

	@Override
	public Checked<List<Row>> check(List<SourceRow> sources, FileState file, boolean committing, boolean last) {
		List<Row> rows = new ArrayList<>();
		List<StaffRow> staff = new ArrayList<>();
		for (SourceRow source : sources) {
			Row row = new Row(source);
			rows.add(row);
			row.lines.addAll(file.lines.readable(source));
			if (row.lines.isEmpty()) {
				row.staff = new StaffRow(PairingRowLines.text(source, "pairingId"),
						PairingRowLines.text(source, "personId"), PairingRowLines.text(source, "name"),
						PairingRowLines.text(source, "role"), PairingRowLines.text(source, "organisationCode"),
						PairingRowLines.date(source, "startDate"), PairingRowLines.date(source, "endDate"));
				staff.add(row.staff);
			}
		}
		if (committing) {
			this.staffing.lock(staff.stream().map(StaffRow::pairingId).filter(Objects::nonNull).toList());
		}
		StaffingRules.State read = this.staffing.state(staff);
		Map<String, String> roles = this.staffing.roles(staff);
		Set<String> persons = new HashSet<>(read.persons());
		persons.addAll(file.persons);
		Map<String, List<Term>> terms = new HashMap<>();
		read.terms().forEach((key, list) -> terms.put(key, new ArrayList<>(list)));
		file.terms.forEach((key, list) -> {
			List<Term> all = terms.computeIfAbsent(key, (k) -> new ArrayList<>());
			list.stream().filter((term) -> !all.contains(term)).forEach(all::add);
		});
		for (Row row : rows) {
			if (row.staff == null) {
				continue;
			}
			check(row, read, persons, terms, roles, file);
		}
		List<RowOutcome> outcomes = new ArrayList<>();
		List<Row> valid = new ArrayList<>();
		for (Row row : rows) {
			String key = (row.staff != null) ? row.staff.pairingId() + "/" + row.staff.personId() : null;
			if (!row.lines.isEmpty()) {
				outcomes.add(RowOutcome.invalid(row.source.number(), key, row.lines));
				continue;
			}
			// The dashboards count pairings, not the people on them.
			outcomes.add(new RowOutcome(row.source.number(), row.kind, key, List.of(), Set.of()));
			if (row.kind.writes()) {
				valid.add(row);
			}
		}
		return new Checked<>(outcomes, valid);
	}

	private static void check(Row row, StaffingRules.State read, Set<String> persons, Map<String, List<Term>> terms,
			Map<String, String> roles, FileState file) {
		StaffRow staff = row.staff;
		String key = StaffingRules.State.key(staff.pairingId(), staff.personId());
		List<Term> held = terms.getOrDefault(key, List.of());
		Term same = held.stream()
			.filter((term) -> Objects.equals(term.startDate(), staff.startDate()))
			.findFirst()
			.orElse(null);
		Map<String, List<Term>> judged = terms;
		if (same != null) {
			// The stored term itself: judged against the person's other terms.
			judged = new HashMap<>(terms);
			List<Term> others = new ArrayList<>(held);
			others.remove(same);
			judged.put(key, others);
		}
		StaffingRules.State state = new StaffingRules.State(read.pairings(), persons, read.organisations(), judged);
		List<Violation> violations = StaffingRules.staff(staff, state, file.caller);
		for (Violation violation : violations) {
			row.lines.add(file.lines.line(row.source, violation.field(), violation.code().name(), violation.message()));
		}
		if (!violations.isEmpty()) {
			return;
		}
		String role = roles.get(StaffingService.termKey(staff.pairingId(), staff.personId(), staff.startDate()));
		if (same != null && Objects.equals(same.endDate(), staff.endDate())
				&& (role == null || role.equals(staff.role()))) {
			row.kind = Kind.UNCHANGED;
			return;
		}
		Map<String, Object> before = null;
		if (same != null) {
			before = new LinkedHashMap<>();
			before.put("role", role);
			before.put("endDate", same.endDate());
		}
		boolean newPerson = !persons.contains(staff.personId());
		row.kind = (same != null) ? Kind.UPDATE : Kind.CREATE;
		row.staffed = new Staffed(staff, newPerson, before, Map.of());
		persons.add(staff.personId());
		file.persons.add(staff.personId());
		Term term = new Term(staff.startDate(), staff.endDate());
		List<Term> now = new ArrayList<>(held);
		now.remove(same);
		now.add(term);
		terms.put(key, now);
		List<Term> carried = file.terms.computeIfAbsent(key, (k) -> new ArrayList<>());
		carried.remove(same);
		carried.add(term);
	}

	@Override
	public void write(List<Row> rows, String importId, String actor, LocalDate today) {
		List<Staffed> all = new ArrayList<>();
		for (Row row : rows) {
			all.add(new Staffed(row.staffed.row(), row.staffed.newPerson(), row.staffed.before(),
					PairingRowLines.note(importId, row.source.number())));
		}
		this.staffing.writeAll(all, actor);
	}

}
