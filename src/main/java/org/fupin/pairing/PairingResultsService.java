package org.fupin.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.graphql.ApiException;
import org.fupin.money.Money;
import org.fupin.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What pairings deliver, year by year: each pairing's figures (recorded, or derived from
 * the funds and staff of the graph), the totals of a place counted on the recipients'
 * side, and the mutations that record and correct a year's figures.
 * <p>
 * Totals count each pairing's own figures once, at the place its recipient lies at: a
 * county pair's figures belong to the county pair and its county, and a provincial pair's
 * own figures (what the provinces agreed and delivered at their level) to the provincial
 * pair and its province. A province's total is the provincial pair's own figures plus
 * those of every pairing with a recipient in the province, county pairs among them;
 * nothing is stored twice, so nothing is added twice. {@code rollup} on a pairing adds up
 * the same own figures of the pairing and every pairing under it. Totals are computed on
 * read from the figures themselves, so every write is in step at once.
 */
@Service
@Transactional(readOnly = true)
public class PairingResultsService {

	private static final String LABEL = "Pairing";

	/**
	 * Programs whose figures count staff: their pairings report in any year with staff.
	 */
	private static final List<String> STAFF_PROGRAMS = Arrays.stream(PairingProgram.values())
		.filter((program) -> PairingIndicator.carriedBy(program)
			.containsValue(PairingIndicator.Origin.DERIVED_FROM_STAFF))
		.map(Enum::name)
		.toList();

	private final PairingResultsRepository repository;

	private final PairingWriteRepository pairings;

	private final ChangeLog changes;

	private final Clock clock;

