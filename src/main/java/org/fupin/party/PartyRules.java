package org.fupin.party;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.place.PlaceLevel;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

/**
 * The rules of the parties a county keeps ledgers of, organisations (组织台账) and households
 * (农户台账), as plain functions over a row, the places read for a whole batch of rows, and
 * the writer's scope. Each answers every rule a row breaks, in the order a person fixes
 * them. Messages never repeat personal data (a head's name or ID number), since reports
 * reach callers without the personal-data grant.
 */
public final class PartyRules {

	/**
	 * The characters of a unified social credit code, GB 32100-2015 (no I, O, S, V, Z).
	 */
	public static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private PartyRules() {
	}

	/**
	 * One row of the organisation ledger.
	 *
	 * @param kind an {@code OrganisationKind} value
	 * @param enterpriseType an {@code EnterpriseType} value, for enterprises only
	 */
	public record OrganisationRow(String creditCode, String name, String kind, String enterpriseType,
			String placeCode) {
	}

	/** One row of the household ledger. */
	public record HouseholdRow(String householdNo, String headName, String idNumber, Long size, Boolean formerlyPoor,
			String villageCode) {
	}

	/**
	 * Every rule an organisation breaks.
	 * @param places the place codes among the batch's rows that exist
	 */
	public static List<Violation> organisation(OrganisationRow row, Set<String> places, Caller writer) {
		List<Violation> violations = new ArrayList<>();
		Violation code = creditCode(row.creditCode(), "creditCode");
		if (code != null) {
			violations.add(code);
		}
		required(row.name(), "name", "名称", violations);
		if (required(row.kind(), "kind", "组织类型", violations)) {
			boolean enterprise = "ENTERPRISE".equals(row.kind());
			if (enterprise && blank(row.enterpriseType())) {
				violations.add(invalid("enterpriseType", "企业须填写企业类型（国有、民营等）。",
						"An enterprise needs its enterpriseType (state-owned, private ...)."));
			}
			if (!enterprise && !blank(row.enterpriseType())) {
				violations.add(invalid("enterpriseType", "只有企业填写企业类型；" + row.kind() + "不填。",
						"Only an enterprise has an enterpriseType; leave it empty for " + row.kind() + "."));
			}
		}
		place(row.placeCode(), "placeCode", null, places, writer, "组织", "organisations", violations);
		return violations;
	}

	/**
	 * Every rule a household breaks.
	 * @param places the village codes among the batch's rows that exist
	 */
	public static List<Violation> household(HouseholdRow row, Set<String> places, Caller writer) {
		List<Violation> violations = new ArrayList<>();
		if (required(row.householdNo(), "householdNo", "户编号", violations)
				&& PartyKind.ofId(row.householdNo()) != PartyKind.HOUSEHOLD) {
			violations.add(new Violation(ErrorCode.INVALID_CODE, "householdNo",
					"户编号“" + row.householdNo() + "”应以H开头，后接数字（如H45010210120101）。", "The household number '"
							+ row.householdNo() + "' must be H followed by digits (e.g. H45010210120101)."));
		}
		required(row.headName(), "headName", "户主姓名", violations);
		Violation id = idNumber(row.idNumber(), "idNumber");
		if (id != null) {
			violations.add(id);
		}
		if (row.size() == null) {
			violations.add(invalid("size", "必须填写家庭人口。", "size is required: the number of people in the household."));
		}
		else if (row.size() < 1) {
			violations.add(invalid("size", "家庭人口至少为1，不是" + row.size() + "。",
					"A household has at least one person, not " + row.size() + "."));
		}
		place(row.villageCode(), "villageCode", PlaceLevel.VILLAGE, places, writer, "农户", "households", violations);
		return violations;
	}

