package org.fupin.register;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fupin.money.Share;

/**
 * What the mutations check about an asset, read after its lock was taken.
 */
record AssetState(String registerNo, String category, String status, LocalDate statusSince, LocalDate completionDate,
		long version, String placeCode, List<OwnershipPeriod> ownership, List<CustodyPeriod> custody,
		List<Contract> contracts, List<Integer> incomeYears, LocalDate disposalDate) {

	record CustodyPeriod(String id, String custodianId, String responsiblePersonId, String duty, LocalDate validFrom,
			LocalDate validTo) {

		boolean open() {
			return this.validTo == null;
		}

	}

	record Contract(String contractNo, LocalDate startDate, LocalDate endDate) {
	}

	boolean disposed() {
		return "DISPOSED".equals(this.status) || this.disposalDate != null;
	}

	List<OwnershipPeriod> openOwnership() {
		return this.ownership.stream().filter(OwnershipPeriod::open).toList();
	}

	CustodyPeriod openCustody() {
		return this.custody.stream().filter(CustodyPeriod::open).findFirst().orElse(null);
	}

	static AssetState from(Map<String, Object> row) {
		Map<String, Object> asset = map(row.get("asset"));
		List<OwnershipPeriod> ownership = maps(row.get("ownership")).stream()
			.map((p) -> new OwnershipPeriod((String) p.get("ownerId"), share(p.get("share")),
					(LocalDate) p.get("validFrom"), (LocalDate) p.get("validTo"), (String) p.get("certificateNo")))
			.toList();
		List<CustodyPeriod> custody = maps(row.get("custody")).stream()
			.map((c) -> new CustodyPeriod((String) c.get("id"), (String) c.get("custodianId"),
					(String) c.get("responsiblePersonId"), (String) c.get("duty"), (LocalDate) c.get("validFrom"),
					(LocalDate) c.get("validTo")))
			.toList();
		List<Contract> contracts = maps(row.get("contracts")).stream()
			.map((k) -> new Contract((String) k.get("contractNo"), (LocalDate) k.get("startDate"),
					(LocalDate) k.get("endDate")))
			.toList();
		List<Integer> years = ((Collection<?>) row.get("incomeYears")).stream()
			.filter(Objects::nonNull)
			.map((y) -> ((Number) y).intValue())
			.toList();
		Object version = asset.get("version");
		return new AssetState((String) asset.get("registerNo"), (String) asset.get("category"),
				(String) asset.get("status"), (LocalDate) asset.get("statusSince"),
				(LocalDate) asset.get("completionDate"), (version != null) ? ((Number) version).longValue() : 0,
				(String) asset.get("placeCode"), ownership, custody, contracts, years,
				(LocalDate) row.get("disposalDate"));
	}

	private static Share share(Object value) {
		return Share.ofHundredths((value instanceof Number n) ? n.longValue() : 0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

}
