package org.fupin.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fupin.money.Share;

/**
 * One {@code OWNED_BY} period of an asset: {@code validTo} is exclusive and absent while
 * the period is open.
 */
public record OwnershipPeriod(String ownerId, Share share, LocalDate validFrom, LocalDate validTo,
		String certificateNo) {

	public boolean open() {
		return this.validTo == null;
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
