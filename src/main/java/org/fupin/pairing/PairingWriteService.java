package org.fupin.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.dashboard.DashboardRollups;
import org.fupin.graphql.ApiException;
import org.fupin.register.Violation;
import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.party.PartyKind;
import org.fupin.party.PartyService;
import org.fupin.place.PlaceLevel;
import org.fupin.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, amends and ends pairings. Each mutation is one transaction: every input is
 * validated before the first write, the change is recorded in the change history in the
 * same transaction, and any failure leaves the database as it was.
 */
@Service
@Transactional
public class PairingWriteService {

	private static final String LABEL = "Pairing";

	private static final Set<PairingKind> PROVINCIAL = Set.of(PairingKind.PROVINCE_PAIR, PairingKind.CITY_PAIR);

	private final PairingWriteRepository repository;

	private final PairingRepository reads;

	private final PartyService parties;

	private final ChangeLog changes;

	/**
	 * What "today" is: the date in China, or {@code app.today} (the asset register's
	 * clock).
	 */
	private final Clock clock;

	private final DashboardRollups rollups;

	PairingWriteService(PairingWriteRepository repository, PairingRepository reads, PartyService parties,
			ChangeLog changes, Clock clock, DashboardRollups rollups) {
		this.rollups = rollups;
		this.clock = clock;
		this.repository = repository;
		this.reads = reads;
		this.parties = parties;
		this.changes = changes;
	}

	/**
	 * What the rules of new pairings need to know for all of {@code inputs}, read in one
	 * go: for one mutation, or for a page of a pairing ledger's rows.
	 */
	public PairingState state(List<CreatePairingInput> inputs) {
		Set<String> ids = new HashSet<>();
		for (CreatePairingInput input : inputs) {
			for (String id : new String[] { input.helperId(), input.recipientId() }) {
				if (id != null && PartyKind.ofId(id) != null) {
					ids.add(id);
				}
			}
		}
		return this.repository.state(inputs, this.parties.findParties(ids).keySet());
	}

	Pairing create(CreatePairingInput input, Caller caller) {
		if (input.recipientId() != null && !input.recipientId().isBlank()) {
			this.repository.lock(input.recipientId());
		}
		PairingState state = state(List.of(input));
		List<Violation> violations = PairingRules.create(input, state, caller);
		if (!violations.isEmpty()) {
			throw violations.get(0).exception();
		}
		NewPairing pairing = NewPairing.of(input, state, Map.of());
		createAll(List.of(pairing), caller.name());
		this.rollups.refreshPairing(pairing.id());
		return this.reads.findByIds(List.of(pairing.id())).get(pairing.id());
	}

	/**
	 * A new pairing that passed {@link PairingRules#create}: its input, the id and parent
	 * the state gave it, and what its change event adds (a ledger's import and row).
	 */
	public record NewPairing(CreatePairingInput input, String id, String parentId, Map<String, Object> note) {

		/** The pairing {@code input} makes against {@code state}. */
		public static NewPairing of(CreatePairingInput input, PairingState state, Map<String, Object> note) {
			PairingKind kind = kinds(input).get(0);
			return new NewPairing(input,
					PairingRules.id(input.program(), kind, input.helperId(), input.recipientId(), input.startDate(),
							state),
					PairingRules.parentOf(input.program(), kind, input.helperId(), input.recipientId(),
							input.parentId(), state),
					note);
		}

		/** Whether it is active on {@code today}. */
		public boolean activeOn(LocalDate today) {
			return this.input.endDate() == null || !this.input.endDate().isBefore(today);
		}

	}

	private static List<PairingKind> kinds(CreatePairingInput input) {
		return (input.kinds() != null) ? List.copyOf(input.kinds()) : List.of(input.kind());
	}

	/**
	 * Takes the write locks of the recipients, in order, until the transaction ends: what
	 * {@code createPairing} locks, for a batch of new pairings.
	 */
	public void lock(Collection<String> recipientIds) {
		for (String id : new TreeSet<>(recipientIds)) {
			this.repository.lock(id);
		}
	}

