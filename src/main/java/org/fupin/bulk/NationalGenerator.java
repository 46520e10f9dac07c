package org.fupin.bulk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.fupin.bulk.MadeUp.AssetType;
import org.fupin.bulk.MadeUpGenerator.Assistance;
import org.fupin.bulk.MadeUpGenerator.Asset;
import org.fupin.bulk.MadeUpGenerator.Household;
import org.fupin.bulk.MadeUpGenerator.Link;
import org.fupin.bulk.MadeUpGenerator.MadeVillage;
import org.fupin.bulk.SeedFacts.Partners;

import static org.fupin.bulk.MadeUp.BRANDS;
import static org.fupin.bulk.MadeUp.CENTRAL_UNITS;
import static org.fupin.bulk.MadeUp.CREDIT_CHARS;
import static org.fupin.bulk.MadeUp.FIRST_YEAR;
import static org.fupin.bulk.MadeUp.INDUSTRIES;
import static org.fupin.bulk.MadeUp.LAST_YEAR;
import static org.fupin.bulk.MadeUp.SOCIAL_ORGANISATIONS;
import static org.fupin.bulk.MadeUpGenerator.date;
import static org.fupin.bulk.MadeUpGenerator.label;
import static org.fupin.bulk.MadeUpGenerator.max;
import static org.fupin.bulk.MadeUpGenerator.placeName;
import static org.fupin.bulk.MadeUpGenerator.types;

/**
 * Generates a synthetic national dataset in exactly the graph shape of the seed
 * ({@code schema/README.md}, {@code org.fupin.seed.SeedLoader}), on top of the real
 * provinces, prefectures, counties and pairs of {@code seed/}: the missing prefectures
 * and counties (832 formerly poor and 160 national key counties at scale 1), townships,
 * villages, collectives, cooperatives, enterprises, households, assets of the three
 * categories with ownership, custody, contracts, five years of income with uses and
 * beneficiaries, funds and projects, and every pairing program. Every generated node
 * carries {@code illustrative: true}.
 *
 * <p>
 * Deterministic and streaming: only the place skeleton down to counties is planned up
 * front; each county's data is generated on demand from a random generator seeded by the
 * dataset seed and the chunk's name, so a chunk can be regenerated alone (a restarted
 * load) and two generations with the same seed are equal row for row. At scale 1 the
 * dataset has about 490,000 villages, 2,844 counties, 120,000 enterprises and 3 million
 * assets; below that, counts shrink with the scale but the real places are always kept.
 *
 * <p>
 * This class plans the places and walks them; what a county's assets are, with their
 * histories, money, projects and funds, is decided by {@link MadeUpGenerator} (the rules
 * the illustrative seed is made by too) with {@link MadeUpGenerator.Profile#NATIONAL},
 * one instance per county, and written into the county's chunk by {@link ChunkSink}.
 */
public final class NationalGenerator {

	/** The seed of the published figures. */
	public static final long DEFAULT_SEED = 20211;

	static final String NATIONAL_CHUNK = "national";

	static final String ENTERPRISE_CHUNK = "enterprises/";

	static final String COUNTY_CHUNK = "county/";

	private static final int VILLAGES = 490_000;

	private static final int ENTERPRISES = 120_000;

	/** Income is recorded for the five years 2020-2024. */
	private static final int FIRST_INCOME_YEAR = 2020;

	/**
	 * Per province: counties, prefectures, formerly poor counties (the 832), national key
	 * counties (the 160, in ten western provinces). County and prefecture counts are
	 * close to the 2023 division codes; the 832 are the official distribution; the 160
	 * follow the announced per-province counts (Inner Mongolia 10, Guangxi 20, Chongqing
	 * 4, Sichuan 25, Guizhou 20, Yunnan 27, Shaanxi 11, Gansu 23, Qinghai 15, Ningxia 5).
	 */
	private static final String NATIONAL = """
			11 16 1 0 0
			12 16 1 0 0
			13 167 11 45 0
			14 117 11 36 0
			15 103 12 31 10
			21 100 14 0 0
			22 60 9 8 0
			23 121 13 20 0
			31 16 1 0 0
			32 95 13 0 0
			33 90 11 0 0
			34 104 16 20 0
			35 84 9 0 0
			36 100 11 24 0
			37 136 16 0 0
			41 157 17 38 0
			42 103 13 28 0
			43 122 14 40 0
			44 122 21 0 0
			45 111 14 33 20
			46 25 4 5 0
			50 38 2 14 4
			51 183 21 66 25
			52 88 9 66 20
			53 129 16 88 27
			54 74 7 74 0
			61 107 10 56 11
			62 86 14 58 23
			63 44 8 42 15
			64 22 5 8 5
			65 107 14 32 0
			""";

	private static final String PUBLIC_WELFARE = "PUBLIC_WELFARE";

	private static final String OPERATING = "OPERATING";

	private static final String ASSIGNED = "ASSIGNED";

	private static final String ACTIVE = "ACTIVE";

	private final double scale;

	private final long seed;

	private final SeedFacts facts;

	private final Map<String, ProvincePlan> provinces = new TreeMap<>();

	private final List<PrefecturePlan> prefectures = new ArrayList<>();

	private final List<CountyPlan> counties = new ArrayList<>();

	private final Map<String, CountyPlan> countyByCode = new HashMap<>();

	private final Map<String, List<CountyPlan>> countiesByProvince = new TreeMap<>();

	/** Counties that have enterprises, by province: where enterprise links look. */
	private final Map<String, List<CountyPlan>> enterpriseCounties = new TreeMap<>();

