package org.fupin.seed;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.fupin.bulk.MadeUp;
import org.fupin.bulk.MadeUp.AssetType;
import org.fupin.bulk.MadeUp.Contract;
import org.fupin.bulk.MadeUp.Custody;
import org.fupin.bulk.MadeUp.Disposal;
import org.fupin.bulk.MadeUp.Income;
import org.fupin.bulk.MadeUp.Use;
import org.fupin.bulk.MadeUpGenerator;
import org.fupin.bulk.MadeUpGenerator.Asset;
import org.fupin.bulk.MadeUpGenerator.Assistance;
import org.fupin.bulk.MadeUpGenerator.Household;
import org.fupin.bulk.MadeUpGenerator.Link;
import org.fupin.bulk.MadeUpGenerator.MadeVillage;
import org.fupin.bulk.MadeUpGenerator.Ownership;
import org.fupin.bulk.MadeUpGenerator.Profile;
import org.fupin.bulk.SeedFacts;
import org.fupin.bulk.SeedFacts.Partners;

import static org.fupin.bulk.MadeUp.BRANDS;
import static org.fupin.bulk.MadeUp.CENTRAL_UNITS;
import static org.fupin.bulk.MadeUp.CREDIT_CHARS;
import static org.fupin.bulk.MadeUp.FIRST_YEAR;
import static org.fupin.bulk.MadeUp.INDUSTRIES;
import static org.fupin.bulk.MadeUp.LAST_YEAR;
import static org.fupin.bulk.MadeUp.SOCIAL_ORGANISATIONS;
import static org.fupin.bulk.MadeUp.SOCIAL_ORGANISATION_PLACES;
import static org.fupin.bulk.MadeUpGenerator.date;
import static org.fupin.bulk.MadeUpGenerator.label;
import static org.fupin.bulk.MadeUpGenerator.max;
import static org.fupin.bulk.MadeUpGenerator.types;

/**
 * Generates the illustrative part of the seed dataset ({@code seed/illustrative/}): the
 * made-up data generator ({@link MadeUpGenerator}, the one that makes the national
 * dataset) at the seed's size and {@linkplain MadeUpGenerator.Profile#seed profile},
 * written as the seed's CSV files. This class walks the real western counties of
 * {@code seed/places} with one random sequence, phase by phase: townships, villages,
 * organisations, households, pairings, then the assets, whose owners, custody, contracts,
 * statuses, projects, funds and incomes the generator decides and writes through a sink
 * of rows. Everything is clean except the audit-rule violations planted on purpose and
 * listed in {@code deliberate_violations.csv}, so that the audit queries have known
 * answers. The output is byte-for-byte deterministic (fixed seed, ordered collections
 * only) so that a test can regenerate it and compare it with the committed files.
 */
public final class IllustrativeSeedGenerator implements MadeUpGenerator.Places {

	private static final String PUBLIC_WELFARE = "PUBLIC_WELFARE";

	private static final String OPERATING = "OPERATING";

	private static final String ACTIVE = "ACTIVE";

	/**
	 * The year the history is written for: on any day of it, the data breaks exactly the
	 * planted rules. The seed loader shifts the history by whole years to the year it
	 * seeds in, so this holds on the day of seeding in any year.
	 */
	private static final int PRESENT_YEAR = SeedLoader.HISTORY_YEAR;

	private static final int MIN_VILLAGES = 600;

	private static final int MIN_ASSETS = 3300;

	/** The files and columns of seed/README.md. */
	private static final String FILES = """
			townships code,name,countyCode,illustrative
			villages code,name,townshipCode,formerlyPoor,keyVillage,relocationSite,population,formerlyPoorPopulation,illustrative
			organisations creditCode,name,kind,enterpriseType,placeCode,illustrative
			households householdNo,headName,idNumber,size,formerlyPoor,villageCode,illustrative
			persons personId,name,role,organisationCode,illustrative
			fund_sources code,name,kind,year,providerCode,pairingId,illustrative
			projects code,name,year,countyCode,pairingId,illustrative
			project_funding fundCode,projectCode,amount
			assets registerNo,name,type,category,originalValue,completionDate,status,statusSince,placeCode,projectCode,illustrative
			ownerships registerNo,ownerCode,share,validFrom,validTo,certificateNo
			custody id,registerNo,custodianCode,responsiblePersonId,duty,validFrom,validTo,illustrative
			operation_contracts contractNo,registerNo,operatorCode,mode,startDate,endDate,annualRent,illustrative
			incomes id,registerNo,year,amount,illustrative
			income_uses id,incomeId,use,amount,illustrative
			income_beneficiaries useId,beneficiaryCode,amount
			disposals id,registerNo,mode,date,approvalRef,proceeds,transfereeCode,illustrative
			pairings id,program,kind,helperCode,recipientCode,parentPairingId,startDate,endDate,status,exception,exceptionReason,investment,illustrative
			pairing_people pairingId,personId,role,startDate,endDate
			transfer_approvals registerNo,validFrom,approvalRef
			deliberate_violations subject,rule,note
			deliberate_clean_cases subject,rule,note
			""";

	private static final List<String> STATE_OWNED_NAMES = words(
			"城乡建设投资有限公司 农业投资发展集团有限公司 供销集团有限公司 文化旅游投资有限公司 乡村振兴投资发展有限公司");

	private static final List<String> COOPERATIVE_TRADES = words("种养殖 茶叶种植 蔬菜种植 肉牛养殖 生猪养殖 中药材种植 水果种植 食用菌种植 乡村旅游 农机服务");

	private final Random random = new Random(20211);

	private final MadeUpGenerator made;

	private final Rows rows = new Rows();

	private final Map<String, County> countyByCode = new TreeMap<>();

	/** Rows by file; the first row is the header. */
	private final Map<String, List<Object[]>> tables = new LinkedHashMap<>();

	private final Map<String, Province> provinces = new TreeMap<>();

	private final Map<String, Prefecture> prefectures = new TreeMap<>();

	/** Western counties only: the assistance programs work there. */
	private final List<County> counties = new ArrayList<>();

	private final Set<String> realCountyPairs = new TreeSet<>();

	private final Map<String, String> eastWestByRecipient;

	private final Map<String, String> helperByRecipient;

	private final List<Township> townships = new ArrayList<>();

	private final List<Village> villages = new ArrayList<>();

	private final List<Org> organisations = new ArrayList<>();

	private final Map<String, Org> orgByCode = new TreeMap<>();

	/** Collectives, township governments, county departments: "COLLECTIVE/<place>". */
	private final Map<String, Org> orgByRole = new TreeMap<>();

	private final Set<String> companyNames = new HashSet<>();

	private final Map<String, List<Household>> households = new TreeMap<>();

	private final Map<String, Pairing> pairings = new LinkedHashMap<>();

	private final Map<String, Pairing> countyPairs = new TreeMap<>();

	private final Map<String, Pairing> designated = new TreeMap<>();

	/** Enterprise-village links that form an asset in their village, by village code. */
	private final Map<String, List<Link>> linkedAssets = new TreeMap<>();

	private final Set<String> plantedCounties = new TreeSet<>();

	private final Set<String> plantedVillages = new TreeSet<>();

	private final List<Asset> assets = new ArrayList<>();

