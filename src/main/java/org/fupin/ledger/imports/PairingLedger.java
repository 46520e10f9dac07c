package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.RowOutcome.Kind;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.money.Money;
import org.fupin.pairing.CreatePairingInput;
import org.fupin.pairing.PairingKind;
import org.fupin.pairing.PairingProgram;
import org.fupin.pairing.PairingRules;
import org.fupin.pairing.PairingState;
import org.fupin.pairing.PairingStatus;
import org.fupin.pairing.PairingWriteService;
import org.fupin.pairing.PairingWriteService.NewPairing;
import org.fupin.pairing.PairingWriteService.PairingAmendment;
import org.fupin.pairing.PairingWriteService.StoredPairing;
import org.fupin.place.PlaceLevel;
import org.fupin.register.Violation;
import org.fupin.security.Caller;
import org.fupin.security.Role;

import org.springframework.stereotype.Component;

/**
 * The pairing ledger (结对帮扶台账) in: a row whose pairing is not stored yet goes through the
 * rules of {@code createPairing} ({@link PairingRules#create}) over the state of new
 * pairings read once per batch ({@link PairingWriteService#state}), with the pairings the
 * valid rows above it create, so that a file may create a provinces' pair and then the
 * county pairs under it. A row is the stored pairing when it gives its id (结对编号) or when
 * the same program links the same helper to the same recipient from the same start date;
 * such a row changes nothing, or changes the investment or planned end as
 * {@code amendPairing} does. Written by the mutations' own code, a change event each,
 * naming the import and the row.
 */
@Component
class PairingLedger implements LedgerRows<PairingLedger.FileState, List<PairingLedger.Row>> {

	private final PairingWriteService pairings;

	PairingLedger(PairingWriteService pairings) {
		this.pairings = pairings;
	}

	/** What the checks of one file carry from batch to batch. */
	static final class FileState {

		final Caller caller;

		final LocalDate today;

		final PairingRowLines lines = new PairingRowLines(LedgerForm.PAIRINGS);

		/** The pairings the valid rows so far create, in file order. */
		final List<NewPairing> created = new ArrayList<>();

		FileState(Caller caller, LocalDate today) {
			this.caller = caller;
			this.today = today;
		}

	}

	/** One row: its input, and what it comes to. */
	static final class Row {

		final SourceRow source;

		final List<ReportLine> lines = new ArrayList<>();

		CreatePairingInput input;

		String id;

		Kind kind;

		NewPairing created;

		PairingAmendment amendment;

		Set<String> places = Set.of();

		Row(SourceRow source) {
			this.source = source;
		}

	}

	@Override
	public boolean handles(LedgerForm form) {
		return form == LedgerForm.PAIRINGS;
	}

	@Override
	public FileState start(LedgerForm form, Caller caller, LocalDate today) {
		return new FileState(caller, today);
	}

	/** Coordinators write the pairings of their program, as through the mutations. */
	@Override
	public Set<Role> writers() {
		return EnumSet.of(Role.ADMIN, Role.OFFICER, Role.COORDINATOR);
	}

	@Override
	public Checked<List<Row>> check(List<SourceRow> sources, FileState file, boolean committing, boolean last) {
		List<Row> rows = new ArrayList<>();
		for (SourceRow source : sources) {
			Row row = new Row(source);
			rows.add(row);
			row.lines.addAll(file.lines.readable(source));
			if (row.lines.isEmpty()) {
				row.input = input(row, file);
				row.id = PairingRowLines.text(source, "id");
			}
		}
		List<Row> readable = rows.stream().filter((row) -> row.input != null).toList();
		if (committing) {
			this.pairings.lock(readable.stream().map((row) -> row.input.recipientId()).toList());
		}
		Set<String> ids = new HashSet<>();
		for (Row row : readable) {
			if (row.id != null) {
				ids.add(row.id);
			}
			ids.addAll(candidates(row.input));
		}
		Map<String, StoredPairing> stored = this.pairings.stored(ids);
		List<CreatePairingInput> fresh = new ArrayList<>();
		for (Row row : readable) {
			StoredPairing pairing = stored(row, stored, file);
			if (!row.lines.isEmpty()) {
				continue;
			}
			if (pairing != null) {
				compare(row, pairing, file);
			}
			else {
				fresh.add(row.input);
			}
		}
		if (!fresh.isEmpty()) {
			create(rows, this.pairings.state(fresh), file);
		}
		List<RowOutcome> outcomes = new ArrayList<>();
		List<Row> valid = new ArrayList<>();
		for (Row row : rows) {
			String key = (row.created != null) ? row.created.id() : row.id;
			if (!row.lines.isEmpty()) {
				outcomes.add(RowOutcome.invalid(row.source.number(), key, row.lines));
				continue;
			}
			outcomes.add(new RowOutcome(row.source.number(), row.kind, key, List.of(), row.places));
			if (row.kind.writes()) {
				valid.add(row);
			}
		}
		return new Checked<>(outcomes, valid);
	}

