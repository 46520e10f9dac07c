package org.fupin.bulk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.fupin.bulk.MadeUp.AssetType;
import org.fupin.bulk.MadeUp.Contract;
import org.fupin.bulk.MadeUp.Custody;
import org.fupin.bulk.MadeUp.Disposal;
import org.fupin.bulk.MadeUp.Income;
import org.fupin.bulk.MadeUp.Use;
import org.fupin.bulk.SeedFacts.Partners;

import static org.fupin.bulk.MadeUp.ASSET_TYPES;
import static org.fupin.bulk.MadeUp.FIRST_YEAR;
import static org.fupin.bulk.MadeUp.LAST_YEAR;
import static org.fupin.bulk.MadeUp.PLACE_HEADS;
import static org.fupin.bulk.MadeUp.PLACE_TAILS;

/**
 * The one generator of made-up data: villages and their households; what an asset is, who
 * owns it and looks after it, who runs it under which contract, whether it is idle,
 * damaged or disposed of, what it earns and where the money goes, which project formed it
 * and which funds paid for it. Both datasets are made by it: the illustrative seed
 * ({@code seed/illustrative}, written as CSV files by
 * {@code org.fupin.seed.IllustrativeSeedGenerator}) and the national dataset
 * ({@link NationalGenerator}, written as bulk chunks by {@link ChunkSink}). Every made-up
 * record, theirs included, reaches its output through a {@link Sink}, and the sink alone
 * knows the output's form.
 *
 * <p>
 * One instance is one random sequence with its counters: the seed uses one for all its
 * western counties, drawn phase by phase, so that the rules it breaks on purpose can be
 * planted among all its assets; the national dataset uses one per county, so that one
 * county can be generated again alone. The walk over the places is the caller's, told to
 * the generator through {@link Places}: which townships and villages, which organisations
 * and pairings (the seed chooses among all its counties at once and leaves the planted
 * subjects out; a national county chooses within itself and its partners), and how many
 * assets. Those walks stay two because each draws in its own order. The rules of what is
 * made are here, once.
 *
 * <p>
 * Where the two datasets differ in what they make, a {@link Profile} says so, and each
 * difference is kept because the committed seed and the national digests are pinned:
 * drawing differently would change every row drawn after it.
 */
public final class MadeUpGenerator {

	private static final String PUBLIC_WELFARE = "PUBLIC_WELFARE";

	private static final String OPERATING = "OPERATING";

	private static final String ASSIGNED = "ASSIGNED";

	private final Random random;

	private final Profile profile;

	private final Places places;

	private final Partners partners;

	private final Map<String, Integer> counters;

	private final Map<String, String> custodianPersons;

	private final Set<String> funds = new HashSet<>();

	private final Set<String> designatedYears = new HashSet<>();

	/**
	 * A generator over one random sequence.
	 * @param random the sequence every draw takes from
	 * @param profile what differs between the seed and the national dataset
	 * @param partners the provinces' names and east-west partners, from the public facts
	 * @param places what the caller's walk knows about its places and organisations
	 * @param ordered whether counters and custodians are kept in sorted maps (the seed
	 * keeps every collection ordered; the national dataset needs no order there)
	 */
	public MadeUpGenerator(Random random, Profile profile, Partners partners, Places places, boolean ordered) {
		this.random = random;
		this.profile = profile;
		this.partners = partners;
		this.places = places;
		this.counters = ordered ? new TreeMap<>() : new HashMap<>();
		this.custodianPersons = ordered ? new TreeMap<>() : new HashMap<>();
	}

	/**
	 * What the seed and the national dataset make differently.
	 *
	 * @param certificateDigits digits of a certificate's running number: 5 in the seed (a
	 * few hundred per county), 6 nationally (up to a hundred thousand per county)
	 * @param firstIncomeYear the first year an income is recorded for: the seed keeps the
	 * last three years (2022-2024), the national dataset five (2020-2024)
	 * @param shuffledWorkers how the households paid for public welfare jobs are chosen:
	 * the seed shuffles the eligible households and takes the first, the national dataset
	 * takes a run of them at a drawn place (no copy of the list per income)
	 * @param idleFoundOn when an idle or damaged status was found: the seed's year-end
	 * inventory before the year its history is written for (so that on no day of that
	 * year an asset not planted has been idle for more than a year; the day is still
	 * drawn, so that the data drawn after it stays), or null for a day drawn in the
	 * second half of 2025 (national)
	 * @param historiesKeepStatus whether an asset with an ownership or custody history
	 * keeps its status (the seed: such assets are the clean neighbours of the planted
	 * findings)
	 * @param phaseNumerals whether a second asset of the same name in a village is called
	 * 二期, 三期 and a project's batch (第二批) (the seed), or (2期) and (第2批) (national: any
	 * number of them)
	 * @param helperNames whether the names of donations, designated assistance funds and
	 * their projects carry the helper's name (the seed); a national county cannot: its
	 * enterprises' names are drawn in their province's chunk
	 * @param donationDigits digits of an enterprise donation's number in its county and
	 * year: 2 in the seed, 3 nationally
	 * @param designatedOncePerYear whether a county's designated assistance forms one
	 * project a year, its first public welfare batch (the seed), or each batch by half
	 * (national)
	 * @param countyFundsOfYearBefore whether a county's own funds are of the year before
	 * the project's one time in four (the seed: drawn), or always of its year (national)
	 * @param surnames the surnames people's names are drawn from: the hundred commonest
	 * (the seed), or the fifty commonest (national)
	 */
	public record Profile(int certificateDigits, int firstIncomeYear, boolean shuffledWorkers, LocalDate idleFoundOn,
			boolean historiesKeepStatus, boolean phaseNumerals, boolean helperNames, int donationDigits,
			boolean designatedOncePerYear, boolean countyFundsOfYearBefore, String surnames) {

		/** The illustrative seed, written for {@code presentYear}. */
		public static Profile seed(int presentYear) {
			return new Profile(5, LAST_YEAR - 2, true, LocalDate.of(presentYear - 1, 12, 31), true, true, true, 2, true,
					true, MadeUp.SURNAMES);
		}

		/** The national dataset. */
		public static final Profile NATIONAL = new Profile(6, 2020, false, null, false, false, false, 3, false, false,
				MadeUp.COMMON_SURNAMES);

	}

