package org.fupin.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fupin.money.Share;

/**
 * One {@code OWNED_BY} period of an asset: {@code validTo} is exclusive and absent while
 * the period is open.
 */
record OwnershipPeriod(String ownerId, Share share, LocalDate validFrom, LocalDate validTo, String certificateNo) {

	boolean open() {
		return this.validTo == null;
	}

	/**
	 * Checks that new periods starting on {@code date} continue the history without an
	 * overlap or a gap: the date is after the start of every period (so it is later than
	 * the last transfer) and not before the end of any closed one; when no period is open
	 * any more, it is exactly the day the last one ended.
	 * @throws org.fupin.graphql.ApiException {@code CONFLICT} naming {@code field}
	 */
	static void requireContinuation(List<OwnershipPeriod> periods, LocalDate date, String field) {
		LocalDate latestStart = periods.stream().map(OwnershipPeriod::validFrom).max(LocalDate::compareTo).orElse(null);
		if (latestStart != null && !date.isAfter(latestStart)) {
			throw AssetRules.conflict(field, "The latest ownership period of this asset started on " + latestStart
					+ "; a transfer must be dated after it, and " + date + " is not.");
		}
		LocalDate latestEnd = periods.stream()
			.map(OwnershipPeriod::validTo)
			.filter(Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (latestEnd != null && date.isBefore(latestEnd)) {
			throw AssetRules.conflict(field, "An ownership period of this asset runs until " + latestEnd
					+ "; a transfer" + " dated " + date + " would overlap it. Date it " + latestEnd + " or later.");
		}
		boolean anyOpen = periods.stream().anyMatch(OwnershipPeriod::open);
		if (!anyOpen && latestEnd != null && date.isAfter(latestEnd)) {
			throw AssetRules.conflict(field, "The last ownership period of this asset ended on " + latestEnd
					+ " and none is open; date the transfer " + latestEnd + " so that no gap is left.");
		}
	}

	/** How a change event shows the period. */
	Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("ownerId", this.ownerId);
		map.put("share", this.share.toString());
		map.put("validFrom", this.validFrom.toString());
		map.put("validTo", (this.validTo != null) ? this.validTo.toString() : null);
		map.put("certificateNo", this.certificateNo);
		return map;
	}

}
