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

import org.fupin.asset.ProjectRules;
import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.graph.Model;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.AssetLedgerStore.NamedPlace;
import org.fupin.ledger.imports.RecordLedgerStore.StoredProject;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.money.Money;
import org.fupin.place.PlaceLevel;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The project ledger (项目台账) in: one row per project and fund source, with the amount the
 * fund source put in; the project's own columns repeat on each of its rows and must
 * agree. Each row is checked with {@link ProjectRules#project} (the county and the
 * uploader's scope over it, the pairing, the fund source or what creates it, the
 * provider, the years) over the state read once for a batch; the county by its code or by
 * its name. A row writes the project when it is new or its columns changed, the fund
 * source when the register lacks it (the first row naming it creates it; later rows need
 * only its code), and the amount ({@code FUNDED}); an amount or project equal to the
 * register is left alone.
 */
@Component
class ProjectLedger implements LedgerRows<ProjectLedger.FileState, List<ProjectLedger.Planned>> {

	/** The project's own columns, in the order events show them. */
	static final List<String> PROJECT_FIELDS = List.of("name", "year", "countyCode", "pairingId");

	private final RecordLedgerStore store;

	private final AssetLedgerStore places;

	private final ChangeLog changeLog;

	private final RecordRows rows = new RecordRows(LedgerForm.PROJECTS, Map.of());

	ProjectLedger(RecordLedgerStore store, AssetLedgerStore places, ChangeLog changeLog) {
		this.store = store;
		this.places = places;
		this.changeLog = changeLog;
	}

	/** What the checks of one file carry from batch to batch. */
	static final class FileState extends RecordRows.FileState {

		/** Each project's columns as its first row in the file gives them. */
		final Map<String, Seen> projects = new HashMap<>();

		/** The fund sources the file creates, by the row that creates each. */
		final Map<String, Integer> newFunds = new HashMap<>();

		/**
		 * Each project's fund sources: those stored, and those of the file's valid rows
		 * so far.
		 */
		final Map<String, Set<String>> fundsOfProjects = new HashMap<>();

		FileState(Caller caller, LocalDate today) {
			super(caller, today);
		}

	}

	/** A project's columns on its first row of a file. */
	record Seen(int row, Map<String, Object> values) {
	}

	/**
	 * A valid row and what writing it does.
	 *
	 * @param project the project's columns to write, or null when the row leaves the
	 * project as it is
	 * @param fund the fund source to create, or null
	 * @param amount the amount to write, or null when the register holds it already
	 * @param before for an existing project the changed values as they were
	 */
	record Planned(int row, Kind kind, String code, String fundCode, Map<String, Object> project,
			Map<String, Object> fund, Money amount, Map<String, Object> before, boolean moved, boolean repaired,
			Boolean illustrative) {
	}

	@Override
	public boolean handles(LedgerForm form) {
		return form == LedgerForm.PROJECTS;
	}

	@Override
	public FileState start(LedgerForm form, Caller caller, LocalDate today) {
		return new FileState(caller, today);
	}

