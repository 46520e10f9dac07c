package org.fupin.register;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.fupin.register.AssetInputs.OwnerShareInput;

/**
 * The rules an asset mutation's input must keep, checked before anything is read or
 * written. Each broken rule throws an {@link ApiException} naming the field at fault and
 * saying what to change.
 */
final class AssetRules {

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

	/** An amount or share above zero (the scalars have refused negatives already). */
	static <T extends Comparable<T>> T requirePositive(T value, T zero, String field) {
		require(value, field);
		if (value.compareTo(zero) <= 0) {
			throw ApiException.invalid(field, field + " must be more than zero, was " + value + ".");
		}
		return value;
	}

	static Money requirePositive(Money value, String field) {
		return requirePositive(value, Money.ZERO, field);
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
	 * above 0 and at most 100, the shares adding up to exactly 100.
	 */
	static void requireOwnerShares(List<OwnerShareInput> owners, String field) {
		if (owners == null || owners.isEmpty()) {
			throw ApiException.invalid(field, field + " must name at least one owner.");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < owners.size(); i++) {
			OwnerShareInput owner = owners.get(i);
			String ownerId = requireText(owner.ownerId(), field + "[" + i + "].ownerId");
			if (!seen.add(ownerId)) {
				throw ApiException.invalid(field + "[" + i + "].ownerId",
						ownerId + " is named twice in " + field + "; give each owner once with its whole share.");
			}
			requirePositive(owner.share(), Share.ofHundredths(0), field + "[" + i + "].share");
		}
		Share sum = Share.sum(owners.stream().map(OwnerShareInput::share).toList());
		if (!sum.isWhole()) {
			throw ApiException.invalid(field,
					"The shares in " + field + " must add up to exactly 100 (percent); they add up to " + sum + ".");
		}
	}

	/** Parts that must add up to a total, to the fen. */
	static void requireSum(Money total, Collection<Money> parts, String field, String totalField) {
		Money sum = Money.sum(parts);
		if (!sum.equals(total)) {
			throw ApiException.invalid(field, "The amounts in " + field + " must add up to " + totalField + " (" + total
					+ "); they add up to " + sum + ".");
		}
	}

	static ApiException conflict(String field, String message) {
		return new ApiException(ErrorCode.CONFLICT, field, message);
	}

}