	private IllustrativeSeedGenerator(SeedFacts facts) {
		for (String[] file : specs(FILES)) {
			this.tables.put(file[0], new ArrayList<>(List.<Object[]>of(file[1].split(","))));
		}
		Partners partners = facts.partners();
		this.eastWestByRecipient = partners.eastWestPairings();
		this.helperByRecipient = partners.helpers();
		this.made = new MadeUpGenerator(this.random, Profile.seed(PRESENT_YEAR), partners, this, true);
		readInputs(facts);
	}

	public static void main(String[] args) throws IOException {
		Path seedDir = Path.of((args.length > 0) ? args[0] : "seed");
		generate(seedDir, seedDir.resolve("illustrative"));
	}

	/**
	 * Reads the public facts under {@code seedDir} and writes the illustrative files.
	 * @param seedDir the seed directory holding {@code places/} and {@code pairings/}
	 * @param outDir where to write the illustrative CSV files
	 * @throws IOException if an input cannot be read or an output written
	 */
	public static void generate(Path seedDir, Path outDir) throws IOException {
		IllustrativeSeedGenerator generator = new IllustrativeSeedGenerator(SeedFacts.fromDirectory(seedDir));
		generator.createPlaces();
		generator.choosePlantedPairingSubjects();
		generator.createOrganisations();
		generator.createHouseholds();
		generator.createPairings();
		generator.createAssets();
		generator.assignRelations();
		generator.assignStatuses();
		generator.createProjects();
		generator.createIncomes();
		generator.plantAssetViolations();
		generator.renewContractsOfOwners();
		generator.plantRuleViolations();
		generator.listAssistanceEnded();
		generator.write(outDir);
	}

	private void readInputs(SeedFacts facts) {
		for (Map<String, String> row : facts.provinces()) {
			this.provinces.put(row.get("code"), new Province(row.get("code"), row.get("name"), row.get("region")));
		}
		for (Map<String, String> row : facts.prefectures()) {
			this.prefectures.put(row.get("code"),
					new Prefecture(row.get("code"), row.get("name"), row.get("provinceCode")));
		}
		for (Map<String, String> row : facts.counties()) {
			String code = row.get("code");
			if (inRegion(code, "WEST")) {
				this.counties.add(new County(code, row.get("name"), code.substring(0, 2),
						Boolean.parseBoolean(row.get("formerlyPoor")),
						Boolean.parseBoolean(row.get("nationalKeyCounty"))));
			}
		}
		this.counties.sort(Comparator.comparing(County::code));
		this.counties.forEach((county) -> this.countyByCode.put(county.code(), county));
		for (Map<String, String> row : facts.countyPairs()) {
			this.realCountyPairs.add(row.get("westCode"));
		}
	}

	private void createPlaces() {
		for (County county : this.counties) {
			Set<String> names = new HashSet<>();
			for (int i = 1, count = 2 + this.random.nextInt(2); i <= count; i++) {
				String name = placeName(names, (this.random.nextInt(3) == 0) ? "乡" : "镇");
				this.townships.add(new Township(county.code() + (100 + i), name, county));
				this.rows.township(county.code() + (100 + i), name, county.code());
			}
		}
		int perTownship = Math.max(2, ceilDiv(MIN_VILLAGES, this.townships.size()));
		Set<String> names = new HashSet<>();
		for (Township township : this.townships) {
			if (township.code().endsWith("101")) {
				names.clear();
			}
			for (int i = 1, count = perTownship + this.random.nextInt(2); i <= count; i++) {
				MadeVillage made = this.made.village(township.code() + (200 + i), township.code(),
						township.county().formerlyPoor(), names, this.rows);
				this.villages.add(new Village(made.code(), made.name(), township, made.formerlyPoor(), made.key()));
			}
		}
	}

	private String placeName(Set<String> used, String suffix) {
		return this.made.placeName(used, suffix);
	}

	/** Chosen before anything links to them, so that nothing does. */
	private void choosePlantedPairingSubjects() {
		List<County> keyCounties = shuffled(this.counties.stream().filter(County::key).toList());
		for (County county : keyCounties.subList(0, Math.min(2, keyCounties.size()))) {
			this.plantedCounties.add(county.code());
			violation(county.code(), "KEY_COUNTY_NO_LINK", county.name() + "是国家乡村振兴重点帮扶县，但既无万企兴万村结对也无定点帮扶");
		}
		List<Village> keyVillages = shuffled(this.villages.stream()
			.filter((village) -> village.key() && !this.plantedCounties.contains(village.county().code()))
			.toList());
		for (Village village : keyVillages.subList(0, Math.min(3, keyVillages.size()))) {
			this.plantedVillages.add(village.code());
			violation(village.code(), "KEY_VILLAGE_NO_PAIRING", village.name() + "是重点帮扶村，但没有任何结对帮扶");
		}
	}

	private void createOrganisations() {
		for (County county : this.counties) {
			this.orgByRole.put("DEPARTMENT/" + county.code(),
					addOrg("11", county.name() + "乡村振兴局", "GOVERNMENT_DEPARTMENT", null, county.code()));
		}
		for (Township township : this.townships) {
			this.orgByRole.put("TOWNSHIP/" + township.code(),
					addOrg("11", township.name() + "人民政府", "GOVERNMENT_DEPARTMENT", null, township.code()));
		}
		for (County county : this.counties) {
			List<Village> inCounty = villagesOf(county);
			for (int i = 0; i < inCounty.size(); i++) {
				Village village = inCounty.get(i);
				this.orgByRole.put("COLLECTIVE/" + village.code(),
						addOrg("N1", village.name() + "股份经济合作社", "COLLECTIVE", null, village.code()));
				if (i % 4 == 0) {
					String name = village.name() + pick(COOPERATIVE_TRADES) + "专业合作社";
					addOrg("N2", name, "COOPERATIVE", null, village.code());
				}
			}
		}
		createEnterprises();
		for (int i = 0; i < CENTRAL_UNITS.size(); i++) {
			addOrg(MadeUp.centralUnitPrefix(i), CENTRAL_UNITS.get(i), "CENTRAL_UNIT", null, "11");
		}
		for (int i = 0; i < SOCIAL_ORGANISATIONS.size(); i++) {
			String place = SOCIAL_ORGANISATION_PLACES.get(i);
			if (this.provinces.containsKey(place)) {
				addOrg("51", SOCIAL_ORGANISATIONS.get(i), "SOCIAL_ORGANISATION", null, place);
			}
		}
	}

	/** Eastern enterprises lean towards the provinces that help the west. */
	private void createEnterprises() {
		List<String> eastern = this.provinces.keySet().stream().filter((code) -> inRegion(code, "EAST")).toList();
		List<String> weighted = new ArrayList<>(eastern);
		for (String helper : new TreeSet<>(this.helperByRecipient.values())) {
			if (eastern.contains(helper)) {
				weighted.addAll(List.of(helper, helper, helper));
			}
		}
		for (int i = 0; i < 100 && !weighted.isEmpty(); i++) {
			String place = easternPlace(pick(weighted));
			addOrg("91", companyName(placeShortName(place), false), "ENTERPRISE", "PRIVATE", place);
		}
		for (int i = 0; i < 50; i++) {
			County county = pick(this.counties);
			boolean stateOwned = this.random.nextDouble() < 0.3;
			String name = companyName(shortName(county.name()), stateOwned);
			addOrg("91", name, "ENTERPRISE", stateOwned ? "STATE_OWNED" : "PRIVATE", county.code());
		}
	}