	/**
	 * What is wrong with a unified social credit code (统一社会信用代码, GB 32100-2015): 18
	 * characters of its alphabet, the last the check character of the first 17;
	 * {@code null} when it is well formed.
	 */
	public static Violation creditCode(String code, String field) {
		if (blank(code)) {
			return invalid(field, "必须填写统一社会信用代码。",
					field + " is required: the 18-character unified social credit code.");
		}
		if (code.length() != 18 || !code.chars().allMatch((c) -> CREDIT_CHARS.indexOf(c) >= 0)) {
			return new Violation(ErrorCode.INVALID_CODE, field, "“" + code + "”不是统一社会信用代码：应为18位数字或大写字母（不含I、O、S、V、Z）。",
					"'" + code + "' is not a unified social credit code: 18 digits or capital letters "
							+ "(no I, O, S, V or Z).");
		}
		char check = creditCheckCharacter(code);
		if (code.charAt(17) != check) {
			return new Violation(ErrorCode.INVALID_CODE, field,
					"统一社会信用代码“" + code + "”的校验码应为" + check + "，不是" + code.charAt(17) + "；请核对代码。",
					"The check character of the credit code '" + code + "' is " + check + ", not " + code.charAt(17)
							+ " (GB 32100-2015); check the code.");
		}
		return null;
	}

	/**
	 * What is wrong with a resident ID number (居民身份证号码, GB 11643-1999): 17 digits and a
	 * check character (a digit or X), of a real birth date; {@code null} when it is well
	 * formed. The message never repeats the number.
	 */
	public static Violation idNumber(String number, String field) {
		if (blank(number)) {
			return invalid(field, "必须填写身份证号。", field + " is required: the head's resident ID number.");
		}
		if (!number.matches("\\d{17}[\\dX]")) {
			return new Violation(ErrorCode.INVALID_CODE, field, "身份证号应为18位：17位数字加1位校验码（数字或X）。",
					"A resident ID number has 18 characters: 17 digits and a check digit or X.");
		}
		if (number.charAt(17) != idCheckCharacter(number)) {
			return new Violation(ErrorCode.INVALID_CODE, field, "身份证号的校验码不符（GB 11643）；请核对号码。",
					"The check digit of the resident ID number does not match (GB 11643); check the number.");
		}
		return null;
	}

	/** The check character of GB 32100-2015 over the first 17 characters. */
	public static char creditCheckCharacter(CharSequence first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_CHARS.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		return CREDIT_CHARS.charAt((31 - sum % 31) % 31);
	}

	/** The check character of GB 11643 over the first 17 digits. */
	public static char idCheckCharacter(CharSequence first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	/**
	 * Whether a place code is filled, well formed (of {@code level} when given), exists
	 * and lies in the writer's scope; violations otherwise.
	 */
	private static void place(String code, String field, PlaceLevel level, Set<String> places, Caller writer,
			String whatZh, String what, List<Violation> violations) {
		if (!required(code, field, (level == PlaceLevel.VILLAGE) ? "所在村代码" : "所在地代码", violations)) {
			return;
		}
		PlaceLevel found = PlaceLevel.levelOf(code);
		if (found == null || (level != null && found != level)) {
			violations.add(new Violation(ErrorCode.INVALID_CODE, field,
					"“" + code + "”不是" + ((level == PlaceLevel.VILLAGE) ? "行政村的12位" : "") + "统计用区划代码。",
					"'" + code + "' is not a " + ((level == PlaceLevel.VILLAGE) ? "12-digit village" : "statistical")
							+ " division code (统计用区划代码)."));
			return;
		}
		if (!writer.mayChangeAssetsAt(code)) {
			violations.add(new Violation(
					ErrorCode.FORBIDDEN, field, "你无权修改位于" + code + "的" + whatZh
							+ ((writer.place() != null) ? "：你的地区范围是" + writer.place() : "") + "。",
					"You may not change " + what + " at " + code + ": " + writer.scopeText() + "."));
			return;
		}
		if (!places.contains(code)) {
			violations.add(new Violation(ErrorCode.NOT_FOUND, field, "没有区划代码为" + code + "的地方。",
					"No place has the code " + code + " (统计用区划代码)."));
		}
	}

	private static boolean required(String value, String field, String headerZh, List<Violation> violations) {
		if (blank(value)) {
			violations.add(invalid(field, "必须填写" + headerZh + "。", field + " is required."));
			return false;
		}
		return true;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static Violation invalid(String field, String zh, String en) {
		return new Violation(ErrorCode.INVALID_ARGUMENT, field, zh, en);
	}

}