	/**
	 * Writes new pairings checked by {@link PairingRules#create}, each with its change
	 * event, inside the caller's transaction; the caller recounts the rollups.
	 */
	public void createAll(List<NewPairing> pairings, String actor) {
		LocalDate today = LocalDate.now(this.clock);
		requireActiveParents(pairings, today);
		List<ChangeLog.Change> events = new ArrayList<>();
		for (NewPairing pairing : pairings) {
			CreatePairingInput input = pairing.input();
			List<PairingKind> kinds = kinds(input);
			boolean exception = Boolean.TRUE.equals(input.exception());
			String arrangement = input.centralArrangementSource();
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("id", pairing.id());
			properties.put("program", input.program().name());
			properties.put("kind", kinds.get(0).name());
			properties.put("kinds", kinds.stream().map(Enum::name).toList());
			properties.put("startDate", input.startDate());
			properties.put("endDate", input.endDate());
			properties.put("status", (input.endDate() != null && input.endDate().isBefore(today))
					? PairingStatus.ENDED.name() : PairingStatus.ACTIVE.name());
			properties.put("exception", exception);
			properties.put("exceptionReason", exception ? input.exceptionReason().strip() : null);
			properties.put("investment", (input.investment() != null) ? input.investment().fen() : null);
			properties.put("centralArrangement", arrangement != null);
			properties.put("source", (arrangement != null) ? arrangement.strip() : null);
			properties.put("illustrative", false);
			this.repository.create(properties, input.helperId(), input.recipientId(), pairing.parentId());
			Map<String, Object> after = new LinkedHashMap<>(properties);
			after.put("investment", shown(properties.get("investment")));
			after.put("helperId", input.helperId());
			after.put("recipientId", input.recipientId());
			after.put("parentId", pairing.parentId());
			after.putAll(pairing.note());
			events.add(new ChangeLog.Change(ChangeOperation.CREATE_PAIRING, pairing.id(), null, after));
		}
		this.changes.recordAll(LABEL, "id", events, actor);
	}

	/**
	 * Locks the parents of the new pairings that are active, in order, and refuses a
	 * parent that ended meanwhile: ending a pairing counts the active pairings under it
	 * while it holds the same lock, so one of the two sees the other.
	 */
	private void requireActiveParents(List<NewPairing> pairings, LocalDate today) {
		Set<String> parents = new TreeSet<>();
		for (NewPairing pairing : pairings) {
			if (pairing.parentId() != null && pairing.activeOn(today)) {
				parents.add(pairing.parentId());
			}
		}
		for (String parent : parents) {
			this.repository.lockPairing(parent);
			Map<String, Object> stored = this.repository.properties(parent);
			if (stored != null && !PairingStatus.ACTIVE.name().equals(stored.get("status"))) {
				throw new ApiException(ErrorCode.CONFLICT, "input.parentId", "Pairing " + parent + " ended on "
						+ stored.get("endDate") + "; an active pairing cannot be put under it.");
			}
		}
	}

	/**
	 * A stored pairing as a ledger row compares with it.
	 *
	 * @param investment in fen
	 * @param recipientPlace the recipient's own code, or where it is located
	 */
	public record StoredPairing(String id, PairingProgram program, PairingKind kind, String helperId,
			String recipientId, String parentId, LocalDate startDate, LocalDate endDate, PairingStatus status,
			boolean exception, String exceptionReason, Long investment, String recipientPlace, String helperPlace) {
	}

	/** The pairings with these ids, by id. */
	public Map<String, StoredPairing> stored(Collection<String> ids) {
		return this.repository.stored(ids);
	}

	/**
	 * A change of an active pairing's investment or planned end, as {@code amendPairing}
	 * writes it, with what its change event adds.
	 */
	public record PairingAmendment(String id, Map<String, Object> changed, Map<String, Object> note) {
	}

	/**
	 * Writes amendments of pairings, each with its change event, inside the caller's
	 * transaction; the caller recounts the rollups.
	 */
	public void amendAll(List<PairingAmendment> amendments, String actor) {
		for (PairingAmendment amendment : amendments) {
			this.repository.lockPairing(amendment.id());
			Map<String, Object> before = this.repository.properties(amendment.id());
			this.repository.update(amendment.id(), amendment.changed());
			record(ChangeOperation.AMEND_PAIRING, amendment.id(), before, actor, amendment.note());
		}
	}