	private String companyName(String prefix, boolean stateOwned) {
		for (int attempt = 0;; attempt++) {
			String name = (stateOwned && attempt < 10) ? prefix + pick(STATE_OWNED_NAMES)
					: prefix + pick(BRANDS) + pick(INDUSTRIES) + "有限公司";
			if (this.companyNames.add(name)) {
				return name;
			}
		}
	}

	private String easternPlace(String provinceCode) {
		List<String> inProvince = this.prefectures.values()
			.stream()
			.filter((prefecture) -> prefecture.provinceCode().equals(provinceCode))
			.map(Prefecture::code)
			.toList();
		return inProvince.isEmpty() ? provinceCode : pick(inProvince);
	}

	private Org addOrg(String prefix, String name, String kind, String enterpriseType, String placeCode) {
		String region = (placeCode.length() >= 6) ? placeCode.substring(0, 6)
				: placeCode + "000000".substring(placeCode.length());
		Org org = new Org(creditCode(prefix + region), name, kind, enterpriseType, placeCode);
		this.organisations.add(org);
		this.orgByCode.put(org.creditCode(), org);
		this.rows.organisation(org.creditCode(), name, kind, enterpriseType, placeCode);
		return org;
	}

	/** A unified social credit code with the GB 32100-2015 check character. */
	private String creditCode(String head) {
		while (true) {
			StringBuilder code = new StringBuilder(head);
			for (int i = 0; i < 9; i++) {
				code.append(pick(CREDIT_CHARS));
			}
			code.append(MadeUp.checkCharacter(code));
			if (!this.orgByCode.containsKey(code.toString())) {
				return code.toString();
			}
		}
	}

	/** ID numbers carry the impossible birth date 00000000: they are nobody's. */
	private void createHouseholds() {
		for (Village village : this.villages) {
			this.households.put(village.code(),
					this.made.households(village.code(), village.county().code(), village.formerlyPoor(), this.rows));
		}
	}

	private String fakeName() {
		return this.made.personName();
	}

	@Override
	public String person(String role, String organisationCode) {
		String id = String.format(Locale.ROOT, "P%06d", next("person"));
		this.rows.person(id, fakeName(), role, organisationCode);
		return id;
	}

	private void createPairings() {
		createCountyPairs();
		createDesignatedAssistance();
		createEnterpriseLinks();
		createGroupAid("HOSPITAL", "HOSPITAL_GROUP", "HG-", "MEDICAL", "中心医院", "仁和医院 华康医院 济民医院 安康医院 博爱医院 康宁医院");
		createGroupAid("SCHOOL", "SCHOOL_GROUP", "SG-", "EDUCATION", "实验中学", "育才学校 启明学校 明德学校 博文学校 致远学校 求真学校");
		createResidentCadres();
	}

	/** Real county pairs are loaded from places/county_pairs.csv; these fill the gaps. */
	private void createCountyPairs() {
		for (County county : this.counties) {
			String parent = this.eastWestByRecipient.get(county.provinceCode());
			String helperProvince = this.helperByRecipient.get(county.provinceCode());
			String helper = (helperProvince != null) ? easternPlace(helperProvince) : "";
			if (county.key() && !this.realCountyPairs.contains(county.code()) && helper.length() == 4) {
				LocalDate start = dateIn(date(2021, 5, 1), date(2021, 9, 30));
				this.countyPairs.put(county.code(), addPairing("CP-" + helper + "-" + county.code(), "EAST_WEST",
						"COUNTY_PAIR", helper, county.code(), parent, start, null, ACTIVE, 0));
			}
		}
	}

	private void createDesignatedAssistance() {
		List<County> targets = shuffled(
				this.counties.stream().filter((c) -> c.key() && !this.plantedCounties.contains(c.code())).toList());
		int next = 0;
		for (Org unit : orgs((org) -> "CENTRAL_UNIT".equals(org.kind()))) {
			for (int i = 0, count = 1 + this.random.nextInt(3); i < count && next < targets.size(); i++) {
				County county = targets.get(next++);
				Pairing pairing = addPairing("DA-" + unit.creditCode() + "-" + county.code(), "DESIGNATED_ASSISTANCE",
						pick(words("INDUSTRY TALENT CONSUMPTION")), unit.creditCode(), county.code(), null,
						dateIn(date(2021, 3, 1), date(2021, 9, 30)), null, ACTIVE, 10_000 * between(500, 5_000));
				this.designated.put(county.code(), pairing);
				staff(pairing, person("LIAISON", unit.creditCode()), "LIAISON");
			}
		}
	}

	/** Every key county without designated assistance gets an enterprise link. */
	private void createEnterpriseLinks() {
		List<Village> eligible = this.villages.stream()
			.filter((v) -> !this.plantedCounties.contains(v.county().code())
					&& !this.plantedVillages.contains(v.code()))
			.toList();
		int links = 0;
		for (County county : this.counties) {
			List<Village> inCounty = eligible.stream().filter((village) -> village.county().equals(county)).toList();
			if (county.key() && !this.designated.containsKey(county.code()) && !inCounty.isEmpty()) {
				while (!enterpriseLink(pick(inCounty), false)) {
					// the same enterprise and village twice: draw again
				}
				links++;
			}
		}
		for (; links < 250; links++) {
			while (!enterpriseLink(pick(eligible), this.random.nextDouble() < 0.1)) {
				// draw again
			}
		}
		List<Village> plain = eligible.stream().filter((v) -> !v.key() && !v.county().key()).toList();
		for (int i = 0; i < 2; i++) {
			Village village = pick(plain);
			String enterprise = enterpriseFor(village).creditCode();
			String id = "EV-" + enterprise + "-" + village.code();
			LocalDate end = dateIn(date(2023, 6, 1), date(2024, 10, 31));
			if (!this.pairings.containsKey(id)) {
				addPairing(id, "ENTERPRISE_VILLAGE", "CONSUMPTION", enterprise, village.code(), null,
						dateIn(date(2019, 6, 1), date(2022, 6, 30)), end, ACTIVE, 10_000 * between(10, 100));
				violation(id, "EXPIRED_PAIRING_ACTIVE", "万企兴万村结对已于" + end + "到期，状态仍为ACTIVE");
			}
		}
	}

	private boolean enterpriseLink(Village village, boolean ended) {
		Org enterprise = enterpriseFor(village);
		String id = "EV-" + enterprise.creditCode() + "-" + village.code();
		if (this.pairings.containsKey(id)) {
			return false;
		}
		String kind = pick(words("INDUSTRY EMPLOYMENT CONSUMPTION PUBLIC_WELFARE TALENT"));
		LocalDate start = dateIn(date(2019, 1, 1), date(2024, 12, 31));
		boolean endedNow = ended && start.isBefore(date(2023, 7, 1));
		LocalDate end = endedNow ? dateIn(start.plusYears(1), date(2024, 12, 31)) : null;
		Pairing pairing = addPairing(id, "ENTERPRISE_VILLAGE", kind, enterprise.creditCode(), village.code(), null,
				start, end, endedNow ? "ENDED" : ACTIVE, 10_000 * between(10, 500));
		if (("INDUSTRY".equals(kind) || PUBLIC_WELFARE.equals(kind)) && start.isBefore(date(2024, 7, 1))) {
			this.linkedAssets.computeIfAbsent(village.code(), (key) -> new ArrayList<>())
				.add(new Link(id, enterprise.creditCode(), kind, start, end));
		}
		return true;
	}

