package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;

/**
 * The rules a year's figures of a pairing must keep, as plain functions over the state
 * read before writing: the pairing's program and term and what is recorded already. The
 * mutations refuse on the first violation; an import of a whole ledger file can call the
 * same functions per row and report every violation at once.
 */
public final class PairingResultRules {

	private PairingResultRules() {
	}

	/**
	 * What the rules need to know of a pairing and its year.
	 *
	 * @param recorded the figures recorded for the year, by indicator
	 */
	public record State(String pairingId, PairingProgram program, LocalDate startDate, LocalDate endDate,
			Map<PairingIndicator, Recorded> recorded) {
	}

	/** A recorded figure: target and actual in the indicator's unit (fen for money). */
	public record Recorded(Long target, Long actual) {
	}

	/**
	 * One broken rule: the code a client branches on, the field at fault, and what to do,
	 * in Chinese for a clerk reading an import's report and in English as the mutations
	 * answer.
	 */
	public record Violation(ErrorCode code, String field, String messageZh, String message) {

		public ApiException exception() {
			return new ApiException(this.code, this.field, this.message);
		}

	}

	/** New figures: none of them recorded before for the year. */
	public static List<Violation> record(State state, PairingResultsInput input, LocalDate today) {
		List<Violation> violations = common(state, input, today);
		List<PairingResultsInput.FigureInput> figures = (input.figures() != null) ? input.figures() : List.of();
		for (int i = 0; i < figures.size(); i++) {
			PairingIndicator indicator = figures.get(i).indicator();
			Recorded recorded = (indicator != null) ? state.recorded().get(indicator) : null;
			if (recorded != null) {
				violations.add(new Violation(ErrorCode.CONFLICT, figure(i, "indicator"),
						"结对" + state.pairingId() + "的" + named(indicator) + input.year()
								+ "年数值已填报；如需修改，请更正（correctPairingResults）并写明原因。",
						indicator + " of " + input.year() + " is recorded already for pairing " + state.pairingId()
								+ "; correct it with correctPairingResults, saying why."));
			}
		}
		if (input.source() != null && input.source().isBlank()) {
			violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, "input.source", "出处为空：请写明数据来自哪份报告或台账，或不填。",
					"input.source is blank: name the report or ledger the figures come from, or leave it out."));
		}
		return violations;
	}

	/**
	 * Corrections: each names a figure recorded for the year and changes it, and the
	 * correction says why.
	 */
	public static List<Violation> correct(State state, PairingResultsInput input, LocalDate today) {
		List<Violation> violations = common(state, input, today);
		if (input.reason() == null || input.reason().isBlank()) {
			violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, "input.reason", "更正已填报的数值须写明更正原因。",
					"A correction says why the figures change: give input.reason."));
		}
		List<PairingResultsInput.FigureInput> figures = (input.figures() != null) ? input.figures() : List.of();
		for (int i = 0; i < figures.size(); i++) {
			PairingResultsInput.FigureInput figure = figures.get(i);
			if (figure.indicator() == null) {
				continue;
			}
			Recorded recorded = state.recorded().get(figure.indicator());
			if (recorded == null) {
				violations.add(new Violation(ErrorCode.NOT_FOUND, figure(i, "indicator"),
						"结对" + state.pairingId() + "的" + named(figure.indicator()) + input.year()
								+ "年数值尚未填报，无可更正；请先填报（recordPairingResults）。",
						figure.indicator() + " of " + input.year() + " is not recorded for pairing " + state.pairingId()
								+ "; record it with recordPairingResults."));
			}
			else if ((figure.target() == null || figure.target().equals(recorded.target()))
					&& (figure.actual() == null || figure.actual().equals(recorded.actual()))) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, figure(i, "indicator"),
						"更正没有改变任何数值：请填写新的目标值或完成值。", "The correction of " + figure.indicator()
								+ " changes nothing: give the new target or " + "actual value."));
			}
		}
		return violations;
	}

	/** The rules recording and correcting share: term, indicators, units, signs. */
	private static List<Violation> common(State state, PairingResultsInput input, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		Integer year = input.year();
		// A public pair whose start the sources do not give has no lower bound.
		int first = (state.startDate() != null) ? state.startDate().getYear() : Integer.MIN_VALUE;
		int last = (state.endDate() != null) ? Math.min(state.endDate().getYear(), today.getYear()) : today.getYear();
		if (year == null || year < first || year > last) {
			violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, "input.year",
					"年度" + year + "不在结对" + state.pairingId() + "的期限之内（"
							+ ((state.startDate() != null) ? state.startDate() : "起始日期不详") + "至"
							+ ((state.endDate() != null) ? state.endDate() : "今") + "）；可填报"
							+ ((state.startDate() != null) ? first + "至" + last : last + "及以前") + "年的数值。",
					"input.year " + year + " lies outside the term of pairing " + state.pairingId() + " ("
							+ ((state.startDate() != null) ? state.startDate() : "start not known") + " to "
							+ ((state.endDate() != null) ? state.endDate() : "today") + "); figures are for the years "
							+ ((state.startDate() != null) ? first + " to " + last : "up to " + last) + "."));
		}
		Map<PairingIndicator, PairingIndicator.Origin> carried = PairingIndicator.carriedBy(state.program());
		List<PairingResultsInput.FigureInput> figures = (input.figures() != null) ? input.figures() : List.of();
		if (figures.isEmpty()) {
			violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, "input.figures", "没有填报任何指标：请至少填报一项。",
					"input.figures is empty: give at least one figure."));
		}
		Set<PairingIndicator> seen = EnumSet.noneOf(PairingIndicator.class);
		for (int i = 0; i < figures.size(); i++) {
			PairingResultsInput.FigureInput figure = figures.get(i);
			PairingIndicator indicator = figure.indicator();
			if (indicator == null) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, figure(i, "indicator"), "必须填写指标。",
						figure(i, "indicator") + " is required."));
				continue;
			}
			if (!carried.containsKey(indicator)) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, figure(i, "indicator"),
						state.program().chinese() + "不含指标" + named(indicator) + "。", "Program " + state.program()
								+ " does not carry indicator " + indicator + "; it carries " + carried.keySet() + "."));
				continue;
			}
			if (!seen.add(indicator)) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, figure(i, "indicator"),
						named(indicator) + "填报了两次：每项指标只填一次。",
						indicator + " is given twice; give each indicator once."));
			}
			boolean money = indicator.unit().money();
			if (money && (figure.targetCount() != null || figure.actualCount() != null)) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT,
						figure(i, (figure.targetCount() != null) ? "targetCount" : "actualCount"),
						named(indicator) + "以元计：请填写金额（targetAmount、actualAmount）。",
						indicator + " is counted in yuan: give targetAmount and actualAmount."));
			}
			if (!money && (figure.targetAmount() != null || figure.actualAmount() != null)) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT,
						figure(i, (figure.targetAmount() != null) ? "targetAmount" : "actualAmount"),
						named(indicator) + "按人数或个数计：请填写数量（targetCount、actualCount）。", indicator + " is counted in "
								+ indicator.unit().name().toLowerCase() + ": give targetCount and actualCount."));
			}
			String actualField = money ? "actualAmount" : "actualCount";
			if (carried.get(indicator).derived() && figure.actual() != null) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, figure(i, actualField),
						state.program().chinese() + "的" + named(indicator) + "完成值由"
								+ ((carried.get(indicator) == PairingIndicator.Origin.DERIVED_FROM_FUNDS) ? "经结对拨付的资金"
										: "结对选派的人员")
								+ "推算，不填报：只填目标值。",
						indicator + " of " + state.program() + " is derived from the "
								+ ((carried.get(indicator) == PairingIndicator.Origin.DERIVED_FROM_FUNDS)
										? "funds paid through the pairing" : "people staffed on the pairing")
								+ ", not recorded: give its target only."));
			}
			if (figure.target() == null && figure.actual() == null) {
				violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, figure(i, "indicator"),
						named(indicator) + "没有数值：请填写目标值、完成值或两者。",
						indicator + " has no value: give its target, its actual value or both."));
			}
			negative(violations, figure.target(), figure(i, money ? "targetAmount" : "targetCount"));
			negative(violations, figure.actual(), figure(i, actualField));
		}
		return violations;
	}

	private static void negative(List<Violation> violations, Long value, String field) {
		if (value != null && value < 0) {
			violations.add(new Violation(ErrorCode.INVALID_ARGUMENT, field, "数值不能为负，填的是" + value + "。",
					field + " must be zero or more, was " + value + "."));
		}
	}

	/** An indicator as a clerk reads it: its code with its Chinese name. */
	private static String named(PairingIndicator indicator) {
		return indicator + "（" + indicator.chinese() + "）";
	}

	private static String figure(int index, String field) {
		return "input.figures[" + index + "]." + field;
	}

}