	@Override
	public void write(List<Row> rows, String importId, String actor, LocalDate today) {
		List<NewPairing> created = new ArrayList<>();
		List<PairingAmendment> amended = new ArrayList<>();
		for (Row row : rows) {
			Map<String, Object> note = PairingRowLines.note(importId, row.source.number());
			if (row.created != null) {
				created.add(new NewPairing(row.created.input(), row.created.id(), row.created.parentId(), note));
			}
			else {
				amended.add(new PairingAmendment(row.amendment.id(), row.amendment.changed(), note));
			}
		}
		this.pairings.createAll(created, actor);
		this.pairings.amendAll(amended, actor);
	}

	/**
	 * The pairing numbers of every place above the helpers and recipients are recounted
	 * at commit, as the mutations recount them.
	 */
	@Override
	public boolean countsPairings() {
		return true;
	}

	/**
	 * The row as the input of {@code createPairing}; report lines for what it gets wrong.
	 */
	private static CreatePairingInput input(Row row, FileState file) {
		SourceRow source = row.source;
		Boolean exception = null;
		String flag = PairingRowLines.text(source, "exception");
		if (flag != null) {
			exception = switch (flag.toLowerCase(java.util.Locale.ROOT)) {
				case "是", "true", "y", "yes", "1" -> Boolean.TRUE;
				case "否", "false", "n", "no", "0" -> Boolean.FALSE;
				default -> null;
			};
			if (exception == null) {
				row.lines.add(file.lines.line(source, "exception", "INVALID_ARGUMENT", "例外须填“是”或“否”。",
						"exception holds 是 (yes) or 否 (no)."));
				return null;
			}
		}
		return new CreatePairingInput(PairingProgram.valueOf(PairingRowLines.text(source, "program")),
				PairingKind.valueOf(PairingRowLines.text(source, "kind")), PairingRowLines.text(source, "helperId"),
				PairingRowLines.text(source, "recipientId"), PairingRowLines.text(source, "parentId"),
				PairingRowLines.date(source, "startDate"), PairingRowLines.date(source, "endDate"), exception,
				PairingRowLines.text(source, "exceptionReason"), (Money) source.values().get("investment"), null, null);
	}

	/** The ids a stored pairing of the row's program, helper and recipient may have. */
	private static List<String> candidates(CreatePairingInput input) {
		List<String> ids = new ArrayList<>(PairingRules.candidateIds(input.program(), input.kind(), input.helperId(),
				input.recipientId(), input.startDate()));
		if (input.program() == PairingProgram.EAST_WEST) {
			PairingKind other = (input.kind() == PairingKind.COUNTY_PAIR) ? PairingKind.PROVINCE_PAIR
					: PairingKind.COUNTY_PAIR;
			ids.addAll(PairingRules.candidateIds(input.program(), other, input.helperId(), input.recipientId(),
					input.startDate()));
		}
		return ids;
	}

	/**
	 * The stored pairing the row is, or null for a new one: by its id when the row gives
	 * one (a report line if none has it, or if it links others), else by program, helper,
	 * recipient and start date.
	 */
	private static StoredPairing stored(Row row, Map<String, StoredPairing> stored, FileState file) {
		CreatePairingInput input = row.input;
		if (row.id != null) {
			StoredPairing pairing = stored.get(row.id);
			if (pairing == null) {
				row.lines.add(file.lines.line(row.source, "id", "NOT_FOUND", "没有编号为" + row.id + "的结对；新结对的编号留空，由平台给出。",
						"No pairing has the id " + row.id + "; leave the id of a new pairing empty: it is given."));
				return null;
			}
			if (!same(pairing, input)) {
				row.lines.add(file.lines.line(row.source, "id", "CONFLICT",
						"结对" + row.id + "是" + pairing.program() + "项下" + pairing.helperId() + "对"
								+ pairing.recipientId() + "自" + pairing.startDate() + "起的结对，与本行的帮扶类型、帮扶方、受援方或开始日期不同。",
						"Pairing " + row.id + " links " + pairing.helperId() + " to " + pairing.recipientId()
								+ " under " + pairing.program() + " from " + pairing.startDate()
								+ "; the row's program, helper, recipient or start date differ."));
				return null;
			}
			return pairing;
		}
		return stored.values().stream().filter((pairing) -> same(pairing, input)).findFirst().orElse(null);
	}