	private final List<CountyPlan> easternEnterpriseCounties = new ArrayList<>();

	private final List<String> centralUnits = new ArrayList<>();

	private final List<String> socialOrganisations = new ArrayList<>();

	private final Partners partners;

	/** Western counties with a real county pair: its id. */
	private final Map<String, String> realCountyPairs = new TreeMap<>();

	private final List<String> chunks = new ArrayList<>();

	private final Map<String, Long> weights = new HashMap<>();

	/**
	 * The largest scale whose made-up prefectures fit in the two-digit codes 51-99 left
	 * beside the real ones in every province (Guangdong runs out first, above 2.5).
	 */
	public static final double MAX_SCALE = 2.5;

	/**
	 * Plans the place skeleton from the seed facts packaged with the application.
	 * @param scale 1.0 for the whole country, e.g. 0.001 for tests
	 * @param seed the random seed: the same seed gives the same data
	 */
	public NationalGenerator(double scale, long seed) {
		this(SeedFacts.fromClasspath(), scale, seed);
	}

	NationalGenerator(SeedFacts facts, double scale, long seed) {
		if (!(scale > 0 && scale <= MAX_SCALE)) {
			throw new IllegalArgumentException("scale must be above 0 and at most " + MAX_SCALE + ", was " + scale
					+ ": a larger country would need more prefectures in a province than two-digit codes hold");
		}
		this.scale = scale;
		this.seed = seed;
		this.facts = facts;
		this.partners = facts.partners();
		plan();
	}

	/** The scale this generator was made for. */
	public double scale() {
		return this.scale;
	}

	/** The random seed this generator was made with. */
	public long seed() {
		return this.seed;
	}

	/**
	 * The chunks in loading order: the national skeleton, each province's enterprises,
	 * then each county.
	 */
	public List<String> chunks() {
		return Collections.unmodifiableList(this.chunks);
	}

	/** An estimate of a chunk's rows, for progress reporting. */
	public long weight(String chunk) {
		return this.weights.getOrDefault(chunk, 1L);
	}

	/** Counties by code, for tests and reports. */
	List<CountyPlan> counties() {
		return Collections.unmodifiableList(this.counties);
	}

	List<PrefecturePlan> prefectures() {
		return Collections.unmodifiableList(this.prefectures);
	}

	/** Generates one chunk's rows; the same name always gives the same rows. */
	public Chunk generate(String chunk) {
		if (chunk.equals(NATIONAL_CHUNK)) {
			return nationalChunk();
		}
		if (chunk.startsWith(ENTERPRISE_CHUNK)) {
			return enterpriseChunk(chunk.substring(ENTERPRISE_CHUNK.length()));
		}
		if (chunk.startsWith(COUNTY_CHUNK)) {
			CountyPlan county = this.countyByCode.get(chunk.substring(COUNTY_CHUNK.length()));
			if (county != null) {
				return new CountyGenerator(county).generate();
			}
		}
		throw new IllegalArgumentException("No chunk named " + chunk);
	}

	/**
	 * Generates every chunk and counts nodes per label and relationships per type: what a
	 * complete load must hold.
	 */
	public Counts count() {
		Map<String, Long> labels = new TreeMap<>();
		Map<String, Long> types = new TreeMap<>();
		for (String name : this.chunks) {
			generate(name).tables().forEach((table, rows) -> {
				if (table.isNode()) {
					table.labels().forEach((label) -> labels.merge(label, (long) rows.size(), Long::sum));
				}
				else {
					types.merge(table.type(), (long) rows.size(), Long::sum);
				}
			});
		}
		return new Counts(labels, types);
	}