	PairingResultsService(PairingResultsRepository repository, PairingWriteRepository pairings, ChangeLog changes,
			Clock clock) {
		this.repository = repository;
		this.pairings = pairings;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * A pairing's figures of a year; with {@code rollup}, of it and every pairing under
	 * it.
	 */
	record ResultKey(String pairingId, int year, boolean rollup) {
	}

	/** The totals of a place ({@code ""} for the whole country) in a year. */
	record TotalsKey(String placeCode, int year) {
	}

	Map<ResultKey, PairingYearResults> results(Collection<ResultKey> keys) {
		Map<String, List<String>> members = new HashMap<>();
		List<String> rolled = keys.stream().filter(ResultKey::rollup).map(ResultKey::pairingId).distinct().toList();
		if (!rolled.isEmpty()) {
			members.putAll(this.repository.withDescendants(rolled));
		}
		Set<PairingResultsRepository.Key> wanted = new HashSet<>();
		for (ResultKey key : keys) {
			for (String id : key.rollup() ? members.getOrDefault(key.pairingId(), List.of())
					: List.of(key.pairingId())) {
				wanted.add(new PairingResultsRepository.Key(id, key.year()));
			}
		}
		Map<PairingResultsRepository.Key, PairingResultsRepository.Raw> raw = this.repository.raw(wanted);
		Map<ResultKey, PairingYearResults> found = new HashMap<>();
		for (ResultKey key : keys) {
			List<String> ids = key.rollup() ? members.getOrDefault(key.pairingId(), List.of())
					: List.of(key.pairingId());
			List<List<IndicatorFigure>> parts = new ArrayList<>();
			for (String id : ids) {
				PairingResultsRepository.Raw one = raw.get(new PairingResultsRepository.Key(id, key.year()));
				if (one != null) {
					parts.add(figures(one));
				}
			}
			if (!parts.isEmpty()) {
				found.put(key, new PairingYearResults(key.pairingId(), key.year(), key.rollup(), add(parts)));
			}
		}
		return found;
	}

	Map<TotalsKey, ResultTotals> totals(Collection<TotalsKey> keys) {
		Map<TotalsKey, ResultTotals> found = new HashMap<>();
		Map<Integer, List<TotalsKey>> byYear = new TreeMap<>();
		keys.forEach((key) -> byYear.computeIfAbsent(key.year(), (y) -> new ArrayList<>()).add(key));
		byYear.forEach((year, yearKeys) -> {
			String prefix = commonPrefix(yearKeys.stream().map(TotalsKey::placeCode).toList());
			Map<String, String> reporting = this.repository.reporting(prefix, year, STAFF_PROGRAMS);
			Map<PairingResultsRepository.Key, PairingResultsRepository.Raw> raw = this.repository
				.raw(reporting.keySet().stream().map((id) -> new PairingResultsRepository.Key(id, year)).toList());
			Map<String, List<IndicatorFigure>> figures = new TreeMap<>();
			raw.values().forEach((one) -> figures.put(one.id(), figures(one)));
			for (TotalsKey key : yearKeys) {
				found.put(key, total(key, figures, reporting));
			}
		});
		return found;
	}

	private static ResultTotals total(TotalsKey key, Map<String, List<IndicatorFigure>> figures,
			Map<String, String> places) {
		Map<PairingIndicator, long[]> sums = new EnumMap<>(PairingIndicator.class);
		for (PairingIndicator indicator : PairingIndicator.values()) {
			sums.put(indicator, new long[6]);
		}
		int reporting = 0;
		List<String> below = new ArrayList<>();
		for (Map.Entry<String, List<IndicatorFigure>> pairing : figures.entrySet()) {
			if (!places.get(pairing.getKey()).startsWith(key.placeCode())) {
				continue;
			}
			boolean reports = false;
			boolean short_ = false;
			for (IndicatorFigure figure : pairing.getValue()) {
				if (!counts(figure)) {
					continue;
				}
				reports = true;
				long[] sum = sums.get(figure.indicator());
				long actual = (figure.actual() != null) ? figure.actual() : 0;
				sum[1] += actual;
				sum[3]++;
				if (figure.target() != null) {
					sum[0] += figure.target();
					sum[2] += actual;
					sum[4]++;
				}
				if (figure.belowTarget()) {
					sum[5]++;
					short_ = true;
				}
			}
			reporting += reports ? 1 : 0;
			if (short_) {
				below.add(pairing.getKey());
			}
		}
		List<IndicatorTotal> totals = new ArrayList<>();
		sums.forEach((indicator, sum) -> totals
			.add(new IndicatorTotal(indicator, sum[0], sum[1], sum[2], (int) sum[3], (int) sum[4], (int) sum[5])));
		return new ResultTotals(key.placeCode(), key.year(), totals, reporting, below);
	}

	/**
	 * A figure counts when it has a target, a recorded actual, or a derived actual above
	 * zero.
	 */
	private static boolean counts(IndicatorFigure figure) {
		return figure.target() != null || (figure.actual() != null
				&& (figure.origin() == PairingIndicator.Origin.RECORDED || figure.actual() > 0));
	}

	private static String commonPrefix(List<String> codes) {
		String prefix = codes.get(0);
		for (String code : codes) {
			int i = 0;
			while (i < prefix.length() && i < code.length() && prefix.charAt(i) == code.charAt(i)) {
				i++;
			}
			prefix = prefix.substring(0, i);
		}
		return prefix;
	}

	/** The figures of one pairing's year: one per indicator its program carries. */
	static List<IndicatorFigure> figures(PairingResultsRepository.Raw raw) {
		List<IndicatorFigure> figures = new ArrayList<>();
		PairingIndicator.carriedBy(raw.program()).forEach((indicator, origin) -> {
			Map<String, Object> recorded = raw.recorded().getOrDefault(indicator, Map.of());
			Long actual = switch (origin) {
				case DERIVED_FROM_FUNDS -> raw.funds();
				case DERIVED_FROM_STAFF -> raw.staff();
				case RECORDED -> number(recorded.get("actual"));
			};
			figures.add(new IndicatorFigure(indicator, origin, number(recorded.get("target")), actual,
					(String) recorded.get("source"), Boolean.TRUE.equals(recorded.get("illustrative")),
					(String) recorded.get("correctionReason")));
		});
		return figures;
	}

	/** Several pairings' figures added up per indicator, in the order first seen. */
	private static List<IndicatorFigure> add(List<List<IndicatorFigure>> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		Map<PairingIndicator, IndicatorFigure> sums = new LinkedHashMap<>();
		for (List<IndicatorFigure> part : parts) {
			for (IndicatorFigure figure : part) {
				sums.merge(figure.indicator(), figure,
						(a, b) -> new IndicatorFigure(a.indicator(), a.origin(), plus(a.target(), b.target()),
								plus(a.actual(), b.actual()), null, a.illustrative() || b.illustrative(), null));
			}
		}
		return List.copyOf(sums.values());
	}

	private static Long plus(Long a, Long b) {
		return (a == null) ? b : (b == null) ? a : Long.valueOf(a + b);
	}

	private static Long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : null;
	}