	private static boolean same(StoredPairing pairing, CreatePairingInput input) {
		return pairing.program() == input.program() && pairing.helperId().equals(input.helperId())
				&& pairing.recipientId().equals(input.recipientId())
				&& Objects.equals(pairing.startDate(), input.startDate());
	}

	/**
	 * A row of a stored pairing: unchanged, or a new investment or planned end of an
	 * active pairing (what {@code amendPairing} changes); other differences are for the
	 * mutations.
	 */
	private static void compare(Row row, StoredPairing pairing, FileState file) {
		CreatePairingInput input = row.input;
		SourceRow source = row.source;
		row.id = pairing.id();
		if (!file.caller.mayChangePairings(pairing.program().name(), pairing.recipientPlace())) {
			row.lines.add(file.lines.line(source, "recipientId", "FORBIDDEN",
					"你无权修改受援方位于" + pairing.recipientPlace() + "的" + pairing.program() + "结对"
							+ ((file.caller.place() != null) ? "：你的地区范围是" + file.caller.place() : "") + "。",
					"You may not change " + pairing.program() + " pairings whose recipient lies at "
							+ pairing.recipientPlace() + ": " + file.caller.scopeText() + "."));
			return;
		}
		boolean exception = Boolean.TRUE.equals(input.exception());
		String reason = input.exceptionReason();
		if (input.kind() != pairing.kind()) {
			row.lines.add(other(file, source, "kind", pairing));
		}
		if (exception != pairing.exception()) {
			row.lines.add(other(file, source, "exception", pairing));
		}
		else if (!Objects.equals(reason, pairing.exceptionReason())) {
			row.lines.add(other(file, source, "exceptionReason", pairing));
		}
		if (input.parentId() != null && !input.parentId().equals(pairing.parentId())) {
			row.lines.add(other(file, source, "parentId", pairing));
		}
		Long investment = (input.investment() != null) ? input.investment().fen() : null;
		Map<String, Object> changed = new HashMap<>();
		if (!Objects.equals(investment, pairing.investment())) {
			if (investment == null) {
				row.lines.add(file.lines.line(source, "investment", "INVALID_ARGUMENT",
						"结对" + pairing.id() + "已登记投入资金" + Money.ofFen(pairing.investment()) + "元；台账不能清空它，请填写金额。",
						"Pairing " + pairing.id() + " has an investment of " + Money.ofFen(pairing.investment())
								+ "; a ledger does not clear it: give the amount."));
			}
			else {
				changed.put("investment", investment);
			}
		}
		if (!Objects.equals(input.endDate(), pairing.endDate())) {
			if (input.endDate() == null) {
				row.lines.add(file.lines.line(source, "endDate", "INVALID_ARGUMENT",
						"结对" + pairing.id() + "的结束日期是" + pairing.endDate() + "；台账不能清空它，请填写该日期或新的计划结束日期。",
						"Pairing " + pairing.id() + " ends on " + pairing.endDate()
								+ "; a ledger does not clear it: give that date or a new planned end."));
			}
			else if (input.endDate().isBefore(file.today)) {
				row.lines.add(file.lines.line(source, "endDate", "INVALID_ARGUMENT",
						"结束日期" + input.endDate() + "已过：结束结对请用 endPairing，台账只调整计划结束日期。",
						"The end date " + input.endDate()
								+ " is in the past: end a pairing with endPairing; a ledger only plans its end."));
			}
			else if (pairing.startDate() != null && input.endDate().isBefore(pairing.startDate())) {
				row.lines.add(file.lines.line(source, "endDate", "INVALID_ARGUMENT",
						"结束日期" + input.endDate() + "早于开始日期" + pairing.startDate() + "；日期须先后有序。",
						"The end date " + input.endDate() + " is before the start date " + pairing.startDate()
								+ "; dates must be in order."));
			}
			else {
				changed.put("endDate", input.endDate());
			}
		}
		if (!row.lines.isEmpty()) {
			return;
		}
		if (changed.isEmpty()) {
			row.kind = Kind.UNCHANGED;
			return;
		}
		if (pairing.status() == PairingStatus.ENDED) {
			row.lines.add(file.lines.line(source, changed.containsKey("investment") ? "investment" : "endDate",
					"CONFLICT", "结对" + pairing.id() + "已于" + pairing.endDate() + "结束；已结束的结对是历史，不再修改。",
					"Pairing " + pairing.id() + " ended on " + pairing.endDate()
							+ "; ended pairings are history and do not change."));
			return;
		}
		row.kind = Kind.UPDATE;
		row.amendment = new PairingAmendment(pairing.id(), changed, Map.of());
		row.places = places(pairing.helperPlace(), pairing.recipientPlace());
	}

