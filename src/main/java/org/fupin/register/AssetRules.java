package org.fupin.register;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.register.AssetInputs.OwnerShareInput;

/**
 * The rules an asset mutation's input must keep, checked before anything is read or
 * written. Each broken rule throws an {@link ApiException} naming the field at fault and
 * saying what to change.
 */
final class AssetRules {

	/**
	 * How far a sum of shares or amounts may be from its total: rounding to cents (plus a
	 * hair, so that 3 × 33.33 is not refused for binary floating-point noise).
	 */
	static final double TOLERANCE = 0.01 + 1e-9;

	private AssetRules() {
	}

	static String requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalid(field, field + " must not be empty.");
		}
		return value.strip();
	}

	static <T> T require(T value, String field) {
		if (value == null) {
			throw ApiException.invalid(field, field + " is required.");
		}
		return value;
	}

	static double requireNotNegative(Double value, String field) {
		require(value, field);
		if (value < 0 || value.isNaN() || value.isInfinite()) {
			throw ApiException.invalid(field, field + " must be zero or more, was " + value + ".");
		}
		return value;
	}

	static double requirePositive(Double value, String field) {
		require(value, field);
		if (value <= 0 || value.isNaN() || value.isInfinite()) {
			throw ApiException.invalid(field, field + " must be more than zero, was " + value + ".");
		}
		return value;
	}

	/** A date that has happened: registers record facts, not plans. */
	static LocalDate requireNotFuture(LocalDate date, String field, LocalDate today) {
		require(date, field);
		if (date.isAfter(today)) {
			throw ApiException.invalid(field, field + " must not be after today (" + today + "), was " + date + ".");
		}
		return date;
	}

	/** {@code end} strictly after {@code start}; the message names {@code endField}. */
	static void requireAfter(LocalDate start, String startField, LocalDate end, String endField) {
		if (!end.isAfter(start)) {
			throw ApiException.invalid(endField,
					endField + " (" + end + ") must be after " + startField + " (" + start + ").");
		}
	}

	/**
	 * Owners of one new ownership period: at least one, each named once with a share
	 * above 0 and at most 100, the shares adding up to 100 (within {@link #TOLERANCE}).
	 */
	static void requireOwnerShares(List<OwnerShareInput> owners, String field) {
		if (owners == null || owners.isEmpty()) {
			throw ApiException.invalid(field, field + " must name at least one owner.");
		}
		Set<String> seen = new HashSet<>();
		double sum = 0;
		for (int i = 0; i < owners.size(); i++) {
			OwnerShareInput owner = owners.get(i);
			String ownerId = requireText(owner.ownerId(), field + "[" + i + "].ownerId");
			if (!seen.add(ownerId)) {
				throw ApiException.invalid(field + "[" + i + "].ownerId",
						ownerId + " is named twice in " + field + "; give each owner once with its whole share.");
			}
			double share = requirePositive(owner.share(), field + "[" + i + "].share");
			if (share > 100) {
				throw ApiException.invalid(field + "[" + i + "].share",
						field + "[" + i + "].share must be at most 100 (percent), was " + share + ".");
			}
			sum += share;
		}
		if (Math.abs(sum - 100) > TOLERANCE) {
			throw ApiException.invalid(field,
					"The shares in " + field + " must add up to 100 (percent); they add up to " + round(sum) + ".");
		}
	}

	/** Parts that must add up to a total (within {@link #TOLERANCE}). */
	static void requireSum(double total, Collection<Double> parts, String field, String totalField) {
		double sum = parts.stream().mapToDouble(Double::doubleValue).sum();
		if (Math.abs(sum - total) > TOLERANCE) {
			throw ApiException.invalid(field, "The amounts in " + field + " must add up to " + totalField + " ("
					+ round(total) + "); they add up to " + round(sum) + ".");
		}
	}

	static ApiException conflict(String field, String message) {
		return new ApiException(ErrorCode.CONFLICT, field, message);
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
