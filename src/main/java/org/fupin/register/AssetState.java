package org.fupin.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * What the register's rules know of an existing asset: its descriptive fields, its
 * ownership and custody history, its contracts, the years of its income and its disposal.
 * Read for many assets at once ({@link RegisterState}); a mutation reads it after taking
 * the asset's lock.
 *
 * @param originalValue the original value, or {@code null} when none is recorded
 * @param projectCode the project that formed it, or {@code null}
 * @param disposalDate the date of its disposal, or {@code null}
 */
public record AssetState(String registerNo, String name, String type, String category, Money originalValue,
		LocalDate completionDate, String status, LocalDate statusSince, String placeCode, String projectCode,
		long version, List<OwnershipPeriod> ownership, List<CustodyPeriod> custody, List<Contract> contracts,
		List<Integer> incomeYears, LocalDate disposalDate) {

	public AssetState {
		ownership = List.copyOf(ownership);
		custody = List.copyOf(custody);
		contracts = List.copyOf(contracts);
		incomeYears = List.copyOf(incomeYears);
	}

	/**
	 * One custody of the asset; {@code validTo} is exclusive and absent while it lasts.
	 */
	public record CustodyPeriod(String id, String custodianId, String responsiblePersonId, String duty,
			LocalDate validFrom, LocalDate validTo) {

		public boolean open() {
			return this.validTo == null;
		}

	}

	/** An operation contract of the asset; {@code endDate} is exclusive. */
	public record Contract(String contractNo, LocalDate startDate, LocalDate endDate) {
	}

	public boolean disposed() {
		return "DISPOSED".equals(this.status) || this.disposalDate != null;
	}

	/** The ownership periods that have not ended: the current owners. */
	public List<OwnershipPeriod> openOwnership() {
		return this.ownership.stream().filter(OwnershipPeriod::open).toList();
	}

	/** The custody that has not ended, or {@code null}. */
	public CustodyPeriod openCustody() {
		return this.custody.stream().filter(CustodyPeriod::open).findFirst().orElse(null);
	}

	/**
	 * The state a new asset has once a valid {@code registerAsset} input is written: its
	 * first owners from {@code ownedFrom} (or its completion), nothing else yet. An
	 * import of the asset ledger checks a new asset's custody against it.
	 */
	public static AssetState registered(AssetInputs.RegisterAssetInput input) {
		LocalDate from = (input.ownedFrom() != null) ? input.ownedFrom() : input.completionDate();
		List<OwnershipPeriod> owners = (input.owners() != null) ? input.owners()
			.stream()
			.map((o) -> new OwnershipPeriod(o.ownerId().strip(), o.share(), from, null, o.certificateNo()))
			.toList() : List.of();
		return new AssetState(input.registerNo().strip(), input.name().strip(), input.type(), input.category(),
				input.originalValue(), input.completionDate(), (input.status() != null) ? input.status() : "IN_USE",
				input.completionDate(), input.placeCode().strip(), input.projectCode(), 0, owners, List.of(), List.of(),
				List.of(), null);
	}

	/**
	 * This asset after a transfer: the open periods end on {@code date} and
	 * {@code owners} own it from then. An import checks the next row of the same asset
	 * against this.
	 */
	public AssetState afterTransfer(LocalDate date, List<OwnershipPeriod> owners) {
		List<OwnershipPeriod> periods = new ArrayList<>();
		for (OwnershipPeriod period : this.ownership) {
			periods.add(period.open() ? new OwnershipPeriod(period.ownerId(), period.share(), period.validFrom(), date,
					period.certificateNo()) : period);
		}
		periods.addAll(owners);
		return new AssetState(this.registerNo, this.name, this.type, this.category, this.originalValue,
				this.completionDate, this.status, this.statusSince, this.placeCode, this.projectCode, this.version + 1,
				periods, this.custody, this.contracts, this.incomeYears, this.disposalDate);
	}

	/** This asset after a new custody, which ends the open one on the day it begins. */
	public AssetState afterCustody(CustodyPeriod next) {
		List<CustodyPeriod> periods = new ArrayList<>();
		for (CustodyPeriod period : this.custody) {
			periods.add(period.open() ? new CustodyPeriod(period.id(), period.custodianId(),
					period.responsiblePersonId(), period.duty(), period.validFrom(), next.validFrom()) : period);
		}
		periods.add(next);
		return new AssetState(this.registerNo, this.name, this.type, this.category, this.originalValue,
				this.completionDate, this.status, this.statusSince, this.placeCode, this.projectCode, this.version + 1,
				this.ownership, periods, this.contracts, this.incomeYears, this.disposalDate);
	}

	/** This asset with one more contract. */
	public AssetState afterContract(Contract contract) {
		List<Contract> more = new ArrayList<>(this.contracts);
		more.add(contract);
		return new AssetState(this.registerNo, this.name, this.type, this.category, this.originalValue,
				this.completionDate, this.status, this.statusSince, this.placeCode, this.projectCode, this.version + 1,
				this.ownership, this.custody, more, this.incomeYears, this.disposalDate);
	}

	/** This asset with the income of one more year. */
	public AssetState afterIncome(int year) {
		List<Integer> years = new ArrayList<>(this.incomeYears);
		years.add(year);
		return new AssetState(this.registerNo, this.name, this.type, this.category, this.originalValue,
				this.completionDate, this.status, this.statusSince, this.placeCode, this.projectCode, this.version + 1,
				this.ownership, this.custody, this.contracts, years.stream().sorted().toList(), this.disposalDate);
	}

	/** This asset with a new status from {@code since}. */
	public AssetState afterStatus(String newStatus, LocalDate since) {
		return new AssetState(this.registerNo, this.name, this.type, this.category, this.originalValue,
				this.completionDate, newStatus, since, this.placeCode, this.projectCode, this.version + 1,
				this.ownership, this.custody, this.contracts, this.incomeYears, this.disposalDate);
	}

	/**
	 * This asset disposed on {@code date}: ownership and custody end then, and a sale or
	 * transfer gives the transferee the whole share from then.
	 */
	public AssetState afterDisposal(LocalDate date, String transfereeId) {
		AssetState ended = afterTransfer(date, (transfereeId != null)
				? List.of(new OwnershipPeriod(transfereeId, Share.HUNDRED_PERCENT, date, null, null)) : List.of());
		List<CustodyPeriod> custody = ended.custody.stream()
			.map((c) -> c.open()
					? new CustodyPeriod(c.id(), c.custodianId(), c.responsiblePersonId(), c.duty(), c.validFrom(), date)
					: c)
			.toList();
		return new AssetState(this.registerNo, this.name, this.type, this.category, this.originalValue,
				this.completionDate, "DISPOSED", date, this.placeCode, this.projectCode, this.version + 1,
				ended.ownership, custody, this.contracts, this.incomeYears, date);
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
			.sorted()
			.toList();
		Object version = asset.get("version");
		Object value = asset.get("originalValue");
		return new AssetState((String) asset.get("registerNo"), (String) asset.get("name"), (String) asset.get("type"),
				(String) asset.get("category"), (value instanceof Number fen) ? Money.ofFen(fen.longValue()) : null,
				(LocalDate) asset.get("completionDate"), (String) asset.get("status"),
				(LocalDate) asset.get("statusSince"), (String) asset.get("placeCode"), (String) row.get("projectCode"),
				(version != null) ? ((Number) version).longValue() : 0, ownership, custody, contracts, years,
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