	private Org enterpriseFor(Village village) {
		double draw = this.random.nextDouble();
		String province = village.county().provinceCode();
		String helper = this.helperByRecipient.getOrDefault(province, "none");
		List<Org> local = orgs((org) -> "PRIVATE".equals(org.enterpriseType()) && org.placeCode().startsWith(province));
		if (draw < 0.3 && !local.isEmpty()) {
			return pick(local);
		}
		List<Org> helping = orgs((org) -> "ENTERPRISE".equals(org.kind()) && org.placeCode().startsWith(helper));
		List<Org> eastern = orgs((org) -> "ENTERPRISE".equals(org.kind()) && inRegion(org.placeCode(), "EAST"));
		return pick((draw < 0.75 && !helping.isEmpty()) ? helping : eastern);
	}

	/** 组团式帮扶: eastern hospitals or schools help ones in the partner province. */
	private void createGroupAid(String kind, String program, String prefix, String pairingKind, String westSuffix,
			String eastNames) {
		List<County> hosts = shuffled(this.counties.stream()
			.filter((c) -> this.helperByRecipient.containsKey(c.provinceCode())
					&& !this.plantedCounties.contains(c.code()))
			.toList());
		List<Org> east = new ArrayList<>();
		List<Org> west = new ArrayList<>();
		for (int i = 0; i < Math.min(6, hosts.size()); i++) {
			County county = hosts.get(i);
			String place = easternPlace(this.helperByRecipient.get(county.provinceCode()));
			east.add(addOrg("12", placeShortName(place) + words(eastNames).get(i), kind, null, place));
			west.add(addOrg("12", county.name() + westSuffix, kind, null, county.code()));
			groupPairing(program, prefix, pairingKind, east.get(i), west.get(i), null);
		}
		for (int i = 0; i < west.size(); i++) {
			for (int j = 0; j < east.size(); j++) {
				if (j != i && sameProvince(east.get(j), east.get(i)) && this.random.nextDouble() < 0.6) {
					groupPairing(program, prefix, pairingKind, east.get(j), west.get(i), null);
					break;
				}
			}
		}
		for (int j = 1; "HOSPITAL".equals(kind) && j < east.size(); j++) {
			Pairing expired = sameProvince(east.get(j), east.get(0))
					? groupPairing(program, prefix, pairingKind, east.get(j), west.get(0), date(2024, 6, 30)) : null;
			if (expired != null) {
				violation(expired.id(), "EXPIRED_PAIRING_ACTIVE", "组团式帮扶协议已于2024-06-30到期，状态仍为ACTIVE");
				break;
			}
		}
	}

	private Pairing groupPairing(String program, String prefix, String kind, Org east, Org west, LocalDate end) {
		String id = prefix + east.creditCode() + "-" + west.creditCode();
		return this.pairings.containsKey(id) ? null
				: addPairing(id, program, kind, east.creditCode(), west.creditCode(),
						this.eastWestByRecipient.get(west.placeCode().substring(0, 2)),
						dateIn(date(2021, 6, 1), date(2022, 12, 31)), end, ACTIVE, 0);
	}

	private static boolean sameProvince(Org one, Org other) {
		return one.placeCode().substring(0, 2).equals(other.placeCode().substring(0, 2));
	}

	/** 驻村第一书记: every key village but the planted ones, some formerly poor ones. */
	private void createResidentCadres() {
		for (Village village : this.villages) {
			if (this.plantedVillages.contains(village.code())
					|| !(village.key() || (village.formerlyPoor() && this.random.nextDouble() < 0.15))) {
				continue;
			}
			List<Org> units = new ArrayList<>(List.of(role("DEPARTMENT", village.county().code())));
			Pairing assistance = this.designated.get(village.county().code());
			if (assistance != null) {
				units.add(this.orgByCode.get(assistance.helperCode()));
			}
			if (!this.plantedCounties.contains(village.county().code())) {
				units.addAll(orgs((org) -> "STATE_OWNED".equals(org.enterpriseType())
						&& org.placeCode().startsWith(village.county().provinceCode())));
			}
			Org unit = pick(units);
			Pairing pairing = addPairing("RC-" + unit.creditCode() + "-" + village.code(), "RESIDENT_CADRE",
					"STATIONED", unit.creditCode(), village.code(), null, dateIn(date(2021, 5, 1), date(2024, 6, 30)),
					null, ACTIVE, 0);
			staff(pairing, person("FIRST_SECRETARY", unit.creditCode()), "FIRST_SECRETARY");
		}
	}

	private void staff(Pairing pairing, String personId, String role) {
		this.rows.staff(pairing.id(), personId, role, pairing.start(), pairing.end());
	}

	private Pairing addPairing(String id, String program, String kind, String helper, String recipient, String parent,
			LocalDate start, LocalDate end, String status, long investmentYuan) {
		Pairing pairing = new Pairing(id, kind, helper, start, end);
		this.pairings.put(id, pairing);
		this.rows.pairing(id, program, kind, helper, recipient, parent, start, end, status, investmentYuan * 100);
		return pairing;
	}

	private void createAssets() {
		int perVillage = Math.max(4, ceilDiv(MIN_ASSETS - 3 * this.counties.size(), this.villages.size()));
		for (County county : this.counties) {
			for (Village village : villagesOf(county)) {
				List<Link> links = this.linkedAssets.getOrDefault(village.code(), List.of());
				Set<String> names = new HashSet<>();
				for (int i = 0, count = Math.max(perVillage + this.random.nextInt(2), links.size()); i < count; i++) {
					if (i < links.size()) {
						linkedAsset(village, links.get(i), names);
					}
					else {
						villageAsset(village, names);
					}
				}
			}
			countyAssets(county);
		}
	}

	private void villageAsset(Village village, Set<String> names) {
		double draw = this.random.nextDouble();
		AssetType type = pick(types((draw < 0.4) ? PUBLIC_WELFARE : (draw < 0.8) ? OPERATING : "ASSIGNED"));
		int year = FIRST_YEAR + this.random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
		String name = village.name() + label(type, year);
		int household = this.random.nextInt(4);
		boolean assigned = "ASSIGNED".equals(type.category());
		Asset asset = addAsset(village, village.county(), type, dateIn(date(year, 1, 15), date(year, 12, 20)),
				this.made.unique(names, assigned ? name + "(第" + (household + 1) + "户)" : name), null);
		if (assigned) {
			this.made.own(asset, this.households.get(village.code()).get(household).no(), 100_00, asset.completion,
					null);
		}
	}

	/** Formed with an enterprise's money while its link to the village ran. */
	private void linkedAsset(Village village, Link link, Set<String> names) {
		boolean industry = "INDUSTRY".equals(link.kind());
		String wanted = pick(words(industry ? "GREENHOUSE PROCESSING_PLANT WORKSHOP COLD_STORE ORCHARD"
				: "ROAD WATER_SUPPLY SERVICE_CENTRE"));
		AssetType type = types(industry ? OPERATING : PUBLIC_WELFARE).stream()
			.filter((candidate) -> candidate.type().equals(wanted))
			.findFirst()
			.orElseThrow();
		LocalDate completion = dateIn(link.start().plusDays(60),
				(link.end() != null) ? link.end() : date(LAST_YEAR, 12, 31));
		addAsset(village, village.county(), type, completion,
				this.made.unique(names, village.name() + label(type, completion.getYear())), link);
	}