	Pairing amend(String id, AmendPairingInput input, Caller caller) {
		Map<String, Object> before = requireActive(id);
		Pairing stored = this.reads.findByIds(List.of(id)).get(id);
		requireScope(caller, stored.recipientId(), before);
		if (input.isEmpty()) {
			throw ApiException.invalid("input", "input changes nothing: give at least one field to amend.");
		}
		PairingProgram program = PairingProgram.valueOf((String) before.get("program"));
		List<PairingKind> kinds = (input.kind() != null || input.kinds() != null)
				? kinds(program, input.kind(), input.kinds()) : null;
		PairingKind kind = (kinds != null) ? kinds.get(0) : PairingKind.valueOf((String) before.get("kind"));
		requireKind(program, kind, "input.kind");
		if (!kind.name().equals(before.get("kind"))) {
			Map<String, PairingState.Party> parties = this.repository
				.describe(List.of(stored.helperId(), stored.recipientId()));
			List<Violation> violations = PairingRules.amendedKind(program, kind, parties.get(stored.helperId()),
					parties.get(stored.recipientId()));
			if (!violations.isEmpty()) {
				throw violations.get(0).exception();
			}
		}
		LocalDate start = (input.startDate() != null) ? input.startDate() : (LocalDate) before.get("startDate");
		LocalDate end = (input.endDate() != null) ? input.endDate() : (LocalDate) before.get("endDate");
		requireDates(start, end, (input.endDate() != null) ? "input.endDate" : "input.startDate");
		if (input.startDate() != null) {
			requireResultsWithin(id, start, end, "input.startDate");
		}
		if (input.endDate() != null && input.endDate().isBefore(LocalDate.now(this.clock))) {
			throw ApiException.invalid("input.endDate", "input.endDate " + input.endDate()
					+ " is in the past: use endPairing to end a pairing, amendPairing only plans its end.");
		}
		boolean exception = (input.exception() != null) ? input.exception()
				: Boolean.TRUE.equals(before.get("exception"));
		String reason = exception
				? ((input.exceptionReason() != null) ? input.exceptionReason() : (String) before.get("exceptionReason"))
				: input.exceptionReason();
		requireException(exception, reason, "input.exceptionReason");
		String recipient = stored.recipientId();
		this.repository.lock(recipient);
		boolean arranged = Boolean.TRUE.equals(before.get("centralArrangement"));
		if (program == PairingProgram.EAST_WEST && PROVINCIAL.contains(kind) && !exception && !arranged) {
			if (PlaceLevel.ofLength(recipient.length()) != null) {
				requireOnePartner(recipient.substring(0, 2), id, "input.exception");
			}
		}
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("kind", kind.name());
		if (kinds != null) {
			changed.put("kinds", kinds.stream().map(Enum::name).toList());
		}
		changed.put("startDate", start);
		changed.put("endDate", end);
		changed.put("exception", exception);
		changed.put("exceptionReason", exception ? reason.strip() : null);
		changed.put("investment", (input.investment() != null) ? input.investment().fen() : before.get("investment"));
		amendAll(List.of(new PairingAmendment(id, changed, Map.of())), caller.name());
		this.rollups.refreshPairing(id);
		return this.reads.findByIds(List.of(id)).get(id);
	}

	Pairing end(String id, LocalDate endDate, Caller caller) {
		Map<String, Object> before = requireActive(id);
		requireScope(caller, this.reads.findByIds(List.of(id)).get(id).recipientId(), before);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate end = (endDate != null) ? endDate : today;
		if (end.isAfter(today)) {
			throw ApiException.invalid("endDate", "endDate " + end
					+ " is in the future: end a pairing on or before today, or plan its end with amendPairing.");
		}
		requireDates((LocalDate) before.get("startDate"), end, "endDate");
		requireResultsWithin(id, (LocalDate) before.get("startDate"), end, "endDate");
		long children = this.repository.activeChildren(id);
		if (children > 0) {
			throw new ApiException(ErrorCode.CONFLICT, "id",
					"Pairing " + id + " has " + children + " active pairings under it; end them first.");
		}
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("status", PairingStatus.ENDED.name());
		changed.put("endDate", end);
		this.repository.update(id, changed);
		record(ChangeOperation.END_PAIRING, id, before, caller.name(), Map.of());
		// The pairing numbers of the places it touches are recounted.
		this.rollups.refreshPairing(id);
		return this.reads.findByIds(List.of(id)).get(id);
	}

	/**
	 * Figures are recorded for the years of a pairing's term: a term that would leave
	 * some out is refused, since they would still be counted and could no longer be
	 * corrected.
	 */
	private void requireResultsWithin(String id, LocalDate start, LocalDate end, String field) {
		List<Long> outside = this.repository.resultYears(id)
			.stream()
			.filter((year) -> (start != null && year < start.getYear()) || (end != null && year > end.getYear()))
			.toList();
		if (!outside.isEmpty()) {
			throw new ApiException(ErrorCode.CONFLICT, field,
					"Pairing " + id + " has figures recorded for " + outside.stream().map(String::valueOf).toList()
							+ ", which a term from " + ((start != null) ? start : "an unknown start") + " to "
							+ ((end != null) ? end : "today") + " would leave out; keep those years inside its term.");
		}
	}

	private void record(ChangeOperation operation, String id, Map<String, Object> before, String actor,
			Map<String, Object> note) {
		Map<String, Object> after = this.repository.properties(id);
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> now = new LinkedHashMap<>();
		for (String key : new java.util.TreeSet<>(union(before.keySet(), after.keySet()))) {
			if (!Objects.equals(before.get(key), after.get(key))) {
				was.put(key, "investment".equals(key) ? shown(before.get(key)) : before.get(key));
				now.put(key, "investment".equals(key) ? shown(after.get(key)) : after.get(key));
			}
		}
		now.putAll(note);
		this.changes.record(operation, LABEL, "id", id, was, now, actor);
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new java.util.HashSet<>(a);
		all.addAll(b);
		return all;
	}