	/** Records new figures of a pairing's year; see {@link PairingResultRules#record}. */
	@Transactional
	public PairingYearResults record(PairingResultsInput input, Caller caller) {
		PairingResultRules.State state = state(input, caller);
		List<PairingResultRules.Violation> violations = PairingResultRules.record(state, input,
				LocalDate.now(this.clock));
		if (!violations.isEmpty()) {
			throw violations.get(0).exception();
		}
		recordAll(List.of(new Figures(state, input, Map.of())), caller.name());
		return read(state.pairingId(), input.year());
	}

	/**
	 * Corrects recorded figures of a pairing's year; see
	 * {@link PairingResultRules#correct}.
	 */
	@Transactional
	public PairingYearResults correct(PairingResultsInput input, Caller caller) {
		PairingResultRules.State state = state(input, caller);
		List<PairingResultRules.Violation> violations = PairingResultRules.correct(state, input,
				LocalDate.now(this.clock));
		if (!violations.isEmpty()) {
			throw violations.get(0).exception();
		}
		correctAll(List.of(new Figures(state, input, Map.of())), caller.name());
		return read(state.pairingId(), input.year());
	}

	/** A pairing and year a ledger's rows name. */
	public record PairingYear(String pairingId, int year) {
	}

	/**
	 * What the rules judge for a pairing's year, and where the pairing's recipient lies
	 * (its scope).
	 */
	public record YearState(PairingResultRules.State rules, String recipientPlace) {
	}

	/**
	 * The state of each pairing's year, read at once for a batch of a ledger's rows;
	 * pairings that do not exist are left out.
	 */
	public Map<PairingYear, YearState> states(Collection<PairingYear> keys) {
		return this.repository.states(keys);
	}

	/**
	 * Takes the write locks of the pairings, in order, until the transaction ends: what
	 * the mutations lock.
	 */
	@Transactional
	public void lock(Collection<String> pairingIds) {
		this.pairings.lockPairings(pairingIds);
	}

	/**
	 * Figures of a pairing's year that passed their rules, the state they were checked
	 * against, and what their change event adds (a ledger's import and row).
	 */
	public record Figures(PairingResultRules.State state, PairingResultsInput input, Map<String, Object> note) {
	}

	/**
	 * Writes new figures that passed {@link PairingResultRules#record}, a change event
	 * each, inside the caller's transaction.
	 */
	@Transactional
	public void recordAll(List<Figures> all, String actor) {
		List<ChangeLog.Change> events = new ArrayList<>();
		for (Figures one : all) {
			PairingResultsInput input = one.input();
			List<Map<String, Object>> rows = new ArrayList<>();
			List<Map<String, Object>> after = new ArrayList<>();
			for (PairingResultsInput.FigureInput figure : input.figures()) {
				Map<String, Object> properties = new HashMap<>();
				properties.put("source", (input.source() != null) ? input.source().strip() : null);
				properties.put("illustrative", false);
				rows.add(row(figure.indicator(), figure.target(), figure.actual(), properties));
				after.add(shown(figure.indicator(), figure.target(), figure.actual()));
			}
			this.repository.write(one.state().pairingId(), input.year(), rows);
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("year", input.year());
			event.put("figures", after);
			event.put("source", input.source());
			event.putAll(one.note());
			events.add(
					new ChangeLog.Change(ChangeOperation.RECORD_PAIRING_RESULTS, one.state().pairingId(), null, event));
		}
		this.changes.recordAll(LABEL, "id", events, actor);
	}