	private void countyAssets(County county) {
		List<Township> inCounty = this.townships.stream().filter((t) -> t.county().equals(county)).toList();
		Set<String> names = new HashSet<>();
		for (AssetType type : shuffled(types("COUNTY")).subList(0, 3)) {
			String township = pick(inCounty).name();
			String name = switch (type.type()) {
				case "ROAD" -> county.name() + township + "至" + pick(inCounty).name() + type.label();
				case "WATER_SUPPLY" -> county.name() + type.label();
				default -> county.name() + township.substring(0, township.length() - 1) + type.label();
			};
			int year = FIRST_YEAR + this.random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
			addAsset(null, county, type, dateIn(date(year, 3, 1), date(year, 12, 20)), this.made.unique(names, name),
					null);
		}
	}

	private Asset addAsset(Village village, County county, AssetType type, LocalDate completion, String name,
			Link link) {
		MadeUpGenerator.Village site = (village != null)
				? new MadeUpGenerator.Village(village.code(), village.name(), village.township().code()) : null;
		Asset asset = this.made.asset(site, county.code(), county.name(), type, completion, name, link);
		this.assets.add(asset);
		return asset;
	}

	private void assignRelations() {
		this.assets.forEach(this.made::relations);
	}

	private Org operatorNear(County county) {
		return this.random.nextBoolean() ? pick(cooperativesIn(county)) : enterpriseNear(county);
	}

	private Org enterpriseNear(County county) {
		List<Org> local = orgs(
				(org) -> "ENTERPRISE".equals(org.kind()) && org.placeCode().startsWith(county.provinceCode()));
		return pick(local.isEmpty() ? orgs((org) -> "ENTERPRISE".equals(org.kind())) : local);
	}

	private List<Org> cooperativesIn(County county) {
		return orgs((org) -> "COOPERATIVE".equals(org.kind()) && org.placeCode().startsWith(county.code()));
	}

	/** Idle or damaged only recently; about 1% disposed, with approval. */
	private void assignStatuses() {
		this.assets.forEach(this.made::status);
	}

	private void createProjects() {
		this.made.projects(this.assets, this.rows);
	}

	/** The last three years at most, from the year after completion. */
	private void createIncomes() {
		this.assets.forEach(this.made::incomes);
	}

	/** Three of each asset rule, each on an otherwise clean asset. */
	private void plantAssetViolations() {
		for (int i = 0; i < 3; i++) {
			Asset asset = candidate((a) -> OPERATING.equals(a.category) && a.ownerships.size() == 1);
			LocalDate end = dateIn(max(asset.completion.plusDays(30), date(2023, 1, 1)), date(2024, 12, 31));
			if (i == 0) {
				asset.ownerships.clear();
			}
			else {
				asset.ownerships.set(0, asset.ownerships.get(0).until(end));
			}
			violation(asset.registerNo, "OPERATING_NO_OWNER", (i == 0) ? "经营性资产从未登记产权" : "产权登记于" + end + "终止，此后无产权人");
		}
		for (long share : new long[] { 90_00, 95_00, 80_00 }) {
			Asset asset = candidate((a) -> OPERATING.equals(a.category) && ownedByCollectiveOnly(a));
			Ownership period = asset.ownerships.get(0);
			asset.ownerships.set(0,
					new Ownership(period.ownerCode(), share, period.from(), null, period.certificateNo()));
			violation(asset.registerNo, "OWNERSHIP_SHARES_NOT_100", "当前产权份额合计" + money(share) + "%");
		}
		for (int i = 0; i < 6; i++) {
			Asset asset = candidate((a) -> PUBLIC_WELFARE.equals(a.category) && a.custodies.size() == 1);
			Custody custody = asset.custodies.get(0);
			LocalDate end = dateIn(max(asset.completion.plusDays(30), date(2023, 1, 1)), date(2024, 12, 31));
			if (i == 0) {
				asset.custodies.clear();
			}
			if (i < 3) {
				asset.custodies.replaceAll((period) -> period.until(end));
				violation(asset.registerNo, "PUBLIC_WELFARE_NO_CUSTODIAN",
						(i == 0) ? "公益性资产从未落实管护主体" : "管护协议于" + end + "到期后未续签");
			}
			else {
				asset.custodies.set(0,
						new Custody(custody.custodianCode(), null, custody.duty(), custody.from(), null));
				violation(asset.registerNo, "PUBLIC_WELFARE_NO_RESPONSIBLE_PERSON", "管护主体已明确，但未落实管护责任人");
			}
		}
		plantPeriodViolations();
		plantIncomeViolations();
		for (int i = 0; i < 3; i++) {
			Asset asset = candidate((a) -> !OPERATING.equals(a.category) && a.completion.isBefore(date(2022, 12, 1)));
			asset.status = (i == 1) ? "DAMAGED" : "IDLE";
			asset.statusSince = dateIn(max(asset.completion.plusDays(30), date(2023, 1, 1)), date(2024, 5, 31));
			violation(asset.registerNo, "LONG_IDLE_OR_DAMAGED",
					"自" + asset.statusSince + "起" + ((i == 1) ? "损毁" : "闲置") + "，超过一年未处理");
		}
		for (int i = 0; i < 3; i++) {
			Asset asset = candidate((a) -> a.ownerships.size() == 1 && a.completion.isBefore(date(2024, 1, 1)));
			LocalDate date = dateIn(max(asset.completion.plusYears(1), date(2023, 1, 1)), date(2025, 6, 30));
			this.made.dispose(asset, "SCRAP", date, null, asset.value * this.random.nextInt(6) / 100, null);
			violation(asset.registerNo, "DISPOSED_WITHOUT_APPROVAL", "于" + date + "报废处置，无审批文号");
		}
	}

	/** Overlaps keep the current shares at 100; gaps keep a current owner. */
	private void plantPeriodViolations() {
		for (int i = 0; i < 6; i++) {
			Asset asset = candidate((a) -> OPERATING.equals(a.category) && ownedByCollectiveOnly(a)
					&& a.completion.isBefore(date(2019, 1, 1)));
			String township = role("TOWNSHIP", asset.village.townshipCode()).creditCode();
			String collective = asset.ownerships.get(0).ownerCode();
			LocalDate first = dateIn(date(2019, 6, 1), date(2020, 6, 30));
			LocalDate second = first.plusDays(30 + this.random.nextInt(240));
			asset.ownerships.clear();
			this.made.own(asset, township, 100_00, asset.completion, (i < 3) ? second : first);
			this.made.own(asset, collective, 100_00, (i < 3) ? first : second, null);
			if (i < 3) {
				violation(asset.registerNo, "OWNERSHIP_PERIODS_OVERLAP", first + "至" + second + "乡镇与村集体产权重叠，份额合计200%");
			}
			else {
				violation(asset.registerNo, "OWNERSHIP_PERIODS_GAP", first + "至" + second + "无产权人");
			}
		}
		for (int i = 0; i < 3; i++) {
			Asset asset = candidate((a) -> OPERATING.equals(a.category) && ownedByCollectiveOnly(a)
					&& a.contracts.isEmpty() && !"EQUITY".equals(a.type.type()));
			Org owner = (i == 2) ? enterpriseNear(county(asset)) : pick(cooperativesIn(county(asset)));
			Ownership period = asset.ownerships.get(0);
			asset.ownerships.set(0,
					new Ownership(owner.creditCode(), 100_00, period.from(), null, period.certificateNo()));
			violation(asset.registerNo, "NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT", owner.name() + "持有100%产权，无经营合同");
		}
	}

