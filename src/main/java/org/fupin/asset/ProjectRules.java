package org.fupin.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.place.PlaceLevel;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

/**
 * The rules of the project ledger (项目台账), as a plain function over one row, the state
 * read for a whole batch of rows and the writer's scope. A row is one project and one of
 * its fund sources with the amount it put in; a fund source the register does not hold
 * yet is created by the row, which then names its kind and year.
 */
public final class ProjectRules {

	/**
	 * The first year of a project of poverty alleviation: 精准扶贫 began in November 2013,
	 * and the registration of households (建档立卡) in 2014.
	 */
	public static final int FIRST_YEAR = 2013;

	/**
	 * The most fund sources one project has. A project is funded by a handful (central,
	 * provincial, municipal and county funds, east-west cooperation, donations), and
	 * {@code Project.funding} and {@code Asset.funding} list them all without pages.
	 */
	public static final int MAX_FUND_SOURCES = 100;

	private ProjectRules() {
	}

	/**
	 * The violation of a row that would give project {@code code} one fund source more
	 * than {@link #MAX_FUND_SOURCES}, given the fund sources it has (stored, and given by
	 * the valid rows above it in the same file).
	 */
	public static Optional<Violation> oneMoreFundSource(String code, String fundCode, Set<String> funds) {
		if (funds.contains(fundCode) || funds.size() < MAX_FUND_SOURCES) {
			return Optional.empty();
		}
		return Optional.of(invalid("fundCode",
				"项目" + code + "在登记簿和本文件前面各行中已有" + funds.size() + "个资金来源，一个项目最多" + MAX_FUND_SOURCES + "个；本行的资金来源"
						+ fundCode + "会再多一个。",
				"Project " + code + " has " + funds.size()
						+ " fund sources in the register and the rows above, the most a project may have ("
						+ MAX_FUND_SOURCES + "); this row's fund source " + fundCode + " would be one more."));
	}

	/**
	 * One row of the project ledger.
	 *
	 * @param fundKind a {@code FundKind} value, for a new fund source
	 * @param amount what the fund source put into the project; never negative, as
	 * {@link Money} is not (a ledger's reader reports a negative amount as a faulty cell)
	 */
	public record ProjectRow(String code, String name, Long year, String countyCode, String pairingId, String fundCode,
			String fundName, String fundKind, Long fundYear, String providerCode, Money amount) {
	}

	/**
	 * What the rules need to know, read for a whole batch of rows.
	 *
	 * @param counties the county codes among the rows that exist
	 * @param fundSources the fund source codes among the rows that exist
	 * @param pairings the pairing ids among the rows that exist
	 * @param providers the provider ids (place codes or credit codes) among the rows that
	 * exist
	 */
	public record State(Set<String> counties, Set<String> fundSources, Set<String> pairings, Set<String> providers) {
	}

	/** Every rule a row breaks; none when it may be written. */
	public static List<Violation> project(ProjectRow row, State state, Caller writer, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		required(row.code(), "code", "项目编号", violations);
		required(row.name(), "name", "项目名称", violations);
		year(row.year(), "year", "项目年度", today, violations);
		if (required(row.countyCode(), "countyCode", "所在县代码", violations)) {
			String county = row.countyCode();
			if (PlaceLevel.levelOf(county) != PlaceLevel.COUNTY) {
				violations.add(new Violation(ErrorCode.INVALID_CODE, "countyCode", "“" + county + "”不是县的6位统计用区划代码。",
						"'" + county + "' is not a 6-digit county code (统计用区划代码)."));
			}
			else if (!writer.mayChangeAssetsAt(county)) {
				violations.add(new Violation(
						ErrorCode.FORBIDDEN, "countyCode", "你无权修改位于" + county + "的项目"
								+ ((writer.place() != null) ? "：你的地区范围是" + writer.place() : "") + "。",
						"You may not change projects at " + county + ": " + writer.scopeText() + "."));
			}
			else if (!state.counties().contains(county)) {
				violations.add(new Violation(ErrorCode.NOT_FOUND, "countyCode", "没有区划代码为" + county + "的县。",
						"No county has the code " + county + "."));
			}
		}
		if (row.pairingId() != null && !state.pairings().contains(row.pairingId())) {
			violations.add(new Violation(ErrorCode.NOT_FOUND, "pairingId", "没有编号为" + row.pairingId() + "的结对。",
					"No pairing has the id " + row.pairingId() + "."));
		}
		if (required(row.fundCode(), "fundCode", "资金来源编号", violations)
				&& !state.fundSources().contains(row.fundCode())) {
			if (row.fundName() == null || row.fundKind() == null || row.fundYear() == null) {
				violations.add(new Violation(ErrorCode.NOT_FOUND, "fundCode",
						"没有编号为" + row.fundCode() + "的资金来源；新的资金来源须在本行填写资金名称、资金类型和资金年度。",
						"No fund source has the code " + row.fundCode()
								+ "; to create it, give its fundName, fundKind and fundYear on this row."));
			}
			else {
				year(row.fundYear(), "fundYear", "资金年度", today, violations);
			}
		}
		if (row.providerCode() != null && !state.providers().contains(row.providerCode())) {
			violations
				.add(new Violation(ErrorCode.NOT_FOUND, "providerCode", "没有编号为" + row.providerCode() + "的地方或组织可作资金提供方。",
						"No place or organisation has the id " + row.providerCode() + " to provide the funds."));
		}
		if (row.amount() == null) {
			violations.add(invalid("amount", "必须填写投入金额。", "amount is required: what the fund source put in."));
		}
		return violations;
	}

	private static void year(Long year, String field, String headerZh, LocalDate today, List<Violation> violations) {
		if (year == null) {
			violations.add(invalid(field, "必须填写" + headerZh + "。", field + " is required."));
		}
		else if (year < FIRST_YEAR || year > today.getYear()) {
			violations.add(invalid(field, headerZh + "应在" + FIRST_YEAR + "年到" + today.getYear() + "年之间，不是" + year + "。",
					field + " must lie between " + FIRST_YEAR + " and " + today.getYear() + ", not " + year + "."));
		}
	}

	private static boolean required(String value, String field, String headerZh, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(invalid(field, "必须填写" + headerZh + "。", field + " is required."));
			return false;
		}
		return true;
	}

	private static Violation invalid(String field, String zh, String en) {
		return new Violation(ErrorCode.INVALID_ARGUMENT, field, zh, en);
	}

}