	/**
	 * Writes corrections that passed {@link PairingResultRules#correct}, a change event
	 * each, inside the caller's transaction.
	 */
	@Transactional
	public void correctAll(List<Figures> all, String actor) {
		List<ChangeLog.Change> events = new ArrayList<>();
		for (Figures one : all) {
			PairingResultsInput input = one.input();
			PairingResultRules.State state = one.state();
			List<Map<String, Object>> rows = new ArrayList<>();
			List<Map<String, Object>> before = new ArrayList<>();
			List<Map<String, Object>> after = new ArrayList<>();
			for (PairingResultsInput.FigureInput figure : input.figures()) {
				PairingResultRules.Recorded was = state.recorded().get(figure.indicator());
				rows.add(row(figure.indicator(), figure.target(), figure.actual(),
						Map.of("correctionReason", input.reason().strip())));
				before.add(shown(figure.indicator(), was.target(), was.actual()));
				after.add(shown(figure.indicator(), (figure.target() != null) ? figure.target() : was.target(),
						(figure.actual() != null) ? figure.actual() : was.actual()));
			}
			this.repository.write(state.pairingId(), input.year(), rows);
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("year", input.year());
			was.put("figures", before);
			Map<String, Object> now = new LinkedHashMap<>();
			now.put("year", input.year());
			now.put("figures", after);
			now.put("reason", input.reason().strip());
			now.putAll(one.note());
			events.add(new ChangeLog.Change(ChangeOperation.CORRECT_PAIRING_RESULTS, state.pairingId(), was, now));
		}
		this.changes.recordAll(LABEL, "id", events, actor);
	}

	/**
	 * The state the rules judge, read after the pairing's lock is taken (a writer ending
	 * it commits first), as the pairing mutations read theirs; then the caller's scope is
	 * checked, before anything is written.
	 */
	private PairingResultRules.State state(PairingResultsInput input, Caller caller) {
		String id = input.pairingId();
		boolean named = id != null && !id.isBlank();
		if (named) {
			this.pairings.lockPairing(id);
		}
		Map<String, Object> pairing = named ? this.repository.pairing(id) : null;
		if (pairing == null) {
			throw ApiException.notFound("input.pairingId", "No pairing has the id " + id + ".");
		}
		String recipient = this.repository.recipientPlace(id);
		caller.requirePairingWrite((String) pairing.get("program"), recipient, "input.pairingId");
		Map<PairingIndicator, PairingResultRules.Recorded> recorded = (input.year() != null)
				? this.repository.recorded(id, input.year()) : Map.of();
		return new PairingResultRules.State(id, PairingProgram.valueOf((String) pairing.get("program")),
				(LocalDate) pairing.get("startDate"), (LocalDate) pairing.get("endDate"), recorded);
	}

	private PairingYearResults read(String id, int year) {
		ResultKey key = new ResultKey(id, year, false);
		return results(List.of(key)).get(key);
	}

	private static Map<String, Object> row(PairingIndicator indicator, Long target, Long actual,
			Map<String, Object> properties) {
		Map<String, Object> row = new HashMap<>();
		row.put("indicator", indicator.name());
		row.put("target", target);
		row.put("actual", actual);
		row.put("properties", properties);
		return row;
	}

	/** A figure as change events show it: yuan as text for money, like the API. */
	private static Map<String, Object> shown(PairingIndicator indicator, Long target, Long actual) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("indicator", indicator.name());
		figure.put("target", value(indicator, target));
		figure.put("actual", value(indicator, actual));
		return figure;
	}

	private static Object value(PairingIndicator indicator, Long value) {
		if (value == null) {
			return null;
		}
		return indicator.unit().money() ? Money.ofFen(value).toString() : value;
	}

}