	private void plantIncomeViolations() {
		for (int i = 0; i < 6; i++) {
			Asset asset = candidate((a) -> !a.incomes.isEmpty());
			Income income = asset.incomes.get(asset.incomes.size() - 1);
			String id = "INC-" + asset.registerNo + "-" + income.year();
			boolean none = i == 0;
			if (i < 3) {
				income.uses().removeIf((use) -> none || "MAINTENANCE".equals(use.kind()));
				violation(asset.registerNo, "INCOME_NOT_DISTRIBUTED", id + ((i == 0) ? "未作任何分配" : "分配合计少于收益金额"));
			}
			else {
				income.uses()
					.stream()
					.filter((use) -> "HOUSEHOLD_DIVIDEND".equals(use.kind()))
					.forEach((use) -> use.beneficiaries().clear());
				violation(asset.registerNo, "INCOME_WITHOUT_BENEFICIARY", id + "户分红未落实到户");
			}
		}
	}

	private boolean ownedByCollectiveOnly(Asset asset) {
		return asset.ownerships.size() == 1
				&& "COLLECTIVE".equals(this.orgByCode.get(asset.ownerships.get(0).ownerCode()).kind());
	}

	private Asset candidate(Predicate<Asset> condition) {
		Asset asset = pick(this.assets.stream()
			.filter((a) -> !a.reserved && "IN_USE".equals(a.status) && condition.test(a))
			.toList());
		asset.reserved = true;
		return asset;
	}

	/**
	 * Operating assets owned (in part) by an enterprise or cooperative run under
	 * contract; a contract that ends before the present year is over is renewed for five
	 * years at the same terms, as many times as needed, so that no owner is left without
	 * one. A renewal due within the present year was signed at its start, so that no
	 * contract begins after the day of seeding.
	 */
	private void renewContractsOfOwners() {
		LocalDate yearEnd = date(PRESENT_YEAR, 12, 31);
		for (Asset asset : this.assets) {
			if (!OPERATING.equals(asset.category) || asset.disposal != null || asset.contracts.isEmpty()
					|| asset.ownerships.stream().noneMatch((o) -> o.to() == null && needsContract(o.ownerCode()))) {
				continue;
			}
			Contract last = asset.contracts.stream().max(Comparator.comparing(Contract::end)).orElseThrow();
			while (!last.end().isAfter(yearEnd)) {
				LocalDate start = last.end().isAfter(date(PRESENT_YEAR, 1, 1)) ? date(PRESENT_YEAR, 1, 1) : last.end();
				last = new Contract(last.operatorCode(), last.mode(), start, start.plusYears(5), last.rent());
				asset.contracts.add(last);
			}
		}
	}

	/**
	 * Owners other than the collective, a township or county department and households.
	 */
	private boolean needsContract(String ownerCode) {
		Org owner = this.orgByCode.get(ownerCode);
		return owner != null && !"COLLECTIVE".equals(owner.kind()) && !"GOVERNMENT_DEPARTMENT".equals(owner.kind());
	}

	/**
	 * Violations of the rules on category, asset loss, owners without a contract and
	 * income kept back, each beside a clean case that comes close to it.
	 */
	private void plantRuleViolations() {
		plantCategoryMismatches();
		plantAssetLoss();
		plantOwnersWithoutContract();
		plantIncomeKeptBack();
	}

	private void plantCategoryMismatches() {
		Asset road = candidate((a) -> PUBLIC_WELFARE.equals(a.category) && a.village != null
				&& "ROAD".equals(a.type.type()) && a.custodies.size() == 1 && ownedByCollectiveOnly(a));
		road.category = OPERATING;
		violation(road.registerNo, "CATEGORY_TYPE_MISMATCH", "道路登记为经营性资产");
		Asset station = candidate((a) -> OPERATING.equals(a.category) && "PV_STATION".equals(a.type.type())
				&& a.custodies.size() == 1 && ownedByCollectiveOnly(a));
		station.category = PUBLIC_WELFARE;
		violation(station.registerNo, "CATEGORY_TYPE_MISMATCH", "光伏电站登记为公益性资产");
		Asset clinic = candidate((a) -> PUBLIC_WELFARE.equals(a.category) && "CLINIC".equals(a.type.type()));
		clinic.category = "ASSIGNED";
		violation(clinic.registerNo, "CATEGORY_TYPE_MISMATCH", "卫生室登记为确权到户资产");
		Asset greenhouse = candidate((a) -> "ASSIGNED".equals(a.category) && "GREENHOUSE".equals(a.type.type()));
		clean(greenhouse.registerNo, "CATEGORY_TYPE_MISMATCH", "到户大棚登记为确权到户资产，类别与类型相符");
	}

	/**
	 * Operating assets taken over by their private operator: without approval, or sold
	 * for nothing; beside them a takeover that was approved.
	 */
	private void plantAssetLoss() {
		for (int i = 0; i < 4; i++) {
			Asset asset = candidate(
					(a) -> OPERATING.equals(a.category) && ownedByCollectiveOnly(a) && !"EQUITY".equals(a.type.type())
							&& privateOperator(a) != null && a.ownerships.get(0).from().isBefore(date(2022, 1, 1)));
			Contract contract = privateOperator(asset);
			LocalDate date = dateIn(max(contract.start().plusDays(30), date(2023, 1, 1)), date(2024, 12, 31));
			Org operator = this.orgByCode.get(contract.operatorCode());
			if (i == 2) {
				String approval = this.made.approval(asset.countyCode, asset.countyName, date.getYear());
				this.made.dispose(asset, "SALE", date, approval, 0, operator.creditCode());
				violation(asset.registerNo, "OPERATING_ASSET_LOSS", "经批准出售给" + operator.name() + "，但无处置收入");
				continue;
			}
			asset.ownerships.set(0, asset.ownerships.get(0).until(date));
			this.made.own(asset, operator.creditCode(), 100_00, date, null);
			if (i == 3) {
				asset.transferApprovals.put(date,
						this.made.approval(asset.countyCode, asset.countyName, date.getYear()));
				clean(asset.registerNo, "OPERATING_ASSET_LOSS", "产权经批准转让给民营企业" + operator.name());
			}
			else {
				violation(asset.registerNo, "OPERATING_ASSET_LOSS",
						"产权于" + date + "转让给民营企业" + operator.name() + "，无审批文号");
			}
		}
		Asset sold = this.assets.stream()
			.filter((a) -> a.disposal != null && "SALE".equals(a.disposal.mode()) && a.disposal.proceeds() > 0
					&& OPERATING.equals(a.category))
			.findFirst()
			.orElseThrow();
		clean(sold.registerNo, "OPERATING_ASSET_LOSS", "经批准出售，有处置收入");
	}