	@Override
	public Checked<List<Planned>> check(List<SourceRow> batch, FileState file, boolean committing, boolean last) {
		Set<String> codes = new LinkedHashSet<>();
		Set<String> fundCodes = new LinkedHashSet<>();
		Set<String> pairingIds = new LinkedHashSet<>();
		Set<String> providers = new LinkedHashSet<>();
		for (SourceRow row : batch) {
			collect(row, "code", codes);
			collect(row, "fundCode", fundCodes);
			collect(row, "pairingId", pairingIds);
			collect(row, "providerCode", providers);
		}
		if (committing) {
			this.store.lock(Model.PROJECT, codes);
			this.store.lock(Model.FUND_SOURCE, fundCodes);
		}
		Map<String, StoredProject> stored = this.store.projects(codes);
		Set<String> funds = new HashSet<>(this.store.existing(Model.FUND_SOURCE, fundCodes));
		Set<String> names = RecordRows.names(batch, "countyCode", "countyName");
		List<NamedPlace> named = names.isEmpty() ? List.of() : this.places.placesNamed(names);

		List<List<ReportLine>> early = new ArrayList<>();
		List<String> countyCodes = new ArrayList<>();
		Set<String> counties = new LinkedHashSet<>();
		for (SourceRow row : batch) {
			List<ReportLine> lines = this.rows.early(row, file);
			String county = this.rows.place(row, "countyCode", "countyName",
					(code) -> PlaceLevel.ofLength(code.length()) == PlaceLevel.COUNTY, named, file.caller, "县",
					"county", lines);
			countyCodes.add(county);
			if (county != null) {
				counties.add(county);
			}
			early.add(lines);
		}
		Set<String> knownFunds = new HashSet<>(funds);
		knownFunds.addAll(file.newFunds.keySet());
		ProjectRules.State state = new ProjectRules.State(this.store.existing(Model.COUNTY, counties), knownFunds,
				this.store.existing(Model.PAIRING, pairingIds), this.store.providers(providers));

		List<RowOutcome> outcomes = new ArrayList<>(batch.size());
		List<Planned> valid = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			SourceRow row = batch.get(i);
			ProjectRules.ProjectRow input = new ProjectRules.ProjectRow(RecordRows.text(row, "code"),
					RecordRows.text(row, "name"), number(row, "year"), countyCodes.get(i),
					RecordRows.text(row, "pairingId"), RecordRows.text(row, "fundCode"),
					RecordRows.text(row, "fundName"), RecordRows.text(row, "fundKind"), number(row, "fundYear"),
					RecordRows.text(row, "providerCode"), (Money) row.values().get("amount"));
			List<Violation> violations = new ArrayList<>(ProjectRules.project(input, state, file.caller, file.today));
			Set<String> projectFunds = (input.code() != null && input.fundCode() != null)
					? fundsOf(input.code(), stored, file) : null;
			if (projectFunds != null) {
				ProjectRules.oneMoreFundSource(input.code(), input.fundCode(), projectFunds).ifPresent(violations::add);
			}
			List<ReportLine> lines = this.rows.lines(row, early.get(i), violations, Map.of("countyName", "countyCode"));
			if (input.fundCode() != null && input.fundName() != null && input.fundKind() != null
					&& input.fundYear() != null) {
				// Later rows may name the fund source this row creates by its code alone.
				knownFunds.add(input.fundCode());
			}
			Map<String, Object> project = new LinkedHashMap<>();
			project.put("code", input.code());
			project.put("name", input.name());
			project.put("year", input.year());
			project.put("countyCode", input.countyCode());
			project.put("pairingId", input.pairingId());
			boolean first = false;
			if (input.code() != null) {
				Seen seen = file.projects.get(input.code());
				if (seen == null) {
					file.projects.put(input.code(), new Seen(row.number(), project));
					first = true;
				}
				else {
					agree(row, seen, project, lines);
				}
			}
			StoredProject before = (input.code() != null) ? stored.get(input.code()) : null;
			if (first && before != null && !Objects.equals(before.countyCode(), input.countyCode())) {
				this.rows.storedScope(row, "countyCode", before.countyCode(), file.caller, "项目", "project", lines);
			}
			if (!lines.isEmpty()) {
				outcomes.add(RowOutcome.invalid(row.number(), key(input), lines));
				continue;
			}
			// Checked with the rest of the row: a valid row has both codes.
			projectFunds.add(input.fundCode());
			Planned planned = plan(row.number(), input, project, first, before, funds, file);
			if (planned.kind() == Kind.UNCHANGED) {
				outcomes.add(new RowOutcome(row.number(), Kind.UNCHANGED, key(input), List.of(), Set.of()));
				continue;
			}
			valid.add(planned);
			// The dashboards do not count projects.
			outcomes.add(new RowOutcome(row.number(), planned.kind(), key(input), List.of(), Set.of()));
		}
		return new Checked<>(outcomes, valid);
	}

	/**
	 * The fund sources of project {@code code}: stored, then of the file's valid rows.
	 */
	private static Set<String> fundsOf(String code, Map<String, StoredProject> stored, FileState file) {
		return file.fundsOfProjects.computeIfAbsent(code, (key) -> {
			StoredProject before = stored.get(key);
			return new HashSet<>((before != null) ? before.funding().keySet() : Set.of());
		});
	}

	/** What writing a valid row does. */
	private Planned plan(int row, ProjectRules.ProjectRow input, Map<String, Object> project, boolean first,
			StoredProject before, Set<String> funds, FileState file) {
		Map<String, Object> fund = null;
		if (!funds.contains(input.fundCode()) && !file.newFunds.containsKey(input.fundCode())) {
			file.newFunds.put(input.fundCode(), row);
			fund = new LinkedHashMap<>();
			fund.put("code", input.fundCode());
			fund.put("name", input.fundName());
			fund.put("kind", input.fundKind());
			fund.put("year", input.fundYear());
			if (input.providerCode() != null) {
				fund.put("providerCode", input.providerCode());
			}
		}
		Long storedAmount = (before != null) ? before.funding().get(input.fundCode()) : null;
		Money amount = (storedAmount != null && storedAmount == input.amount().fen()) ? null : input.amount();
		Map<String, Object> changed = new LinkedHashMap<>();
		Map<String, Object> written = null;
		if (first && before == null) {
			written = project;
		}
		else if (first) {
			Map<String, Object> was = new HashMap<>();
			was.put("name", before.name());
			was.put("year", before.year());
			was.put("countyCode", before.countyCode());
			was.put("pairingId", before.pairingId());
			for (String field : PROJECT_FIELDS) {
				Object value = project.get(field);
				if (value != null && !Objects.equals(was.get(field), value)) {
					changed.put(field, was.get(field));
				}
			}
			if (!changed.isEmpty()) {
				written = project;
			}
		}
		if (storedAmount != null && amount != null) {
			changed.put("amount", Money.ofFen(storedAmount));
		}
		Kind kind;
		if ((first && before == null) || storedAmount == null) {
			kind = Kind.CREATE;
		}
		else {
			kind = (changed.isEmpty()) ? Kind.UNCHANGED : Kind.UPDATE;
		}
		return new Planned(row, kind, input.code(), input.fundCode(), written, fund, amount, changed,
				changed.containsKey("countyCode"), changed.containsKey("pairingId"),
				(before != null) ? before.illustrative() : null);
	}

	/** A project's columns on a later row must be those of its first row. */
	private void agree(SourceRow row, Seen seen, Map<String, Object> project, List<ReportLine> lines) {
		for (String field : PROJECT_FIELDS) {
			Object value = project.get(field);
			Object first = seen.values().get(field);
			if (value != null && first != null && !value.equals(first)) {
				String header = this.rows.header(field);
				lines.add(this.rows.line(row, field, "CONFLICT",
						header + "与第 " + seen.row() + " 行（同一项目编号）不同：“" + first + "”；一个项目的各行须填写相同的项目信息。",
						"The project's " + field + " differs from row " + seen.row() + " of the same project (" + first
								+ "); every row of a project repeats its columns."));
			}
		}
	}

	@Override
	public void write(List<Planned> valid, String importId, String actor, LocalDate today) {
		List<Map<String, Object>> funds = new ArrayList<>();
		List<Map<String, Object>> projects = new ArrayList<>();
		List<Map<String, Object>> funding = new ArrayList<>();
		List<String> moved = new ArrayList<>();
		List<String> repaired = new ArrayList<>();
		List<ChangeLog.Change> changes = new ArrayList<>();
		for (Planned planned : valid) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("fundCode", planned.fundCode());
			if (planned.fund() != null) {
				funds.add(planned.fund());
				after.put("fundSource", planned.fund());
			}
			if (planned.project() != null) {
				Map<String, Object> project = new LinkedHashMap<>(planned.project());
				project.values().removeIf(Objects::isNull);
				if (planned.illustrative() != null) {
					project.put("illustrative", planned.illustrative());
				}
				projects.add(project);
				if (planned.moved()) {
					moved.add(planned.code());
				}
				if (planned.repaired()) {
					repaired.add(planned.code());
				}
				planned.project().forEach((field, value) -> {
					if (!field.equals("code") && value != null
							&& (planned.before().isEmpty() || planned.before().containsKey(field))) {
						after.put(field, value);
					}
				});
			}
			if (planned.amount() != null) {
				Map<String, Object> link = new HashMap<>();
				link.put("fundCode", planned.fundCode());
				link.put("projectCode", planned.code());
				link.put("amount", planned.amount().fen());
				funding.add(link);
				after.put("amount", planned.amount().toString());
			}
			after.put("importId", importId);
			after.put("row", planned.row());
			Map<String, Object> before = null;
			if (!planned.before().isEmpty()) {
				before = new LinkedHashMap<>();
				for (Map.Entry<String, Object> entry : planned.before().entrySet()) {
					before.put(entry.getKey(),
							(entry.getValue() instanceof Money money) ? money.toString() : entry.getValue());
				}
			}
			changes.add(new ChangeLog.Change((planned.kind() == Kind.CREATE) ? ChangeOperation.RECORD_PROJECT_FUNDING
					: ChangeOperation.UPDATE_PROJECT, planned.code(), before, after));
		}
		String source = "import " + importId;
		this.store.nodes(source, Model.FUND_SOURCE, null, funds);
		this.store.unlink(Model.PROJECT_LOCATED_IN, moved);
		this.store.unlink(Model.PROJECT_THROUGH, repaired);
		this.store.nodes(source, Model.PROJECT, null, projects);
		this.store.relationships(source, Model.FUNDED, funding);
		this.changeLog.recordAll("Project", "code", changes, actor);
	}

	private static String key(ProjectRules.ProjectRow input) {
		return (input.code() != null && input.fundCode() != null) ? input.code() + " " + input.fundCode()
				: input.code();
	}

	private static Long number(SourceRow row, String field) {
		return (row.values().get(field) instanceof Long value) ? value : null;
	}

	private static void collect(SourceRow row, String field, Set<String> into) {
		String value = RecordRows.text(row, field);
		if (value != null) {
			into.add(value);
		}
	}

}