	/**
	 * The pairing's properties, read under its lock: what an amendment keeps and an
	 * ending checks stays true until the transaction commits.
	 */
	private Map<String, Object> requireActive(String id) {
		if (id != null) {
			this.repository.lockPairing(id);
		}
		Map<String, Object> pairing = (id != null) ? this.repository.properties(id) : null;
		if (pairing == null) {
			throw ApiException.notFound("id", "No pairing has the id " + id + ".");
		}
		if (!PairingStatus.ACTIVE.name().equals(pairing.get("status"))) {
			throw new ApiException(ErrorCode.CONFLICT, "id", "Pairing " + id + " ended on " + pairing.get("endDate")
					+ "; ended pairings are history and do not change. Create a new pairing instead.");
		}
		return pairing;
	}

	/**
	 * Refuses a caller whose scope does not hold the pairing's program and its
	 * recipient's place, before anything is written.
	 */
	private void requireScope(Caller caller, String recipient, Map<String, Object> pairing) {
		PairingState.Party facts = this.repository.describe(List.of(recipient)).get(recipient);
		caller.requirePairingWrite((String) pairing.get("program"), (facts != null) ? facts.placeCode() : null, "id");
	}

	/**
	 * The kinds of a pairing, the primary first: {@code kind} alone, or {@code kinds}
	 * (with {@code kind}, if given, as their first). Several kinds only for the programs
	 * that give kinds of help (万企兴万村, designated assistance), each allowed and named
	 * once.
	 */
	private static List<PairingKind> kinds(PairingProgram program, PairingKind kind, List<PairingKind> kinds) {
		if (kinds == null) {
			if (kind == null) {
				throw ApiException.invalid("input.kind",
						"Give input.kind or input.kinds: the kind of pair or of help.");
			}
			requireKind(program, kind, "input.kind");
			return List.of(kind);
		}
		if (kinds.isEmpty()) {
			throw ApiException.invalid("input.kinds",
					"input.kinds is empty: name at least one kind, the primary first.");
		}
		if (kind != null && kind != kinds.get(0)) {
			throw ApiException.invalid("input.kind", "input.kind " + kind + " differs from the primary kind "
					+ kinds.get(0) + " (input.kinds[0]); leave input.kind out or make it the first of input.kinds.");
		}
		if (kinds.size() > 1 && program != PairingProgram.ENTERPRISE_VILLAGE
				&& program != PairingProgram.DESIGNATED_ASSISTANCE) {
			throw ApiException.invalid("input.kinds",
					"Program " + program + " has one kind of pair; several kinds of help are for "
							+ "ENTERPRISE_VILLAGE and DESIGNATED_ASSISTANCE.");
		}
		for (int i = 0; i < kinds.size(); i++) {
			requireKind(program, kinds.get(i), "input.kinds[" + i + "]");
			if (kinds.indexOf(kinds.get(i)) != i) {
				throw ApiException.invalid("input.kinds[" + i + "]",
						kinds.get(i) + " is named twice in input.kinds; name each kind once.");
			}
		}
		return List.copyOf(kinds);
	}

	private static void requireKind(PairingProgram program, PairingKind kind, String field) {
		Set<PairingKind> allowed = PairingKind.allowedFor(program);
		if (!allowed.contains(kind)) {
			throw ApiException.invalid(field, "Program " + program + " does not allow kind " + kind + "; use one of "
					+ allowed.stream().map(Enum::name).sorted().toList() + ".");
		}
	}

	private static void requireException(boolean exception, String reason, String field) {
		boolean hasReason = reason != null && !reason.isBlank();
		if (exception && !hasReason) {
			throw ApiException.invalid(field, "An exception needs a reason: give " + field + ".");
		}
		if (!exception && reason != null) {
			throw ApiException.invalid(field,
					field + " is only for exceptions: set exception to true, or leave " + field + " out.");
		}
	}

	private static void requireDates(LocalDate start, LocalDate end, String field) {
		if (start != null && end != null && end.isBefore(start)) {
			throw ApiException.invalid(field,
					"The end date " + end + " is before the start date " + start + "; dates must be in order.");
		}
	}

	/** Investment as change events show it: yuan as text, like the API. */
	private static String shown(Object fen) {
		return (fen instanceof Number number) ? Money.ofFen(number.longValue()).toString() : null;
	}

	private void requireOnePartner(String provinceCode, String excluding, String field) {
		List<String> partners = this.repository.regularEasternPartners(provinceCode, excluding);
		if (!partners.isEmpty()) {
			throw new ApiException(ErrorCode.CONFLICT, field,
					"Province " + provinceCode + " already has an active eastern partner ("
							+ String.join(", ", partners)
							+ "); a second one must be marked as an exception with a reason, or be a central "
							+ "arrangement with its source (centralArrangementSource).");
		}
	}

}