	/** A private operator whose contract runs through the present year, or null. */
	private Contract privateOperator(Asset asset) {
		return asset.contracts.stream()
			.filter((c) -> c.end().isAfter(date(PRESENT_YEAR, 12, 31)) && this.orgByCode.containsKey(c.operatorCode())
					&& "PRIVATE".equals(this.orgByCode.get(c.operatorCode()).enterpriseType()))
			.findFirst()
			.orElse(null);
	}

	/**
	 * A private enterprise whose only contract has ended; beside it a township and a
	 * household that own an operating asset without a contract, as local rules allow.
	 */
	private void plantOwnersWithoutContract() {
		Asset asset = candidate((a) -> OPERATING.equals(a.category) && ownedByCollectiveOnly(a) && a.contracts.isEmpty()
				&& !"EQUITY".equals(a.type.type()) && a.completion.isBefore(date(2021, 1, 1)));
		List<Org> local = orgs((org) -> "PRIVATE".equals(org.enterpriseType())
				&& org.placeCode().startsWith(county(asset).provinceCode()));
		Org owner = pick(local);
		Ownership period = asset.ownerships.get(0);
		asset.ownerships.set(0, new Ownership(owner.creditCode(), 100_00, period.from(), null, period.certificateNo()));
		LocalDate start = period.from().plusDays(this.random.nextInt(60));
		asset.contracts.add(new Contract(owner.creditCode(), "SHAREHOLDING", start, start.plusYears(3), 0));
		violation(asset.registerNo, "NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT",
				owner.name() + "持有100%产权，唯一经营合同已于" + start.plusYears(3) + "到期");
		for (String ownerRole : List.of("TOWNSHIP", "HOUSEHOLD")) {
			Asset kept = candidate((a) -> OPERATING.equals(a.category) && ownedByCollectiveOnly(a)
					&& a.contracts.isEmpty() && !"EQUITY".equals(a.type.type()));
			String ownerCode = "TOWNSHIP".equals(ownerRole) ? role("TOWNSHIP", kept.village.townshipCode()).creditCode()
					: this.households.get(kept.village.code()).get(0).no();
			Ownership kind = kept.ownerships.get(0);
			kept.ownerships.set(0, new Ownership(ownerCode, 100_00, kind.from(), null, kind.certificateNo()));
			clean(kept.registerNo, "NON_COLLECTIVE_OWNER_WITHOUT_CONTRACT",
					("TOWNSHIP".equals(ownerRole) ? "乡镇人民政府" : "受益农户") + "持有经营性资产，无需经营合同");
		}
	}

	/**
	 * An income kept whole by the collective; beside it one that reaches only village
	 * public welfare, which is distributed.
	 */
	private void plantIncomeKeptBack() {
		for (int i = 0; i < 2; i++) {
			boolean kept = i == 0;
			Asset asset = candidate((a) -> !a.incomes.isEmpty() && (kept || a.incomes.get(a.incomes.size() - 1)
				.uses()
				.stream()
				.anyMatch((use) -> "VILLAGE_PUBLIC_WELFARE".equals(use.kind()))));
			Income income = asset.incomes.get(asset.incomes.size() - 1);
			String id = "INC-" + asset.registerNo + "-" + income.year();
			long moved = 0;
			for (Use use : List.copyOf(income.uses())) {
				if (!"MAINTENANCE".equals(use.kind()) && (kept || !"VILLAGE_PUBLIC_WELFARE".equals(use.kind()))) {
					moved += use.amount();
					income.uses().remove(use);
				}
			}
			income.uses().add(new Use("COLLECTIVE_RESERVE", moved, Map.of()));
			if (kept) {
				violation(asset.registerNo, "INCOME_NOT_DISTRIBUTED", id + "全部用于运营维护和村集体积累，无到户、公益岗位或村级公益部分");
			}
			else {
				clean(asset.registerNo, "INCOME_NOT_DISTRIBUTED", id + "除运营维护和村集体积累外，有村级公益事业部分");
			}
		}
	}

	/**
	 * 摘帽不摘帮扶: a pairing of a national key county that ended with no pairing of its
	 * program in the county going on after it is a coverage gap. The links that ended
	 * above make some; each is listed, without drawing anything at random.
	 */
	private void listAssistanceEnded() {
		Map<String, County> keyCounties = new HashMap<>();
		this.counties.stream().filter(County::key).forEach((county) -> keyCounties.put(county.code(), county));
		List<Object[]> rows = this.tables.get("pairings");
		for (Object[] ended : rows) {
			String recipient = (String) ended[4];
			if (!"ENDED".equals(ended[8]) || recipient.length() < 6
					|| !keyCounties.containsKey(recipient.substring(0, 6))) {
				continue;
			}
			County county = keyCounties.get(recipient.substring(0, 6));
			LocalDate end = (LocalDate) ended[7];
			boolean continued = rows.stream()
				.anyMatch((other) -> other != ended && other[1].equals(ended[1])
						&& ((String) other[4]).startsWith(county.code())
						&& (ACTIVE.equals(other[8]) || (other[7] != null && ((LocalDate) other[7]).isAfter(end))));
			if (!continued) {
				violation((String) ended[0], "KEY_COUNTY_ASSISTANCE_ENDED",
						county.name() + "是国家乡村振兴重点帮扶县，结对已于" + end + "结束，此后该县没有同类结对接续");
			}
		}
	}

	private void clean(String subject, String rule, String note) {
		row("deliberate_clean_cases", subject, rule, note);
	}

	private void violation(String subject, String rule, String note) {
		row("deliberate_violations", subject, rule, note);
	}