	/**
	 * What the walk over the places knows: the organisations and households of a place.
	 * Methods that choose draw from this generator's sequence, in the order the walk
	 * always has.
	 */
	public interface Places {

		/** The county's department of rural revitalisation (乡村振兴局). */
		String department(String countyCode);

		/** The village's collective (村股份经济合作社). */
		String collective(String villageCode);

		/** The township's government (乡镇人民政府). */
		String townshipGovernment(String townshipCode);

		/** The village's households, in order. */
		List<String> households(String villageCode);

		/** The village's formerly poor households, in order. */
		List<String> poorHouseholds(String villageCode);

		/** The cooperatives of the asset's county, in order. */
		List<String> cooperatives(Asset asset);

		/** An operator for the asset other than its collective: drawn. */
		String operator(Asset asset);

		/** The enterprise an equity asset is invested in: drawn. */
		String equityPartner(Asset asset);

		/**
		 * The collectives of the other villages of the asset's township, which may take
		 * over an operating asset disposed of (the seed), or none (national).
		 */
		List<String> neighbourCollectives(Asset asset);

		/** Makes a person of the role working for the organisation: its id. */
		String person(String role, String organisation);

		/** The county's own east-west county pairing, or null. */
		String countyPairing(String countyCode);

		/** The county's designated assistance (定点帮扶), or null. */
		Assistance designated(String countyCode);

		/** The social organisations that may donate, in order. */
		List<String> donors();

		/**
		 * An organisation's name: asked only when the profile names helpers.
		 */
		String organisationName(String creditCode);

	}

	/**
	 * Where the records go: one call per record, in the order they are made. The seed
	 * writes rows of its CSV files; the national dataset adds nodes and relationships to
	 * a bulk chunk. Money in fen, shares in hundredths of a percent.
	 */
	public interface Sink {

		void township(String code, String name, String countyCode);

		/** An organisation of a kind (COLLECTIVE, ENTERPRISE, ...) located in a place. */
		void organisation(String creditCode, String name, String kind, String enterpriseType, String placeCode);

		void person(String personId, String name, String role, String organisationCode);

		/** A pairing; investment in fen, 0 when none is recorded. */
		void pairing(String id, String program, String kind, String helperCode, String recipientCode,
				String parentPairingId, LocalDate start, LocalDate end, String status, long investment);

		void staff(String pairingId, String personId, String role, LocalDate start, LocalDate end);

		void village(String code, String name, String townshipCode, boolean formerlyPoor, boolean keyVillage,
				boolean relocationSite, long population, long formerlyPoorPopulation);

		void household(String householdNo, String headName, String idNumber, long size, boolean formerlyPoor,
				String villageCode);

		void asset(Asset asset, String projectCode);

		/**
		 * A period of ownership; {@code approvalRef} names the approval of the transfer
		 * it begins with, or is null.
		 */
		void ownership(String registerNo, String ownerCode, long share, LocalDate from, LocalDate to,
				String certificateNo, String approvalRef);

		void custody(String id, String registerNo, Custody custody);

		void contract(String contractNo, String registerNo, Contract contract);

		void income(String id, String registerNo, Income income);

		void incomeUse(String id, String incomeId, Use use);

		void beneficiary(String useId, String beneficiaryCode, long amount);

		/**
		 * The approval of a transfer, after the asset's ownership periods: for an output
		 * that keeps approvals apart from the periods.
		 */
		void transferApproval(String registerNo, LocalDate from, String approvalRef);

		void disposal(String id, String registerNo, Disposal disposal);

		void fund(String code, String name, String kind, int year, String providerCode, String pairingId);

		void project(String code, String name, int year, String countyCode, String pairingId, List<Asset> formed);

		void funding(String fundCode, String projectCode, long amount);

	}

	// ---------------------------------------------------------------- villages and
	// households

