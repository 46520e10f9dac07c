package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.money.Money;
import org.fupin.pairing.PairingIndicator;
import org.fupin.pairing.PairingResultRules;
import org.fupin.pairing.PairingResultsInput;
import org.fupin.pairing.PairingResultsInput.FigureInput;
import org.fupin.pairing.PairingResultsService;
import org.fupin.pairing.PairingResultsService.Figures;
import org.fupin.pairing.PairingResultsService.PairingYear;
import org.fupin.pairing.PairingResultsService.YearState;
import org.fupin.security.Caller;
import org.fupin.security.Role;

import org.springframework.stereotype.Component;

/**
 * The pairing results ledger (结对成效台账) in: each row one figure of a stored pairing's year.
 * A figure not recorded yet goes through the rules of {@code recordPairingResults}, a
 * recorded one the row changes through those of {@code correctPairingResults}, which want
 * its reason (更正原因); an equal one changes nothing. State is read once per batch
 * ({@link PairingResultsService#states}); the figures are written by the mutations' own
 * code, a change event per row naming the import and the row. Figures counted in people
 * or things are whole numbers.
 */
@Component
class PairingResultLedger implements LedgerRows<PairingResultLedger.FileState, List<PairingResultLedger.Row>> {

	private final PairingResultsService results;

	PairingResultLedger(PairingResultsService results) {
		this.results = results;
	}

	/** What the checks of one file carry from batch to batch. */
	static final class FileState {

		final Caller caller;

		final LocalDate today;

		final PairingRowLines lines = new PairingRowLines(LedgerForm.PAIRING_RESULTS);

		FileState(Caller caller, LocalDate today) {
			this.caller = caller;
			this.today = today;
		}

	}

	/** One row: its figure, and what it comes to. */
	static final class Row {

		final SourceRow source;

		final List<ReportLine> lines = new ArrayList<>();

		PairingYear key;

		PairingIndicator indicator;

		Kind kind;

		Figures figures;

		Row(SourceRow source) {
			this.source = source;
		}

	}

	@Override
	public boolean handles(LedgerForm form) {
		return form == LedgerForm.PAIRING_RESULTS;
	}

	@Override
	public FileState start(LedgerForm form, Caller caller, LocalDate today) {
		return new FileState(caller, today);
	}

	/** Coordinators report the figures of their program's pairings. */
	@Override
	public Set<Role> writers() {
		return EnumSet.of(Role.ADMIN, Role.OFFICER, Role.COORDINATOR);
	}

	@Override
	public Checked<List<Row>> check(List<SourceRow> sources, FileState file, boolean committing, boolean last) {
		List<Row> rows = new ArrayList<>();
		List<PairingYear> keys = new ArrayList<>();
		for (SourceRow source : sources) {
			Row row = new Row(source);
			rows.add(row);
			row.lines.addAll(file.lines.readable(source));
			if (row.lines.isEmpty()) {
				row.key = new PairingYear(PairingRowLines.text(source, "pairingId"),
						Math.toIntExact((Long) source.values().get("year")));
				row.indicator = PairingIndicator.valueOf(PairingRowLines.text(source, "indicator"));
				keys.add(row.key);
			}
		}
		if (committing) {
			this.results.lock(keys.stream().map(PairingYear::pairingId).distinct().toList());
		}
		Map<PairingYear, YearState> states = this.results.states(keys);
		List<RowOutcome> outcomes = new ArrayList<>();
		List<Row> valid = new ArrayList<>();
		for (Row row : rows) {
			if (row.key != null) {
				check(row, states.get(row.key), file);
			}
			String key = (row.key != null) ? row.key.pairingId() + "/" + row.key.year() + "/" + row.indicator : null;
			if (!row.lines.isEmpty()) {
				outcomes.add(RowOutcome.invalid(row.source.number(), key, row.lines));
				continue;
			}
			// Figures are totalled on read: no dashboard rollup counts them.
			outcomes.add(new RowOutcome(row.source.number(), row.kind, key, List.of(), Set.of()));
			if (row.kind.writes()) {
				valid.add(row);
			}
		}
		return new Checked<>(outcomes, valid);
	}

