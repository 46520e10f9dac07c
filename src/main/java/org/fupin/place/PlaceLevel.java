package org.fupin.place;

import java.util.Locale;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;

/**
 * The five levels of the administrative division tree. A statistical division code
 * (统计用区划代码) has 2, 4, 6, 9 or 12 digits and begins with the codes of all its ancestors,
 * which is what makes prefix seeks ("everything below X") possible.
 */
public enum PlaceLevel {

	PROVINCE("Province", 2), PREFECTURE("Prefecture", 4), COUNTY("County", 6), TOWNSHIP("Township", 9),
	VILLAGE("Village", 12);

	private final String label;

	private final int codeLength;

	private final String fieldName;

	PlaceLevel(String label, int codeLength) {
		this.label = label;
		this.codeLength = codeLength;
		this.fieldName = label.toLowerCase(Locale.ROOT);
	}

	/** The Neo4j label of this level, also the GraphQL type name. */
	public String label() {
		return this.label;
	}

	/**
	 * The GraphQL field of this level: the root field that finds one by code, and the
	 * field of a place below that leads to its ancestor.
	 */
	public String fieldName() {
		return this.fieldName;
	}

	public int codeLength() {
		return this.codeLength;
	}

	/** The level whose code has this length, or {@code null}. */
	public static PlaceLevel ofLength(int length) {
		for (PlaceLevel level : values()) {
			if (level.codeLength == length) {
				return level;
			}
		}
		return null;
	}

	/**
	 * The level of a well-formed code: 2, 4, 6, 9 or 12 ASCII digits ({@code null}
	 * otherwise; full-width digits such as "４５" are not a code).
	 */
	public static PlaceLevel levelOf(String code) {
		return (code != null && digits(code)) ? ofLength(code.length()) : null;
	}

	/**
	 * Whether {@code text} is one or more of the digits 0-9: a code's digits are ASCII,
	 * which {@link Character#isDigit} alone does not check.
	 */
	public static boolean digits(String text) {
		return !text.isEmpty() && text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/**
	 * The level of a well-formed code.
	 * @throws ApiException {@link ErrorCode#INVALID_CODE} naming {@code field} otherwise
	 */
	public static PlaceLevel ofCode(String code, String field) {
		PlaceLevel level = levelOf(code);
		if (level == null) {
			throw new ApiException(ErrorCode.INVALID_CODE, field,
					"'" + code + "' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码).");
		}
		return level;
	}

	/** Checks that {@code code} is a well-formed code of this level. */
	public void requireCode(String code, String field) {
		if (ofCode(code, field) != this) {
			throw new ApiException(ErrorCode.INVALID_CODE, field, "'" + code + "' is not a " + name().toLowerCase()
					+ " code: a " + name().toLowerCase() + " code has " + this.codeLength + " digits.");
		}
	}

	/** The code of this level's ancestor of the place with {@code code}. */
	public String ancestorCode(String code) {
		return code.substring(0, this.codeLength);
	}

}