	private static ReportLine other(FileState file, SourceRow source, String field, StoredPairing pairing) {
		return file.lines.line(source, field, "CONFLICT",
				"结对" + pairing.id() + "已登记，台账只调整其投入资金和计划结束日期；修改" + field + "请用 amendPairing。",
				"Pairing " + pairing.id() + " is registered; a ledger changes only its investment and planned end: "
						+ "change " + field + " with amendPairing.");
	}

	/**
	 * New pairings, each against the state read for the batch as the valid rows above it
	 * (in this file) leave it.
	 */
	private static void create(List<Row> rows, PairingState read, FileState file) {
		Set<String> ids = new HashSet<>(read.pairingIds());
		Map<String, List<String>> between = copy(read.activeBetween());
		Map<String, List<String>> partners = copy(read.easternPartners());
		for (NewPairing earlier : file.created) {
			add(earlier, ids, between, partners, file);
		}
		for (Row row : rows) {
			if (row.input == null || row.kind != null || !row.lines.isEmpty()) {
				continue;
			}
			CreatePairingInput input = row.input;
			Map<String, List<String>> covering = copy(read.covering());
			String pair = PairingState.pair(input.helperId(), input.recipientId());
			for (NewPairing earlier : file.created) {
				if (covers(earlier, input, file)) {
					List<String> list = covering.computeIfAbsent(pair, (k) -> new ArrayList<>());
					if (!list.contains(earlier.id())) {
						list.add(0, earlier.id());
					}
				}
			}
			PairingState state = new PairingState(read.existing(), read.parties(), between, covering, partners, ids);
			List<Violation> violations = PairingRules.create(input, state, file.caller);
			for (Violation violation : violations) {
				row.lines.add(line(row.source, violation, file));
			}
			if (!violations.isEmpty()) {
				continue;
			}
			row.created = NewPairing.of(input, state, Map.of());
			row.kind = Kind.CREATE;
			PairingState.Party helper = read.parties().get(input.helperId());
			PairingState.Party recipient = read.parties().get(input.recipientId());
			row.places = places(helper.placeCode(), recipient.placeCode());
			file.created.add(row.created);
			add(row.created, ids, between, partners, file);
		}
	}

	/** What a pairing created by the file adds to the state of the rows below it. */
	private static void add(NewPairing pairing, Set<String> ids, Map<String, List<String>> between,
			Map<String, List<String>> partners, FileState file) {
		CreatePairingInput input = pairing.input();
		ids.add(pairing.id());
		if (!pairing.activeOn(file.today)) {
			return;
		}
		List<String> same = between.computeIfAbsent(
				PairingState.between(input.program().name(), input.helperId(), input.recipientId()),
				(k) -> new ArrayList<>());
		if (!same.contains(pairing.id())) {
			same.add(pairing.id());
		}
		if (provincial(input) && !Boolean.TRUE.equals(input.exception())
				&& PlaceLevel.levelOf(input.recipientId()) != null) {
			List<String> list = partners.computeIfAbsent(input.recipientId().substring(0, 2), (k) -> new ArrayList<>());
			if (!list.contains(pairing.id())) {
				list.add(pairing.id());
			}
		}
	}

	/** Whether a provinces' (or cities') pair the file created covers the row's pair. */
	private static boolean covers(NewPairing earlier, CreatePairingInput input, FileState file) {
		CreatePairingInput pair = earlier.input();
		return provincial(pair) && earlier.activeOn(file.today) && input.helperId().startsWith(pair.helperId())
				&& input.recipientId().startsWith(pair.recipientId());
	}

	private static boolean provincial(CreatePairingInput input) {
		return input.program() == PairingProgram.EAST_WEST
				&& (input.kind() == PairingKind.PROVINCE_PAIR || input.kind() == PairingKind.CITY_PAIR);
	}

	private static Map<String, List<String>> copy(Map<String, List<String>> map) {
		Map<String, List<String>> copy = new HashMap<>();
		map.forEach((key, list) -> copy.put(key, new ArrayList<>(list)));
		return copy;
	}

	private static Set<String> places(String... codes) {
		Set<String> places = new LinkedHashSet<>();
		for (String code : codes) {
			if (code != null) {
				places.add(code);
			}
		}
		return places;
	}

	/** A report line for a violation, on the column of the input field at fault. */
	private static ReportLine line(SourceRow source, Violation violation, FileState file) {
		String field = violation.field();
		String column = null;
		if (field != null) {
			column = field.startsWith("input.") ? field.substring("input.".length()) : field;
			if (column.startsWith("kinds")) {
				column = "kind";
			}
			if (column.equals("centralArrangementSource")) {
				column = null;
			}
		}
		return file.lines.line(source, column, violation.code().name(), violation.message());
	}

}