	/**
	 * A village of the township: formerly poor more often in a formerly poor county, a
	 * key village (重点帮扶村) more often if formerly poor, its population, and a name not in
	 * {@code names}.
	 */
	public MadeVillage village(String code, String townshipCode, boolean countyFormerlyPoor, Set<String> names,
			Sink sink) {
		boolean poor = this.random.nextDouble() < (countyFormerlyPoor ? 0.35 : 0.08);
		boolean key = this.random.nextDouble() < (poor ? 0.3 : 0.04);
		boolean relocation = this.random.nextDouble() < 0.05;
		long population = 300 + this.random.nextInt(2701);
		long poorPopulation = poor ? population * (12 + this.random.nextInt(34)) / 100 : 0;
		String name = placeName(names, "村");
		sink.village(code, name, townshipCode, poor, key, relocation, population, poorPopulation);
		return new MadeVillage(code, name, poor, key);
	}

	/**
	 * The village's four households, formerly poor more often in a formerly poor village.
	 * ID numbers run in the county and carry the impossible birth date 00000000: they are
	 * nobody's.
	 */
	public List<Household> households(String villageCode, String countyCode, boolean villageFormerlyPoor, Sink sink) {
		List<Household> households = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			String no = "H" + villageCode + String.format(Locale.ROOT, "%02d", i);
			int sequence = next("id-" + countyCode);
			String id = countyCode + "0000" + String.format(Locale.ROOT, "%04d%03d", sequence / 1000, sequence % 1000);
			boolean poor = this.random.nextDouble() < (villageFormerlyPoor ? 0.6 : 0.15);
			String name = personName();
			sink.household(no, name, id + MadeUp.idCheckCharacter(id), 1 + this.random.nextInt(6), poor, villageCode);
			households.add(new Household(no, poor));
		}
		return households;
	}

	/** A made-up person's name. */
	public String personName() {
		return MadeUp.personName(this.random, this.profile.surnames());
	}

	// ---------------------------------------------------------------- assets

	/**
	 * A new asset with its register number and drawn value.
	 * @param village the village it stands in, or null for a county's asset
	 * @param countyCode its county
	 * @param countyName its county's name
	 * @param type its kind
	 * @param completion when it was completed
	 * @param name its name
	 * @param link the enterprise link whose money formed it, or null
	 */
	public Asset asset(Village village, String countyCode, String countyName, AssetType type, LocalDate completion,
			String name, Link link) {
		String place = (village != null) ? village.code() : countyCode;
		String registerNo = "ZC-" + place + "-" + String.format(Locale.ROOT, "%04d", next("asset-" + place));
		long value = 100 * (type.minYuan() + (long) (this.random.nextDouble() * (type.maxYuan() - type.minYuan())));
		value += this.random.nextInt(100);
		return new Asset(registerNo, name, type, value, completion, village, countyCode, countyName, link);
	}

	/** Owners, custodians and operators by the asset's category. */
	public void relations(Asset asset) {
		if (PUBLIC_WELFARE.equals(asset.category)) {
			publicWelfare(asset);
		}
		else if (OPERATING.equals(asset.category)) {
			operating(asset);
		}
	}

	private void publicWelfare(Asset asset) {
		if (asset.village == null) {
			String department = this.places.department(asset.countyCode);
			own(asset, department, 100_00, asset.completion, null);
			custody(asset, department, asset.completion, null);
			return;
		}
		String collective = this.places.collective(asset.village.code());
		String township = this.places.townshipGovernment(asset.village.townshipCode());
		own(asset, collective, 100_00, asset.completion, null);
		double draw = this.random.nextDouble();
		if (draw < 0.15 && asset.completion.isBefore(date(2021, 1, 1))) {
			LocalDate handover = dateIn(date(2021, 3, 1), date(2023, 6, 30));
			custody(asset, township, asset.completion, handover);
			custody(asset, collective, handover, null);
			asset.reserved = true;
		}
		else {
			custody(asset, (draw < 0.35) ? township : collective, asset.completion, null);
		}
	}

	/** Usually the collective owns it; any other owner comes with a contract. */
	private void operating(Asset asset) {
		String collective = this.places.collective(asset.village.code());
		boolean equity = "EQUITY".equals(asset.type.type());
		double draw = this.random.nextDouble();
		if (asset.link == null && !equity && draw < 0.04) {
			String owner = this.places.operator(asset);
			own(asset, owner, 100_00, asset.completion, null);
			contract(asset, owner, "SHAREHOLDING", asset.completion);
		}
		else if (asset.link == null && draw < 0.26 && asset.completion.isBefore(date(2020, 7, 1))) {
			ownershipHistory(asset, collective);
		}
		else {
			own(asset, collective, 100_00, asset.completion, null);
		}
		if (equity) {
			contract(asset, this.places.equityPartner(asset), "SHAREHOLDING", asset.completion);
		}
		else if (asset.link != null) {
			contract(asset, asset.link.enterprise(), pick(List.of("LEASE", "ENTRUSTED")), asset.completion);
		}
		else if (asset.contracts.isEmpty() && this.random.nextDouble() < 0.45) {
			contract(asset, this.places.operator(asset), pick(List.of("LEASE", "CONTRACTING", "ENTRUSTED")),
					asset.completion);
		}
		if (this.random.nextDouble() < 0.2) {
			custody(asset, collective, asset.completion, null);
		}
	}

	/** Township first, then the collective, sometimes later shared with a cooperative. */
	private void ownershipHistory(Asset asset, String collective) {
		LocalDate handover = dateIn(max(asset.completion.plusDays(60), date(2019, 1, 1)), date(2021, 12, 31));
		own(asset, this.places.townshipGovernment(asset.village.townshipCode()), 100_00, asset.completion, handover);
		if (this.random.nextDouble() < 0.4) {
			String cooperative = pick(this.places.cooperatives(asset));
			LocalDate split = dateIn(max(handover.plusDays(180), date(2022, 1, 1)), date(2024, 12, 31));
			own(asset, collective, 100_00, handover, split);
			own(asset, collective, 60_00, split, null);
			own(asset, cooperative, 40_00, split, null);
			contract(asset, cooperative, "SHAREHOLDING", split);
		}
		else {
			own(asset, collective, 100_00, handover, null);
		}
		asset.reserved = true;
	}

	/** A period of ownership with its certificate, numbered in the county. */
	public void own(Asset asset, String ownerCode, long share, LocalDate from, LocalDate to) {
		String certificate = "QZ-" + asset.countyCode + "-" + from.getYear() + "-" + String.format(Locale.ROOT,
				"%0" + this.profile.certificateDigits() + "d", next("certificate-" + asset.countyCode));
		asset.ownerships.add(new Ownership(ownerCode, share, from, to, certificate));
	}

	private void custody(Asset asset, String custodian, LocalDate from, LocalDate to) {
		String person = this.custodianPersons.computeIfAbsent(custodian,
				(code) -> this.places.person("CUSTODIAN", code));
		asset.custodies.add(new Custody(custodian, person, asset.type.duty(), from, to));
	}

	private void contract(Asset asset, String operatorCode, String mode, LocalDate after) {
		LocalDate start = after.plusDays(this.random.nextInt(90));
		long rent = roundTo(asset.value * (3 + this.random.nextInt(6)) / 100, 100_00);
		asset.contracts.add(new Contract(operatorCode, mode, start, start.plusYears(pick(List.of(3, 5, 10))), rent));
	}

	/** Idle or damaged only recently; about 1% disposed, with approval. */
	public void status(Asset asset) {
		double draw = this.random.nextDouble();
		if (asset.reserved && this.profile.historiesKeepStatus()) {
			return;
		}
		if (draw < 0.012 && asset.completion.isBefore(date(2024, 1, 1))) {
			disposeWithApproval(asset);
		}
		else if (draw < 0.045) {
			asset.status = this.random.nextBoolean() ? "IDLE" : "DAMAGED";
			LocalDate drawn = dateIn(date(2025, 7, 1), date(2025, 12, 31));
			asset.statusSince = (this.profile.idleFoundOn() != null) ? this.profile.idleFoundOn() : drawn;
		}
	}

	/**
	 * Disposes of the asset on a day after everything its history began (a period that
	 * began later would end before it began); an asset whose history reaches past the
	 * days disposals are drawn from stays as it is.
	 */
	private void disposeWithApproval(Asset asset) {
		LocalDate earliest = max(asset.completion.plusYears(1), date(2022, 1, 1));
		for (Ownership period : asset.ownerships) {
			earliest = max(earliest, period.from().plusDays(1));
		}
		for (Custody period : asset.custodies) {
			earliest = max(earliest, period.from().plusDays(1));
		}
		for (Contract contract : asset.contracts) {
			earliest = max(earliest, contract.start().plusDays(1));
		}
		LocalDate latest = date(2025, 6, 30);
		if (earliest.isAfter(latest)) {
			return;
		}
		LocalDate date = dateIn(earliest, latest);
		double draw = this.random.nextDouble();
		String mode = "SCRAP";
		String transferee = null;
		boolean operating = OPERATING.equals(asset.category);
		List<String> neighbours = (asset.village == null) ? List.of() : this.places.neighbourCollectives(asset);
		if (operating && !asset.contracts.isEmpty() && draw < 0.5) {
			mode = "SALE";
			transferee = asset.contracts.get(0).operatorCode();
		}
		else if (ASSIGNED.equals(asset.category) && draw < 0.3) {
			mode = "SALE";
			transferee = pick(this.places.cooperatives(asset));
		}
		else if (operating && draw < 0.6 && !neighbours.isEmpty()) {
			mode = "TRANSFER";
			transferee = pick(neighbours);
		}
		else if (PUBLIC_WELFARE.equals(asset.category) && asset.village != null && draw < 0.3) {
			mode = "TRANSFER";
			transferee = this.places.department(asset.countyCode);
		}
		long proceeds = switch (mode) {
			case "SALE" -> asset.value * (30 + this.random.nextInt(41)) / 100;
			case "TRANSFER" -> 0;
			default -> asset.value * this.random.nextInt(6) / 100;
		};
		dispose(asset, mode, date, approval(asset.countyCode, asset.countyName, date.getYear()), proceeds, transferee);
	}

	/** An approval of the county's department, numbered in its year. */
	public String approval(String countyCode, String countyName, int year) {
		return countyName + "农振批〔" + year + "〕" + next("approval-" + countyCode + year) + "号";
	}

	/** Ends every period at the date; a sale or transfer opens one for the new owner. */
	public void dispose(Asset asset, String mode, LocalDate date, String approvalRef, long proceeds,
			String transferee) {
		asset.status = "DISPOSED";
		asset.statusSince = date;
		asset.ownerships
			.replaceAll((period) -> (period.to() == null || period.to().isAfter(date)) ? period.until(date) : period);
		if (transferee != null) {
			own(asset, transferee, 100_00, date, null);
		}
		asset.custodies.replaceAll((period) -> period.endingBy(date));
		asset.contracts.replaceAll((c) -> c.endingBy(date));
		asset.incomes.removeIf((income) -> income.year() >= date.getYear());
		asset.disposal = new Disposal(mode, date, approvalRef, proceeds, transferee);
	}

	/** The incomes of an operating asset, from the year after completion. */
	public void incomes(Asset asset) {
		if (!OPERATING.equals(asset.category)) {
			return;
		}
		int last = (asset.disposal != null) ? asset.disposal.date().getYear() - 1 : LAST_YEAR;
		for (int year = Math.max(asset.completion.getYear() + 1,
				this.profile.firstIncomeYear()); year <= last; year++) {
			asset.incomes.add(income(asset, year));
		}
	}

	private Income income(Asset asset, int year) {
		long amount = roundTo(asset.value * (3 + this.random.nextInt(6)) / 100, 100);
		for (Contract contract : asset.contracts) {
			if (!contract.start().isAfter(date(year, 7, 1)) && contract.end().isAfter(date(year, 7, 1))) {
				amount = contract.rent();
			}
		}
		Income income = new Income(year, amount, new ArrayList<>());
		List<String> poor = this.places.poorHouseholds(asset.village.code());
		List<String> dividendTo = poor.isEmpty() ? this.places.households(asset.village.code()) : poor;
		long rest = amount - use(income, "MAINTENANCE", amount * (5 + this.random.nextInt(6)) / 100, List.of());
		rest -= use(income, "HOUSEHOLD_DIVIDEND", amount * (30 + this.random.nextInt(16)) / 100, dividendTo);
		if (this.random.nextDouble() < 0.7) {
			List<String> workers;
			if (this.profile.shuffledWorkers()) {
				workers = shuffled(dividendTo).subList(0, Math.min(dividendTo.size(), 1 + this.random.nextInt(2)));
			}
			else {
				int count = Math.min(dividendTo.size(), 1 + this.random.nextInt(2));
				int from = this.random.nextInt(dividendTo.size() - count + 1);
				workers = dividendTo.subList(from, from + count);
			}
			rest -= use(income, "PUBLIC_WELFARE_JOBS", amount * (10 + this.random.nextInt(11)) / 100, workers);
		}
		if (this.random.nextDouble() < 0.6) {
			rest -= use(income, "VILLAGE_PUBLIC_WELFARE", amount * (5 + this.random.nextInt(11)) / 100,
					List.of(asset.village.code()));
		}
		use(income, "COLLECTIVE_RESERVE", rest, List.of());
		return income;
	}

	/** Splits evenly; the rounding remainder goes to the last beneficiary. */
	private static long use(Income income, String kind, long amount, List<String> beneficiaries) {
		income.uses().add(Use.split(kind, amount, beneficiaries));
		return amount;
	}

	/** Tells the sink every record of the asset, the asset first. */
	public static void write(Asset a, Sink sink) {
		String no = a.registerNo;
		sink.asset(a, a.project);
		a.ownerships.forEach((o) -> sink.ownership(no, o.ownerCode(), o.share(), o.from(), o.to(), o.certificateNo(),
				a.transferApprovals.get(o.from())));
		for (int i = 0; i < a.custodies.size(); i++) {
			sink.custody("CU-" + no + "-" + (i + 1), no, a.custodies.get(i));
		}
		for (int i = 0; i < a.contracts.size(); i++) {
			sink.contract("HT-" + no + "-" + (i + 1), no, a.contracts.get(i));
		}
		for (Income income : a.incomes) {
			String incomeId = "INC-" + no + "-" + income.year();
			sink.income(incomeId, no, income);
			for (int i = 0; i < income.uses().size(); i++) {
				Use use = income.uses().get(i);
				String useId = incomeId + "-U" + (i + 1);
				sink.incomeUse(useId, incomeId, use);
				use.beneficiaries().forEach((code, amount) -> sink.beneficiary(useId, code, amount));
			}
		}
		a.transferApprovals.forEach((from, approval) -> sink.transferApproval(no, from, approval));
		if (a.disposal != null) {
			sink.disposal("DSP-" + no, no, a.disposal);
		}
	}

	// ---------------------------------------------------------------- projects and funds

	/**
	 * The projects that formed the assets, and the funds that paid for them: an
	 * enterprise link's asset alone, a county's asset alone, a village's in batches of
	 * eight by county, year and category.
	 */
	public void projects(List<Asset> assets, Sink sink) {
		Map<String, List<Asset>> groups = new LinkedHashMap<>();
		for (Asset asset : assets) {
			if (asset.link != null) {
				linkedProject(asset, sink);
			}
			else if (asset.village == null) {
				int year = projectYear(asset.completion.getYear());
				List<String> sources = new ArrayList<>(
						List.of(fund(asset, year, "CL", sink), fund(asset, year, "PV", sink)));
				if (year >= 2019 && this.random.nextDouble() < 0.4) {
					sources.add(fund(asset, year, "LB", sink));
				}
				project(asset, year, year + "年" + asset.name + "建设项目", null, List.of(asset), sources, sink);
			}
			else {
				String key = asset.countyCode + "|" + asset.completion.getYear() + "|" + asset.category;
				groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(asset);
			}
		}
		for (List<Asset> group : groups.values()) {
			for (int i = 0; i < group.size(); i += 8) {
				groupProject(group.subList(i, Math.min(i + 8, group.size())), i / 8, sink);
			}
		}
	}

	/** 万企兴万村: formed with the enterprise's donation, sometimes with central money. */
	private void linkedProject(Asset asset, Sink sink) {
		int year = asset.completion.getYear();
		String enterprise = asset.link.enterprise();
		String number = String.format(Locale.ROOT, "%0" + this.profile.donationDigits() + "d",
				next("ed-" + asset.countyCode + year));
		String helper = this.profile.helperNames() ? this.places.organisationName(enterprise) : "企业";
		String donation = fund(fundCode(asset, year, "ED" + number),
				year + "年" + helper + "捐赠资金(" + asset.village.name() + ")", "ENTERPRISE_DONATION", year, enterprise,
				asset.link.id(), sink);
		String name = this.profile.helperNames() ? asset.village.name() + label(asset.type, year) : asset.name;
		project(asset, year, year + "年万企兴万村" + name + "项目", asset.link.id(), List.of(asset),
				this.random.nextBoolean() ? List.of(donation) : List.of(donation, fund(asset, year, "CL", sink)), sink);
	}

	/** Some go through the county's east-west link or its designated assistance. */
	private void groupProject(List<Asset> group, int index, Sink sink) {
		Asset first = group.get(0);
		String county = first.countyName;
		String category = first.category;
		int year = first.completion.getYear();
		String batch = (index == 0) ? ""
				: "(第" + (this.profile.phaseNumerals() ? ordinal(index + 1) : Integer.toString(index + 1)) + "批)";
		String countyPair = this.places.countyPairing(first.countyCode);
		String eastWest = (countyPair != null) ? countyPair : this.partners.eastWestPairings().get(province(first));
		Assistance assistance = this.places.designated(first.countyCode);
		if (OPERATING.equals(category) && year >= 2021 && eastWest != null && this.random.nextBoolean()) {
			project(first, year, year + "年东西部协作" + county + "产业发展项目" + batch, eastWest, group,
					List.of(fund(first, year, "EW", sink), fund(first, year, "CL", sink)), sink);
		}
		else if (PUBLIC_WELFARE.equals(category) && assistance != null && year >= assistance.start().getYear()
				&& (this.profile.designatedOncePerYear() ? this.designatedYears.add(first.countyCode + year)
						: this.random.nextBoolean())) {
			String unit = this.profile.helperNames() ? this.places.organisationName(assistance.helper()) : "";
			String fund = fund(fundCode(first, year, "DA"), year + "年" + unit + "定点帮扶资金(" + county + ")",
					"DESIGNATED_ASSISTANCE", year, assistance.helper(), assistance.id(), sink);
			project(first, year, year + "年" + unit + "定点帮扶" + county + "基础设施项目" + batch, assistance.id(), group,
					List.of(fund, fund(first, year, "CL", sink)), sink);
		}
		else {
			int projectYear = projectYear(year);
			String kind = switch (category) {
				case OPERATING -> (projectYear < 2021) ? "产业扶贫项目" : "联农带农产业发展项目";
				case PUBLIC_WELFARE -> "农村基础设施和公共服务项目";
				default -> "到户产业扶持项目";
			};
			List<String> sources = genericSources(first, projectYear, PUBLIC_WELFARE.equals(category), sink);
			project(first, projectYear, projectYear + "年" + county + kind + batch, null, group, sources, sink);
		}
	}

	private int projectYear(int completionYear) {
		return (completionYear > FIRST_YEAR && this.random.nextDouble() < 0.25) ? completionYear - 1 : completionYear;
	}

	private List<String> genericSources(Asset first, int year, boolean publicWelfare, Sink sink) {
		String county = first.countyName;
		List<String> sources = new ArrayList<>(List.of(fund(first, year, "CL", sink)));
		if (this.random.nextBoolean()) {
			sources.add(fund(first, year, "PV", sink));
		}
		double draw = this.random.nextDouble();
		List<String> donors = this.places.donors();
		if (publicWelfare && year >= 2019 && draw < 0.05 && !donors.isEmpty()) {
			String donor = pick(donors);
			String helper = this.profile.helperNames() ? this.places.organisationName(donor) : "";
			sources.add(fund(fundCode(first, year, "SD"), year + "年" + helper + "公益捐赠资金(" + county + ")",
					"SOCIAL_DONATION", year, donor, null, sink));
		}
		else if (publicWelfare && year >= 2019 && draw < 0.15) {
			sources.add(fund(first, year, "LB", sink));
		}
		else if (draw < 0.4) {
			int fundYear = (this.profile.countyFundsOfYearBefore() && year > FIRST_YEAR && this.random.nextInt(4) == 0)
					? year - 1 : year;
			sources.add(fund(fundCode(first, fundYear, "CO"),
					fundYear + "年" + county + "本级财政" + ((fundYear < 2021) ? "专项扶贫资金" : "衔接推进乡村振兴资金"), "COUNTY",
					fundYear, first.countyCode, null, sink));
		}
		return sources;
	}

	/** Public allocations: CL central, PV provincial, LB bond, EW east-west. */
	private String fund(Asset asset, int year, String suffix, Sink sink) {
		String province = province(asset);
		String county = asset.countyName;
		String linkage = (year < 2021) ? "专项扶贫资金" : "衔接推进乡村振兴补助资金";
		String code = fundCode(asset, year, suffix);
		return switch (suffix) {
			case "CL" ->
				fund(code, year + "年中央财政" + linkage + "(" + county + ")", "CENTRAL_LINKAGE", year, null, null, sink);
			case "PV" -> fund(code,
					year + "年" + this.partners.provinceNames().get(province) + "财政" + linkage + "(" + county + ")",
					"PROVINCIAL", year, province, null, sink);
			case "LB" -> fund(code, year + "年地方政府专项债券资金(" + county + ")", "LOCAL_BOND", year, province, null, sink);
			default -> fund(code, year + "年东西部协作财政援助资金(" + county + ")", "EAST_WEST", year,
					this.partners.helpers().get(province), this.partners.eastWestPairings().get(province), sink);
		};
	}

	private static String fundCode(Asset asset, int year, String suffix) {
		return "F-" + asset.countyCode + "-" + year + "-" + suffix;
	}

	private static String province(Asset asset) {
		return asset.countyCode.substring(0, 2);
	}

	/** Each fund is told the sink once, however many projects it pays for. */
	private String fund(String code, String name, String kind, int year, String provider, String pairing, Sink sink) {
		if (this.funds.add(code)) {
			sink.fund(code, name, kind, year, provider, pairing);
		}
		return code;
	}

	/** The sources together pay at least what the project's assets are worth. */
	private void project(Asset first, int year, String name, String pairing, List<Asset> formed, List<String> sources,
			Sink sink) {
		String code = "PRJ-" + first.countyCode + "-" + year + "-"
				+ String.format(Locale.ROOT, "%02d", next("project-" + first.countyCode + year));
		formed.forEach((asset) -> asset.project = code);
		sink.project(code, name, year, first.countyCode, pairing, formed);
		long value = formed.stream().mapToLong((asset) -> asset.value).sum();
		long remaining = roundUp((long) (value * (1 + this.random.nextDouble() * 0.12)), 100);
		for (int i = 0; i < sources.size(); i++) {
			long amount = (i == sources.size() - 1) ? remaining
					: roundTo((long) (remaining * (0.5 + this.random.nextDouble() * 0.35)), 100);
			sink.funding(sources.get(i), code, amount);
			remaining -= amount;
		}
	}

	// ---------------------------------------------------------------- names

	/** The asset's name, with its type's name of the year. */
	public static String label(AssetType type, int year) {
		return ("WORKSHOP".equals(type.type()) && year < 2021) ? "扶贫车间" : type.label();
	}

	/** The kinds of asset of a group. */
	public static List<AssetType> types(String group) {
		return ASSET_TYPES.stream().filter((type) -> type.group().equals(group)).toList();
	}

	/** The name, or its next phase's if the name is taken. */
	public String unique(Set<String> names, String name) {
		String candidate = name;
		for (int phase = 2; !names.add(candidate); phase++) {
			candidate = this.profile.phaseNumerals() ? name + ordinal(phase) + "期" : name + "(" + phase + "期)";
		}
		return candidate;
	}

	/** A place name not yet used, with the suffix of its level. */
	public String placeName(Set<String> used, String suffix) {
		return placeName(this.random, used, suffix);
	}

	/**
	 * A place name not yet used, drawn from {@code random}: two characters and the
	 * suffix, three characters once fifty names have been taken.
	 */
	public static String placeName(Random random, Set<String> used, String suffix) {
		for (int attempt = 0;; attempt++) {
			String name = "" + MadeUp.pick(random, PLACE_HEADS) + MadeUp.pick(random, PLACE_TAILS)
					+ ((attempt > 50) ? MadeUp.pick(random, PLACE_TAILS) : "") + suffix;
			if (used.add(name)) {
				return name;
			}
		}
	}

	/** 一 to 十 for 1 to 10, digits above. */
	public static String ordinal(int number) {
		String ordinals = "零一二三四五六七八九十";
		return (number < ordinals.length()) ? ordinals.substring(number, number + 1) : Integer.toString(number);
	}

	// ---------------------------------------------------------------- draws

	/** The counter's next number, from 1. */
	public int next(String counter) {
		return this.counters.merge(counter, 1, Integer::sum);
	}

	public LocalDate dateIn(LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to);
		return (days <= 0) ? from : from.plusDays(this.random.nextInt((int) days + 1));
	}

	public long between(long min, long max) {
		return min + (long) (this.random.nextDouble() * (max - min + 1));
	}

	public <T> T pick(List<T> list) {
		return list.get(this.random.nextInt(list.size()));
	}

	public char pick(String characters) {
		return characters.charAt(this.random.nextInt(characters.length()));
	}

	public <T> List<T> shuffled(List<T> list) {
		List<T> copy = new ArrayList<>(list);
		Collections.shuffle(copy, this.random);
		return copy;
	}

	public static long roundTo(long fen, long unit) {
		return Math.max(unit, (fen + unit / 2) / unit * unit);
	}

	public static long roundUp(long fen, long unit) {
		return (fen + unit - 1) / unit * unit;
	}

	public static LocalDate date(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	public static LocalDate max(LocalDate one, LocalDate other) {
		return one.isAfter(other) ? one : other;
	}

	// ---------------------------------------------------------------- the model

	/**
	 * A village as the asset rules see it.
	 *
	 * @param code its code
	 * @param name its name
	 * @param townshipCode its township's code
	 */
	public record Village(String code, String name, String townshipCode) {
	}

	/**
	 * An enterprise-village link (万企兴万村) whose money formed an asset in the village.
	 *
	 * @param id the pairing's id
	 * @param enterprise the enterprise's credit code
	 * @param kind INDUSTRY or PUBLIC_WELFARE
	 * @param start when the link began
	 * @param end when it ended, or null
	 */
	public record Link(String id, String enterprise, String kind, LocalDate start, LocalDate end) {
	}

	/**
	 * A made-up village.
	 *
	 * @param code its code
	 * @param name its name
	 * @param formerlyPoor whether it was a poor village (贫困村)
	 * @param key whether it is a key village of rural revitalisation (重点帮扶村)
	 */
	public record MadeVillage(String code, String name, boolean formerlyPoor, boolean key) {
	}

	/**
	 * A made-up household.
	 *
	 * @param no its household number
	 * @param formerlyPoor whether it was registered poor (建档立卡)
	 */
	public record Household(String no, boolean formerlyPoor) {
	}

	/**
	 * A central unit's designated assistance of a county (定点帮扶).
	 *
	 * @param id the pairing's id
	 * @param helper the unit's credit code
	 * @param start when it began
	 */
	public record Assistance(String id, String helper, LocalDate start) {
	}

	/** Share in hundredths of a percent; {@code to} exclusive, null while current. */
	public record Ownership(String ownerCode, long share, LocalDate from, LocalDate to, String certificateNo) {

		public Ownership until(LocalDate date) {
			return new Ownership(this.ownerCode, this.share, this.from, date, this.certificateNo);
		}

	}

	/** Mutable while relations are assigned and findings planted; money in fen. */
	public static final class Asset {

		public final String registerNo;

		public final String name;

		public final AssetType type;

		public final long value;

		public final LocalDate completion;

		/** The village it stands in, or null for a county's asset. */
		public final Village village;

		public final String countyCode;

		public final String countyName;

		/** The enterprise link whose money formed it, or null. */
		public final Link link;

		public final List<Ownership> ownerships = new ArrayList<>();

		public final List<Custody> custodies = new ArrayList<>();

		public final List<Contract> contracts = new ArrayList<>();

		public final List<Income> incomes = new ArrayList<>();

		/**
		 * Approval references of ownership transfers, by the day the new period begins.
		 */
		public final Map<LocalDate, String> transferApprovals = new TreeMap<>();

		public String status = "IN_USE";

		public LocalDate statusSince;

		public String project;

		public Disposal disposal;

		/** Has a history or a planted finding: later steps leave it alone. */
		public boolean reserved;

		/** The category recorded: the type's, unless a mismatch is planted. */
		public String category;

		Asset(String registerNo, String name, AssetType type, long value, LocalDate completion, Village village,
				String countyCode, String countyName, Link link) {
			this.registerNo = registerNo;
			this.name = name;
			this.type = type;
			this.value = value;
			this.completion = completion;
			this.statusSince = completion;
			this.village = village;
			this.countyCode = countyCode;
			this.countyName = countyName;
			this.link = link;
			this.category = type.category();
		}

		/** The village's code, or the county's for a county's asset. */
		public String placeCode() {
			return (this.village != null) ? this.village.code() : this.countyCode;
		}

	}

}