	/** A digest of every row of every chunk: equal digests, equal datasets. */
	public String digest() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String name : this.chunks) {
				generate(name).tables().forEach((table, rows) -> {
					digest.update(table.name().getBytes(StandardCharsets.UTF_8));
					rows.forEach((row) -> digest.update(row.toString().getBytes(StandardCharsets.UTF_8)));
				});
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Nodes per label and relationships per type.
	 *
	 * @param labels nodes per label (a node with two labels counts under both)
	 * @param types relationships per type
	 */
	public record Counts(Map<String, Long> labels, Map<String, Long> types) {

		/** All nodes: each node has exactly one of these labels. */
		public long nodes() {
			return List
				.of("Place", "Organisation", "Household", "Person", "Pairing", "FundSource", "Project", "Asset",
						"Custody", "OperationContract", "Income", "IncomeUse", "Disposal")
				.stream()
				.mapToLong((label) -> this.labels.getOrDefault(label, 0L))
				.sum();
		}

		/** All relationships. */
		public long relationships() {
			return this.types.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	// ---------------------------------------------------------------- the plan

	private void plan() {
		Random random = new Random(mix(this.seed, "plan"));
		for (Map<String, String> row : this.facts.provinces()) {
			this.provinces.put(row.get("code"), new ProvincePlan(row.get("code"), row.get("name"), row.get("region")));
		}
		Map<String, int[]> national = new TreeMap<>();
		NATIONAL.lines()
			.map((line) -> line.split(" "))
			.forEach((f) -> national.put(f[0], new int[] { Integer.parseInt(f[1]), Integer.parseInt(f[2]),
					Integer.parseInt(f[3]), Integer.parseInt(f[4]) }));
		Set<String> usedCodes = new HashSet<>();
		for (Map<String, String> row : this.facts.prefectures()) {
			this.prefectures.add(new PrefecturePlan(row.get("code"), row.get("name"), row.get("provinceCode"), true));
			usedCodes.add(row.get("code"));
		}
		Map<String, List<CountyPlan>> real = new TreeMap<>();
		for (Map<String, String> row : this.facts.counties()) {
			String code = row.get("code");
			String exit = row.get("exitYear");
			CountyPlan county = new CountyPlan(code, row.get("name"), row.get("prefectureCode"), code.substring(0, 2),
					true, Boolean.parseBoolean(row.get("formerlyPoor")),
					(exit == null || exit.isEmpty()) ? null : Integer.valueOf(exit),
					Boolean.parseBoolean(row.get("nationalKeyCounty")));
			real.computeIfAbsent(county.provinceCode(), (key) -> new ArrayList<>()).add(county);
			this.counties.add(county);
			usedCodes.add(code);
		}
		for (ProvincePlan province : this.provinces.values()) {
			int[] target = national.getOrDefault(province.code(), new int[4]);
			List<CountyPlan> realCounties = real.getOrDefault(province.code(), List.of());
			long realPrefectures = this.prefectures.stream()
				.filter((p) -> p.provinceCode().equals(province.code()))
				.count();
			int generated = (int) Math.max(0,
					Math.max(Math.max(1, Math.round(target[0] * this.scale)), realCounties.size())
							- realCounties.size());
			if (generated == 0) {
				continue;
			}
			int prefectureCount = (int) Math.max(1, Math.round(target[1] * this.scale) - realPrefectures);
			prefectureCount = Math.max(prefectureCount, (generated + 98) / 99);
			List<String> prefectureCodes = new ArrayList<>();
			Set<String> names = new HashSet<>();
			for (int i = 0, suffix = 51; i < prefectureCount; suffix++) {
				if (suffix > 99) {
					throw new IllegalArgumentException("scale " + this.scale + " needs " + prefectureCount
							+ " made-up prefectures in province " + province.code()
							+ ", more than its two-digit codes 51-99 leave room for; use a scale of at most "
							+ MAX_SCALE);
				}
				String code = province.code() + suffix;
				if (usedCodes.add(code)) {
					this.prefectures
						.add(new PrefecturePlan(code, placeName(random, names, "市"), province.code(), false));
					prefectureCodes.add(code);
					i++;
				}
			}
			long realPoor = realCounties.stream().filter(CountyPlan::formerlyPoor).count();
			long realKey = realCounties.stream().filter(CountyPlan::key).count();
			int poor = (int) Math.min(generated, Math.max(0, Math.round(target[2] * this.scale) - realPoor));
			int key = (int) Math.min(generated, Math.max(0, Math.round(target[3] * this.scale) - realKey));
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < generated; i++) {
				order.add(i);
			}
			Collections.shuffle(order, random);
			Set<Integer> poorIndexes = new HashSet<>(order.subList(0, poor));
			// Key counties are formerly poor ones first (as almost all the real 160 are).
			Set<Integer> keyIndexes = new HashSet<>(order.subList(0, key));
			int[] used = new int[prefectureCodes.size()];
			for (int i = 0; i < generated; i++) {
				int p = i % prefectureCodes.size();
				String prefecture = prefectureCodes.get(p);
				String code = prefecture + String.format(Locale.ROOT, "%02d", ++used[p]);
				boolean formerlyPoor = poorIndexes.contains(i);
				String suffix = (random.nextInt(5) == 0) ? "区" : "县";
				this.counties.add(new CountyPlan(code, placeName(random, names, suffix), prefecture, province.code(),
						false, formerlyPoor, formerlyPoor ? exitYear(random) : null, keyIndexes.contains(i)));
			}
		}
		this.counties.sort(Comparator.comparing(CountyPlan::code));
		this.prefectures.sort(Comparator.comparing(PrefecturePlan::code));
		allocate(random);
		planPartners();
		this.chunks.add(NATIONAL_CHUNK);
		this.weights.put(NATIONAL_CHUNK, 4L * this.counties.size() + 100);
		for (Map.Entry<String, List<CountyPlan>> entry : this.enterpriseCounties.entrySet()) {
			String name = ENTERPRISE_CHUNK + entry.getKey();
			this.chunks.add(name);
			this.weights.put(name, 2L * entry.getValue().stream().mapToLong(CountyPlan::enterprises).sum());
		}
		for (CountyPlan county : this.counties) {
			this.chunks.add(COUNTY_CHUNK + county.code());
			this.weights.put(COUNTY_CHUNK + county.code(), 150L * county.villages() + 50);
		}
	}

	/** Villages and enterprises to counties, in proportion to random weights. */
	private void allocate(Random random) {
		int n = this.counties.size();
		double[] villageWeights = new double[n];
		double[] enterpriseWeights = new double[n];
		for (int i = 0; i < n; i++) {
			CountyPlan county = this.counties.get(i);
			String region = this.provinces.get(county.provinceCode()).region();
			villageWeights[i] = 0.5 + random.nextDouble();
			enterpriseWeights[i] = (0.5 + random.nextDouble()) * switch (region) {
				case "EAST" -> 3.0;
				case "CENTRAL" -> 1.2;
				default -> 1.0;
			};
		}
		int[] villages = shares(Math.max(n, (int) Math.round(VILLAGES * this.scale)), villageWeights, 1);
		int[] enterprises = shares((int) Math.round(ENTERPRISES * this.scale), enterpriseWeights, 0);
		for (int i = 0; i < n; i++) {
			CountyPlan county = this.counties.get(i).with(i, villages[i], enterprises[i]);
			this.counties.set(i, county);
			this.countyByCode.put(county.code(), county);
			this.countiesByProvince.computeIfAbsent(county.provinceCode(), (key) -> new ArrayList<>()).add(county);
			if (county.enterprises() > 0) {
				this.enterpriseCounties.computeIfAbsent(county.provinceCode(), (key) -> new ArrayList<>()).add(county);
				if ("EAST".equals(this.provinces.get(county.provinceCode()).region())) {
					this.easternEnterpriseCounties.add(county);
				}
			}
		}
	}

	/**
	 * {@code total} split by weight, at least {@code minimum} each, largest remainders.
	 */
	private static int[] shares(int total, double[] weights, int minimum) {
		int n = weights.length;
		int[] result = new int[n];
		int rest = total - minimum * n;
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		Integer[] byRemainder = new Integer[n];
		double[] remainders = new double[n];
		int given = 0;
		for (int i = 0; i < n; i++) {
			double exact = rest * weights[i] / sum;
			result[i] = minimum + (int) Math.floor(exact);
			remainders[i] = exact - Math.floor(exact);
			given += (int) Math.floor(exact);
			byRemainder[i] = i;
		}
		Arrays.sort(byRemainder, (x, y) -> Double.compare(remainders[y], remainders[x]));
		for (int i = 0; i < rest - given; i++) {
			result[byRemainder[i]]++;
		}
		return result;
	}

	private void planPartners() {
		for (Map<String, String> row : this.facts.countyPairs()) {
			this.realCountyPairs.putIfAbsent(row.get("westCode"),
					"EW-" + row.get("eastCode") + "-" + row.get("westCode"));
		}
		int units = Math.max(CENTRAL_UNITS.size(), (int) Math.round(305 * this.scale));
		for (int i = 0; i < units; i++) {
			this.centralUnits.add(creditCode(MadeUp.centralUnitPrefix(i), "110000", 'U', i));
		}
		for (int i = 0; i < SOCIAL_ORGANISATIONS.size(); i++) {
			this.socialOrganisations.add(creditCode("51", "110000", 'W', i));
		}
	}

	// ---------------------------------------------------------------- national and
	// enterprises

	private Chunk nationalChunk() {
		Chunk chunk = new Chunk(NATIONAL_CHUNK);
		ChunkSink sink = new ChunkSink(chunk);
		for (Map<String, String> row : this.facts.provinces()) {
			chunk.node(GraphTable.PROVINCE,
					Chunk.props("code", row.get("code"), "name", row.get("name"), "nameEn", row.get("nameEn"), "region",
							row.get("region"), "certainty", certainty(row), "source", text(row.get("source")),
							"assistanceProgram", text(row.get("assistanceProgram")), "assistanceSource",
							text(row.get("assistanceSource")), "illustrative", false));
		}
		for (Map<String, String> row : this.facts.prefectures()) {
			chunk.node(GraphTable.PREFECTURE, Chunk.props("code", row.get("code"), "name", row.get("name"), "certainty",
					certainty(row), "source", text(row.get("source")), "illustrative", false));
		}
		for (PrefecturePlan prefecture : this.prefectures) {
			if (!prefecture.real()) {
				chunk.node(GraphTable.PREFECTURE,
						Chunk.props("code", prefecture.code(), "name", prefecture.name(), "illustrative", true));
			}
			chunk.rel(GraphTable.PREFECTURE_PART_OF, prefecture.code(), prefecture.provinceCode());
		}
		Map<String, Map<String, String>> realCounties = new HashMap<>();
		this.facts.counties().forEach((row) -> realCounties.put(row.get("code"), row));
		for (CountyPlan county : this.counties) {
			Map<String, String> row = realCounties.get(county.code());
			Long exitYear = (county.exitYear() != null) ? county.exitYear().longValue() : null;
			chunk.node(GraphTable.COUNTY,
					Chunk.props("code", county.code(), "name", county.name(), "formerlyPoor", county.formerlyPoor(),
							"exitYear", exitYear, "nationalKeyCounty", county.key(), "provincialKeyCounty", false,
							"certainty", (row != null) ? certainty(row) : null, "source",
							(row != null) ? text(row.get("source")) : null, "illustrative", row == null));
			chunk.rel(GraphTable.COUNTY_PART_OF, county.code(), county.prefectureCode());
		}
		for (int i = 0; i < this.centralUnits.size(); i++) {
			String name = CENTRAL_UNITS.get(i % CENTRAL_UNITS.size());
			if (i >= CENTRAL_UNITS.size()) {
				name = name.replaceFirst("(有限公司|大学|研究院|办公室|管理局)$", "第" + (i / CENTRAL_UNITS.size() + 1) + "$1");
			}
			sink.organisation(this.centralUnits.get(i), name, "CENTRAL_UNIT", null, "11");
		}
		for (int i = 0; i < this.socialOrganisations.size(); i++) {
			sink.organisation(this.socialOrganisations.get(i), SOCIAL_ORGANISATIONS.get(i), "SOCIAL_ORGANISATION", null,
					MadeUp.SOCIAL_ORGANISATION_PLACES.get(i));
		}
		Set<String> provincePairIds = new HashSet<>();
		for (Map<String, String> row : this.facts.provincePairs()) {
			String helper = row.get("helperCode");
			provincePairIds.add(row.get("id"));
			chunk.node(GraphTable.PAIRING, Chunk.props("id", row.get("id"), "program", row.get("program"), "startDate",
					LocalDate.parse(row.get("startDate")), "exception", Boolean.parseBoolean(row.get("exception")),
					"exceptionReason", text(row.get("exceptionReason")), "certainty", certainty(row), "source",
					text(row.get("source")), "kind", (helper.length() == 2) ? "PROVINCE_PAIR" : "CITY_PAIR", "status",
					ACTIVE, "centralArrangement", Boolean.parseBoolean(row.get("centralArrangement")), "illustrative",
					false));
			chunk.rel(GraphTable.HELPER_PLACE, row.get("id"), helper);
			chunk.rel(GraphTable.RECIPIENT_PLACE, row.get("id"), row.get("recipientCode"));
		}
		for (Map<String, String> row : this.facts.provincePairs()) {
			// A city pair sits under its provinces' pair, as the seed loader places it.
			String helper = row.get("helperCode");
			String parent = "EW-" + helper.substring(0, 2) + "-" + row.get("recipientCode").substring(0, 2);
			if ("EAST_WEST".equals(row.get("program")) && helper.length() > 2 && provincePairIds.contains(parent)) {
				chunk.rel(GraphTable.UNDER, row.get("id"), parent);
			}
		}
		for (Map<String, String> row : this.facts.countyPairs()) {
			String east = row.get("eastCode");
			String west = row.get("westCode");
			String id = "EW-" + east + "-" + west;
			String startYear = text(row.get("startYear"));
			chunk.node(GraphTable.PAIRING, Chunk.props("id", id, "program", "EAST_WEST", "kind", "COUNTY_PAIR",
					"startDate", (startYear != null) ? LocalDate.of(Integer.parseInt(startYear), 1, 1) : null,
					"startDatePrecision", (startYear != null) ? "YEAR" : null, "status", ACTIVE, "exception", false,
					"certainty", certainty(row), "source", text(row.get("source")), "illustrative", false));
			chunk.rel(GraphTable.HELPER_PLACE, id, east);
			chunk.rel(GraphTable.RECIPIENT_PLACE, id, west);
			String parent = "EW-" + east.substring(0, 2) + "-" + west.substring(0, 2);
			if (provincePairIds.contains(parent)) {
				chunk.rel(GraphTable.UNDER, id, parent);
			}
		}
		return chunk;
	}

	private Chunk enterpriseChunk(String provinceCode) {
		Chunk chunk = new Chunk(ENTERPRISE_CHUNK + provinceCode);
		ChunkSink sink = new ChunkSink(chunk);
		for (CountyPlan county : this.enterpriseCounties.getOrDefault(provinceCode, List.of())) {
			Random random = new Random(mix(this.seed, ENTERPRISE_CHUNK + county.code()));
			boolean west = "WEST".equals(this.provinces.get(provinceCode).region());
			String prefix = shortName(county.name());
			for (int i = 0; i < county.enterprises(); i++) {
				boolean stateOwned = random.nextDouble() < (west ? 0.2 : 0.08);
				String name = prefix + pick(random, BRANDS) + pick(random, INDUSTRIES)
						+ (stateOwned ? "投资发展集团有限公司" : "有限公司");
				sink.organisation(enterprise(county, i), name, "ENTERPRISE", stateOwned ? "STATE_OWNED" : "PRIVATE",
						county.code());
			}
		}
		return chunk;
	}

	/**
	 * The credit code of a county's i-th enterprise: computable without generating it.
	 */
	private static String enterprise(CountyPlan county, int index) {
		return creditCode("91", county.code(), 'E', index);
	}

	/**
	 * A unified social credit code with the GB 32100-2015 check character; the letter and
	 * the index make it unique among everything generated for that region.
	 */
	static String creditCode(String prefix, String region, char role, long index) {
		StringBuilder code = new StringBuilder(18).append(prefix).append(region).append(role);
		String digits = Long.toString(index, 31);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			body.append(CREDIT_CHARS.charAt(Character.digit(digits.charAt(i), 31)));
		}
		code.append("0".repeat(8 - body.length())).append(body);
		return code.append(checkCharacter(code)).toString();
	}

	/** The check character of GB 32100-2015 over the first 17 characters. */
	static char checkCharacter(CharSequence first17) {
		return MadeUp.checkCharacter(first17);
	}

	// ---------------------------------------------------------------- one county

	/** Everything below one county, generated from its own random sequence. */
	private final class CountyGenerator implements MadeUpGenerator.Places {

		private final CountyPlan county;

		private final ProvincePlan province;

		private final Random random;

		private final Chunk chunk;

		private final String department;

		private final List<String> cooperatives = new ArrayList<>();

		private final List<Village> villages = new ArrayList<>();

		private final Map<String, String> townshipGovernments = new HashMap<>();

		private final Map<String, Village> villageByCode = new HashMap<>();

		private final MadeUpGenerator made;

		private final ChunkSink sink;

		private final Set<String> funds = new HashSet<>();

		private final List<Asset> assets = new ArrayList<>();

		private Assistance designated;

		private String countyPairId;

		CountyGenerator(CountyPlan county) {
			this.county = county;
			this.province = NationalGenerator.this.provinces.get(county.provinceCode());
			this.random = new Random(mix(NationalGenerator.this.seed, COUNTY_CHUNK + county.code()));
			this.chunk = new Chunk(COUNTY_CHUNK + county.code());
			this.sink = new ChunkSink(this.chunk);
			this.department = creditCode("11", county.code(), 'D', 0);
			this.made = new MadeUpGenerator(this.random, MadeUpGenerator.Profile.NATIONAL,
					NationalGenerator.this.partners, this, false);
		}

		Chunk generate() {
			this.sink.organisation(this.department, this.county.name() + "乡村振兴局", "GOVERNMENT_DEPARTMENT", null,
					this.county.code());
			places();
			countyPairings();
			for (Village village : this.villages) {
				villagePairings(village);
			}
			for (Village village : this.villages) {
				villageAssets(village);
			}
			for (int i = 0; i < 3; i++) {
				countyAsset();
			}
			for (Asset asset : this.assets) {
				this.made.relations(asset);
				this.made.status(asset);
				this.made.incomes(asset);
			}
			this.made.projects(this.assets, this.sink);
			this.assets.forEach((asset) -> MadeUpGenerator.write(asset, this.sink));
			return this.chunk;
		}

		// places, organisations, households

		private void places() {
			int villageCount = this.county.villages();
			int townships = (int) Math.max(Math.max(1, Math.round(villageCount / 12.9)), (villageCount + 149) / 150);
			townships = Math.min(townships, 95);
			Set<String> names = new HashSet<>();
			int village = 0;
			for (int t = 0; t < townships; t++) {
				String code = this.county.code() + (104 + t);
				String name = placeName(this.random, names, (this.random.nextInt(3) == 0) ? "乡" : "镇");
				this.sink.township(code, name, this.county.code());
				String government = creditCode("11", this.county.code(), 'T', t);
				this.sink.organisation(government, name + "人民政府", "GOVERNMENT_DEPARTMENT", null, code);
				this.townshipGovernments.put(code, government);
				int count = villageCount / townships + ((t < villageCount % townships) ? 1 : 0);
				for (int j = 0; j < count; j++, village++) {
					village(code, this.county.code() + (104 + t) + (201 + j), village, names);
				}
			}
		}

		private void village(String township, String code, int index, Set<String> names) {
			MadeVillage made = this.made.village(code, township, this.county.formerlyPoor(), names, this.sink);
			String name = made.name();
			String collective = creditCode("N1", this.county.code(), 'C', index);
			this.sink.organisation(collective, name + "股份经济合作社", "COLLECTIVE", null, code);
			if (index % 4 == 0) {
				String cooperative = creditCode("N2", this.county.code(), 'K', index);
				this.sink.organisation(cooperative, name + "种养殖专业合作社", "COOPERATIVE", null, code);
				this.cooperatives.add(cooperative);
			}
			Village village = new Village(code, name, township, made.formerlyPoor(), made.key(), collective,
					new ArrayList<>(), new ArrayList<>());
			for (Household household : this.made.households(code, this.county.code(), made.formerlyPoor(), this.sink)) {
				village.households().add(household.no());
				if (household.formerlyPoor()) {
					village.poorHouseholds().add(household.no());
				}
			}
			this.villages.add(village);
			this.villageByCode.put(code, village);
		}

		@Override
		public String person(String role, String organisation) {
			String id = "P" + this.county.code() + String.format(Locale.ROOT, "%06d", next("person"));
			this.sink.person(id, fakeName(), role, organisation);
			return id;
		}

		// pairings

		private void countyPairings() {
			String parent = NationalGenerator.this.partners.eastWestPairings().get(this.province.code());
			String helperProvince = NationalGenerator.this.partners.helpers().get(this.province.code());
			this.countyPairId = NationalGenerator.this.realCountyPairs.get(this.county.code());
			if (this.county.formerlyPoor() && helperProvince != null && this.countyPairId == null) {
				String helper = pick(this.random, countiesIn(helperProvince)).code();
				this.countyPairId = "CP-" + helper + "-" + this.county.code();
				pairing(this.countyPairId, "EAST_WEST", "COUNTY_PAIR", helper, this.county.code(), parent,
						dateIn(date(2021, 5, 1), date(2021, 9, 30)), null, 0);
			}
			if (this.county.formerlyPoor() && (this.county.key() || this.random.nextBoolean())) {
				String unit = pick(this.random, NationalGenerator.this.centralUnits);
				LocalDate start = dateIn(date(2021, 3, 1), date(2021, 9, 30));
				String id = "DA-" + unit + "-" + this.county.code();
				this.designated = new Assistance(id, unit, start);
				pairing(id, "DESIGNATED_ASSISTANCE", pick(this.random, "INDUSTRY TALENT CONSUMPTION".split(" ")), unit,
						this.county.code(), null, start, null, 10_000 * between(500, 5_000));
				staff(id, person("LIAISON", unit), "LIAISON", start);
			}
			if (this.county.key() && helperProvince != null) {
				groupAid(parent, helperProvince, GraphTable.HOSPITAL, "HOSPITAL", "HOSPITAL_GROUP", "HG-", "MEDICAL",
						'H', 'J', "人民医院", "仁和医院");
				groupAid(parent, helperProvince, GraphTable.SCHOOL, "SCHOOL", "SCHOOL_GROUP", "SG-", "EDUCATION", 'X',
						'Y', "实验中学", "育才学校");
			}
		}

		/** 组团式帮扶: an eastern hospital or school helps the county's own. */
		private void groupAid(String parent, String helperProvince, GraphTable table, String kind, String program,
				String prefix, String pairingKind, char westRole, char eastRole, String westSuffix, String eastSuffix) {
			CountyPlan east = pick(this.random, countiesIn(helperProvince));
			String eastCode = creditCode("12", east.code(), eastRole, this.county.index());
			String westCode = creditCode("12", this.county.code(), westRole, 0);
			this.sink.organisation(eastCode, east.name() + eastSuffix + "(" + this.county.code() + ")", kind, null,
					east.code());
			this.sink.organisation(westCode, this.county.name() + westSuffix, kind, null, this.county.code());
			pairing(prefix + eastCode + "-" + westCode, program, pairingKind, eastCode, westCode, parent,
					dateIn(date(2021, 6, 1), date(2022, 12, 31)), null, 0);
		}

		private void villagePairings(Village village) {
			if (this.random.nextDouble() < 0.25) {
				String enterprise = enterpriseFor();
				if (enterprise != null) {
					String kind = pick(this.random, "INDUSTRY EMPLOYMENT CONSUMPTION PUBLIC_WELFARE TALENT".split(" "));
					LocalDate start = dateIn(date(2019, 1, 1), date(2024, 12, 31));
					boolean ended = this.random.nextDouble() < 0.1 && start.isBefore(date(2023, 7, 1));
					LocalDate end = ended ? dateIn(start.plusYears(1), date(2024, 12, 31)) : null;
					String id = "EV-" + enterprise + "-" + village.code();
					pairing(id, "ENTERPRISE_VILLAGE", kind, enterprise, village.code(), null, start, end,
							10_000 * between(10, 500));
					if (("INDUSTRY".equals(kind) || PUBLIC_WELFARE.equals(kind)) && start.isBefore(date(2024, 7, 1))) {
						village.links().add(new Link(id, enterprise, kind, start, end));
					}
				}
			}
			if (village.key() || (village.formerlyPoor() && this.random.nextDouble() < 0.15)) {
				String unit = (this.designated != null && this.random.nextBoolean()) ? this.designated.helper()
						: this.department;
				LocalDate start = dateIn(date(2021, 5, 1), date(2024, 6, 30));
				String id = "RC-" + unit + "-" + village.code();
				pairing(id, "RESIDENT_CADRE", "STATIONED", unit, village.code(), null, start, null, 0);
				staff(id, person("FIRST_SECRETARY", unit), "FIRST_SECRETARY", start);
			}
		}

		/** Local ones, the partner province's, or any eastern enterprise. */
		private String enterpriseFor() {
			double draw = this.random.nextDouble();
			List<CountyPlan> local = NationalGenerator.this.enterpriseCounties.getOrDefault(this.province.code(),
					List.of());
			String helper = NationalGenerator.this.partners.helpers().get(this.province.code());
			List<CountyPlan> helping = (helper != null)
					? NationalGenerator.this.enterpriseCounties.getOrDefault(helper, List.of()) : List.of();
			List<CountyPlan> from = (draw < 0.3
					|| (helping.isEmpty() && NationalGenerator.this.easternEnterpriseCounties.isEmpty())) ? local
							: (draw < 0.75 && !helping.isEmpty()) ? helping
									: NationalGenerator.this.easternEnterpriseCounties;
			if (from.isEmpty()) {
				return null;
			}
			CountyPlan county = pick(this.random, from);
			return enterprise(county, this.random.nextInt(county.enterprises()));
		}

		private void pairing(String id, String program, String kind, String helper, String recipient, String parent,
				LocalDate start, LocalDate end, long investmentYuan) {
			this.sink.pairing(id, program, kind, helper, recipient, parent, start, end,
					(end != null) ? "ENDED" : ACTIVE, investmentYuan * 100);
		}

		private void staff(String pairing, String person, String role, LocalDate start) {
			this.sink.staff(pairing, person, role, start, null);
		}

		// assets

		private void villageAssets(Village village) {
			Set<String> names = new HashSet<>();
			int count = Math.max(4 + this.random.nextInt(5), village.links().size());
			for (int i = 0; i < count; i++) {
				if (i < village.links().size()) {
					linkedAsset(village, village.links().get(i), names);
					continue;
				}
				double draw = this.random.nextDouble();
				AssetType type = pick(this.random,
						types((draw < 0.4) ? PUBLIC_WELFARE : (draw < 0.8) ? OPERATING : ASSIGNED));
				int year = FIRST_YEAR + this.random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
				boolean assigned = ASSIGNED.equals(type.group());
				int household = this.random.nextInt(4);
				String name = village.name() + label(type, year) + (assigned ? "(第" + (household + 1) + "户)" : "");
				Asset asset = asset(village, type, this.made.dateIn(date(year, 1, 15), date(year, 12, 20)),
						this.made.unique(names, name), null);
				if (assigned) {
					this.made.own(asset, village.households().get(household), 100_00, asset.completion, null);
				}
			}
		}

		private void linkedAsset(Village village, Link link, Set<String> names) {
			boolean industry = "INDUSTRY".equals(link.kind());
			String wanted = pick(this.random, (industry ? "GREENHOUSE PROCESSING_PLANT WORKSHOP COLD_STORE ORCHARD"
					: "ROAD WATER_SUPPLY SERVICE_CENTRE")
				.split(" "));
			AssetType type = types(industry ? OPERATING : PUBLIC_WELFARE).stream()
				.filter((candidate) -> candidate.type().equals(wanted))
				.findFirst()
				.orElseThrow();
			LocalDate completion = this.made.dateIn(link.start().plusDays(60),
					(link.end() != null) ? link.end() : date(LAST_YEAR, 12, 31));
			asset(village, type, completion,
					this.made.unique(names, village.name() + label(type, completion.getYear())), link);
		}

		private void countyAsset() {
			AssetType type = pick(this.random, types("COUNTY"));
			int year = FIRST_YEAR + this.random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
			String name = this.county.name() + pick(this.random, this.villages).name() + type.label();
			asset(null, type, this.made.dateIn(date(year, 3, 1), date(year, 12, 20)), name, null);
		}

		private Asset asset(Village village, AssetType type, LocalDate completion, String name, Link link) {
			MadeUpGenerator.Village site = (village != null)
					? new MadeUpGenerator.Village(village.code(), village.name(), village.township()) : null;
			Asset asset = this.made.asset(site, this.county.code(), this.county.name(), type, completion, name, link);
			this.assets.add(asset);
			return asset;
		}

		@Override
		public String department(String countyCode) {
			return this.department;
		}

		@Override
		public String collective(String villageCode) {
			return this.villageByCode.get(villageCode).collective();
		}

		@Override
		public String townshipGovernment(String townshipCode) {
			return this.townshipGovernments.get(townshipCode);
		}

		@Override
		public List<String> households(String villageCode) {
			return this.villageByCode.get(villageCode).households();
		}

		@Override
		public List<String> poorHouseholds(String villageCode) {
			return this.villageByCode.get(villageCode).poorHouseholds();
		}

		@Override
		public List<String> cooperatives(Asset asset) {
			return this.cooperatives;
		}

		/** An enterprise by half, else a cooperative of the county. */
		@Override
		public String operator(Asset asset) {
			String enterprise = this.random.nextBoolean() ? enterpriseFor() : null;
			return (enterprise != null) ? enterprise : pick(this.random, this.cooperatives);
		}

		@Override
		public String equityPartner(Asset asset) {
			String enterprise = enterpriseFor();
			return (enterprise != null) ? enterprise : operator(asset);
		}

		@Override
		public List<String> neighbourCollectives(Asset asset) {
			return List.of();
		}

		@Override
		public String countyPairing(String countyCode) {
			return this.countyPairId;
		}

		@Override
		public Assistance designated(String countyCode) {
			return this.designated;
		}

		@Override
		public List<String> donors() {
			return NationalGenerator.this.socialOrganisations;
		}

		/**
		 * Never asked: the national profile names no helper, since an enterprise's name
		 * is drawn in its province's chunk, not in the county's.
		 */
		@Override
		public String organisationName(String creditCode) {
			throw new IllegalStateException("A county of the national dataset does not know the name of " + creditCode);
		}

		// helpers

		private List<CountyPlan> countiesIn(String provinceCode) {
			return NationalGenerator.this.countiesByProvince.get(provinceCode);
		}

		private int next(String counter) {
			return this.made.next(counter);
		}

		private String fakeName() {
			return this.made.personName();
		}

		private LocalDate dateIn(LocalDate from, LocalDate to) {
			return this.made.dateIn(from, to);
		}

		private long between(long min, long max) {
			return this.made.between(min, max);
		}

	}

	// ---------------------------------------------------------------- shared helpers

	private static Integer exitYear(Random random) {
		// The year the exit was approved, as in seed/places/counties.csv: of the 832, 28
		// in
		// 2017, 125 in 2018, 283 in 2019 and the last 396 in 2020.
		int draw = random.nextInt(832);
		return (draw < 28) ? 2017 : (draw < 153) ? 2018 : (draw < 436) ? 2019 : 2020;
	}

	private static String shortName(String name) {
		return (name.length() > 2) ? name.substring(0, name.length() - 1) : name;
	}

	private static String certainty(Map<String, String> row) {
		String certainty = text(row.get("certainty"));
		return (certainty != null) ? certainty.toUpperCase(Locale.ROOT) : null;
	}

	private static String text(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	private static <T> T pick(Random random, T[] array) {
		return array[random.nextInt(array.length)];
	}

	private static char pick(Random random, String characters) {
		return characters.charAt(random.nextInt(characters.length()));
	}

	/** A seed for one named random sequence (SplitMix64 finaliser). */
	private static long mix(long seed, String name) {
		long z = seed * 0x9E3779B97F4A7C15L + name.hashCode();
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	record ProvincePlan(String code, String name, String region) {
	}

	record PrefecturePlan(String code, String name, String provinceCode, boolean real) {
	}

	/**
	 * A county of the plan: its flags, and how many villages and enterprises it gets.
	 */
	record CountyPlan(String code, String name, String prefectureCode, String provinceCode, boolean real,
			boolean formerlyPoor, Integer exitYear, boolean key, int index, int villages, int enterprises) {

		CountyPlan(String code, String name, String prefectureCode, String provinceCode, boolean real,
				boolean formerlyPoor, Integer exitYear, boolean key) {
			this(code, name, prefectureCode, provinceCode, real, formerlyPoor, exitYear, key, -1, 0, 0);
		}

		CountyPlan with(int index, int villages, int enterprises) {
			return new CountyPlan(this.code, this.name, this.prefectureCode, this.provinceCode, this.real,
					this.formerlyPoor, this.exitYear, this.key, index, villages, enterprises);
		}

	}

	private record Village(String code, String name, String township, boolean formerlyPoor, boolean key,
			String collective, List<String> households, List<String> poorHouseholds, List<Link> links) {

		Village(String code, String name, String township, boolean formerlyPoor, boolean key, String collective,
				List<String> households, List<String> poorHouseholds) {
			this(code, name, township, formerlyPoor, key, collective, households, poorHouseholds, new ArrayList<>());
		}

	}

}