	private static void check(Row row, YearState state, FileState file) {
		SourceRow source = row.source;
		String id = row.key.pairingId();
		if (state == null) {
			row.lines.add(file.lines.line(source, "pairingId", "NOT_FOUND", "没有编号为" + id + "的结对。",
					"No pairing has the id " + id + "."));
			return;
		}
		String program = state.rules().program().name();
		if (!file.caller.mayChangePairings(program, state.recipientPlace())) {
			row.lines.add(file.lines.line(source, "pairingId", "FORBIDDEN",
					"你无权修改受援方位于" + state.recipientPlace() + "的" + program + "结对"
							+ ((file.caller.place() != null) ? "：你的地区范围是" + file.caller.place() : "") + "。",
					"You may not change " + program + " pairings whose recipient lies at " + state.recipientPlace()
							+ ": " + file.caller.scopeText() + "."));
			return;
		}
		PairingIndicator indicator = row.indicator;
		Money target = (Money) source.values().get("target");
		Money actual = (Money) source.values().get("actual");
		FigureInput figure;
		if (indicator.unit().money()) {
			figure = new FigureInput(indicator, target, actual, null, null);
		}
		else {
			Integer targetCount = count(row, "target", target, file);
			Integer actualCount = count(row, "actual", actual, file);
			if (!row.lines.isEmpty()) {
				return;
			}
			figure = new FigureInput(indicator, null, null, targetCount, actualCount);
		}
		PairingResultRules.Recorded recorded = state.rules().recorded().get(indicator);
		String sourceText = PairingRowLines.text(source, "source");
		String reason = PairingRowLines.text(source, "reason");
		List<PairingResultRules.Violation> violations;
		PairingResultsInput input;
		if (recorded == null) {
			input = new PairingResultsInput(id, row.key.year(), List.of(figure), sourceText, null);
			violations = PairingResultRules.record(state.rules(), input, file.today);
			row.kind = Kind.CREATE;
		}
		else if ((figure.target() == null || figure.target().equals(recorded.target()))
				&& (figure.actual() == null || figure.actual().equals(recorded.actual()))) {
			row.kind = Kind.UNCHANGED;
			return;
		}
		else {
			input = new PairingResultsInput(id, row.key.year(), List.of(figure), null, reason);
			violations = PairingResultRules.correct(state.rules(), input, file.today);
			row.kind = Kind.UPDATE;
		}
		for (PairingResultRules.Violation violation : violations) {
			String column = column(violation.field());
			row.lines.add(file.lines.line(source, column, violation.code().name(),
					violation.messageZh() + " " + violation.message()));
		}
		if (violations.isEmpty()) {
			row.figures = new Figures(state.rules(), input, Map.of());
		}
	}

	/** A count in a money column: whole, or a report line. */
	private static Integer count(Row row, String field, Money value, FileState file) {
		if (value == null) {
			return null;
		}
		if (value.fen() % 100 != 0 || value.fen() / 100 > Integer.MAX_VALUE) {
			row.lines.add(file.lines.line(row.source, field, "INVALID_ARGUMENT",
					row.indicator + "（" + row.indicator.chinese() + "）按人数或个数计，须填整数。",
					row.indicator + " is counted in " + row.indicator.unit().name().toLowerCase(java.util.Locale.ROOT)
							+ ": give a whole number."));
			return null;
		}
		return Math.toIntExact(value.fen() / 100);
	}

	/** The column of an input field of the mutations. */
	private static String column(String field) {
		if (field == null) {
			return null;
		}
		if (field.equals("input.figures") || field.endsWith(".indicator")) {
			return "indicator";
		}
		if (field.endsWith(".targetAmount") || field.endsWith(".targetCount")) {
			return "target";
		}
		if (field.endsWith(".actualAmount") || field.endsWith(".actualCount")) {
			return "actual";
		}
		return field.startsWith("input.") ? field.substring("input.".length()) : field;
	}

	@Override
	public void write(List<Row> rows, String importId, String actor, LocalDate today) {
		List<Figures> recorded = new ArrayList<>();
		List<Figures> corrected = new ArrayList<>();
		for (Row row : rows) {
			Figures figures = new Figures(row.figures.state(), row.figures.input(),
					PairingRowLines.note(importId, row.source.number()));
			(row.kind == Kind.CREATE ? recorded : corrected).add(figures);
		}
		if (!recorded.isEmpty()) {
			this.results.recordAll(recorded, actor);
		}
		if (!corrected.isEmpty()) {
			this.results.correctAll(corrected, actor);
		}
	}

}