	private void write(Path outDir) throws IOException {
		this.assets.forEach((asset) -> MadeUpGenerator.write(asset, this.rows));
		Files.createDirectories(outDir);
		CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
		for (Map.Entry<String, List<Object[]>> table : this.tables.entrySet()) {
			Path file = outDir.resolve(table.getKey() + ".csv");
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
					CSVPrinter printer = new CSVPrinter(writer, format)) {
				for (Object[] row : table.getValue()) {
					for (Object value : row) {
						printer.print((value != null) ? value.toString() : "");
					}
					printer.println();
				}
			}
		}
	}

	private void row(String file, Object... values) {
		this.tables.get(file).add(values);
	}

	private Org role(String role, String placeCode) {
		return this.orgByRole.get(role + "/" + placeCode);
	}

	private List<Org> orgs(Predicate<Org> condition) {
		return this.organisations.stream().filter(condition).toList();
	}

	private List<Village> villagesOf(County county) {
		return this.villages.stream().filter((village) -> village.county().equals(county)).toList();
	}

	private boolean inRegion(String placeCode, String region) {
		Province province = this.provinces.get(placeCode.substring(0, 2));
		return province != null && region.equals(province.region());
	}

	private String placeShortName(String code) {
		return shortName((code.length() == 2) ? this.provinces.get(code).name() : this.prefectures.get(code).name());
	}

	private static String shortName(String name) {
		if (name.startsWith("内蒙古")) {
			return "内蒙古";
		}
		if (name.indexOf("自治") > 0) {
			return name.substring(0, 2);
		}
		return (name.length() > 2) ? name.substring(0, name.length() - 1) : name;
	}

	private static List<String> words(String text) {
		return List.of(text.split(" "));
	}

	private static List<String[]> specs(String text) {
		return text.lines().map((line) -> line.split(" ")).toList();
	}

	private static String money(long cents) {
		return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
	}

	private static int ceilDiv(int dividend, int divisor) {
		return (dividend + divisor - 1) / divisor;
	}

	private int next(String counter) {
		return this.made.next(counter);
	}

	private LocalDate dateIn(LocalDate from, LocalDate to) {
		return this.made.dateIn(from, to);
	}

	private long between(long min, long max) {
		return this.made.between(min, max);
	}

	private <T> T pick(List<T> list) {
		return this.made.pick(list);
	}

	private char pick(String characters) {
		return this.made.pick(characters);
	}

	private <T> List<T> shuffled(List<T> list) {
		return this.made.shuffled(list);
	}

	// ---------------------------------------------------------------- places for the
	// rules

	private County county(Asset asset) {
		return this.countyByCode.get(asset.countyCode);
	}

	@Override
	public String department(String countyCode) {
		return role("DEPARTMENT", countyCode).creditCode();
	}

	@Override
	public String collective(String villageCode) {
		return role("COLLECTIVE", villageCode).creditCode();
	}

	@Override
	public String townshipGovernment(String townshipCode) {
		return role("TOWNSHIP", townshipCode).creditCode();
	}

	@Override
	public List<String> households(String villageCode) {
		return this.households.get(villageCode).stream().map(Household::no).toList();
	}

	@Override
	public List<String> poorHouseholds(String villageCode) {
		return this.households.get(villageCode).stream().filter(Household::formerlyPoor).map(Household::no).toList();
	}

	@Override
	public List<String> cooperatives(Asset asset) {
		return cooperativesIn(county(asset)).stream().map(Org::creditCode).toList();
	}

	@Override
	public String operator(Asset asset) {
		return operatorNear(county(asset)).creditCode();
	}

	@Override
	public String equityPartner(Asset asset) {
		return enterpriseNear(county(asset)).creditCode();
	}

	/** A collective of the township's other villages may take over an operating asset. */
	@Override
	public List<String> neighbourCollectives(Asset asset) {
		return this.villages.stream()
			.filter((v) -> v.township().code().equals(asset.village.townshipCode())
					&& !v.code().equals(asset.village.code()))
			.map((v) -> collective(v.code()))
			.toList();
	}

	@Override
	public String countyPairing(String countyCode) {
		Pairing pairing = this.countyPairs.get(countyCode);
		return (pairing != null) ? pairing.id() : null;
	}

	@Override
	public Assistance designated(String countyCode) {
		Pairing pairing = this.designated.get(countyCode);
		return (pairing != null) ? new Assistance(pairing.id(), pairing.helperCode(), pairing.start()) : null;
	}

	@Override
	public List<String> donors() {
		return orgs((org) -> "SOCIAL_ORGANISATION".equals(org.kind())).stream().map(Org::creditCode).toList();
	}

	@Override
	public String organisationName(String creditCode) {
		return this.orgByCode.get(creditCode).name();
	}

	/** The rows of the asset files: money in yuan, shares in percent. */
	private final class Rows implements MadeUpGenerator.Sink {

		@Override
		public void township(String code, String name, String countyCode) {
			row("townships", code, name, countyCode, true);
		}

		@Override
		public void organisation(String creditCode, String name, String kind, String enterpriseType, String placeCode) {
			row("organisations", creditCode, name, kind, enterpriseType, placeCode, true);
		}

		@Override
		public void person(String personId, String name, String role, String organisationCode) {
			row("persons", personId, name, role, organisationCode, true);
		}

		@Override
		public void pairing(String id, String program, String kind, String helperCode, String recipientCode,
				String parentPairingId, LocalDate start, LocalDate end, String status, long investment) {
			row("pairings", id, program, kind, helperCode, recipientCode, parentPairingId, start, end, status, false,
					null, (investment > 0) ? money(investment) : null, true);
		}

		@Override
		public void staff(String pairingId, String personId, String role, LocalDate start, LocalDate end) {
			row("pairing_people", pairingId, personId, role, start, end);
		}

		@Override
		public void village(String code, String name, String townshipCode, boolean formerlyPoor, boolean keyVillage,
				boolean relocationSite, long population, long formerlyPoorPopulation) {
			row("villages", code, name, townshipCode, formerlyPoor, keyVillage, relocationSite, population,
					formerlyPoorPopulation, true);
		}

		@Override
		public void household(String householdNo, String headName, String idNumber, long size, boolean formerlyPoor,
				String villageCode) {
			row("households", householdNo, headName, idNumber, size, formerlyPoor, villageCode, true);
		}

		@Override
		public void asset(Asset a, String projectCode) {
			row("assets", a.registerNo, a.name, a.type.type(), a.category, money(a.value), a.completion, a.status,
					a.statusSince, a.placeCode(), projectCode, true);
		}

		@Override
		public void ownership(String registerNo, String ownerCode, long share, LocalDate from, LocalDate to,
				String certificateNo, String approvalRef) {
			// The approval has a file of its own: transferApproval.
			row("ownerships", registerNo, ownerCode, money(share), from, to, certificateNo);
		}

		@Override
		public void custody(String id, String registerNo, Custody c) {
			row("custody", id, registerNo, c.custodianCode(), c.personId(), c.duty(), c.from(), c.to(), true);
		}

		@Override
		public void contract(String contractNo, String registerNo, Contract c) {
			row("operation_contracts", contractNo, registerNo, c.operatorCode(), c.mode(), c.start(), c.end(),
					money(c.rent()), true);
		}

		@Override
		public void income(String id, String registerNo, Income income) {
			row("incomes", id, registerNo, income.year(), money(income.amount()), true);
		}

		@Override
		public void incomeUse(String id, String incomeId, Use use) {
			row("income_uses", id, incomeId, use.kind(), money(use.amount()), true);
		}

		@Override
		public void beneficiary(String useId, String beneficiaryCode, long amount) {
			row("income_beneficiaries", useId, beneficiaryCode, money(amount));
		}

		@Override
		public void transferApproval(String registerNo, LocalDate from, String approvalRef) {
			row("transfer_approvals", registerNo, from, approvalRef);
		}

		@Override
		public void disposal(String id, String registerNo, Disposal d) {
			row("disposals", id, registerNo, d.mode(), d.date(), d.approvalRef(), money(d.proceeds()),
					d.transfereeCode(), true);
		}

		@Override
		public void fund(String code, String name, String kind, int year, String providerCode, String pairingId) {
			row("fund_sources", code, name, kind, year, providerCode, pairingId, true);
		}

		@Override
		public void project(String code, String name, int year, String countyCode, String pairingId,
				List<Asset> formed) {
			row("projects", code, name, year, countyCode, pairingId, true);
		}

		@Override
		public void funding(String fundCode, String projectCode, long amount) {
			row("project_funding", fundCode, projectCode, money(amount));
		}

	}

	private record Province(String code, String name, String region) {
	}

	private record Prefecture(String code, String name, String provinceCode) {
	}

	private record County(String code, String name, String provinceCode, boolean formerlyPoor, boolean key) {
	}

	private record Township(String code, String name, County county) {
	}

	private record Village(String code, String name, Township township, boolean formerlyPoor, boolean key) {

		County county() {
			return this.township.county();
		}

	}

	private record Org(String creditCode, String name, String kind, String enterpriseType, String placeCode) {
	}

	private record Pairing(String id, String kind, String helperCode, LocalDate start, LocalDate end) {
	}

}
