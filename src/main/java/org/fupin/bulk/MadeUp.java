package org.fupin.bulk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fupin.party.PartyRules;

/**
 * The vocabulary of made-up data: the kinds of assets with their value ranges and custody
 * duties, the pools names are drawn from, the check characters of credit codes and ID
 * numbers, and the records an asset's history is made of. {@link MadeUpGenerator} makes
 * them, for the national dataset ({@link NationalGenerator}) and the committed
 * illustrative seed ({@code org.fupin.seed.IllustrativeSeedGenerator}) alike.
 */
public final class MadeUp {

	/** The first year an asset is completed in. */
	public static final int FIRST_YEAR = 2016;

	/** The last year an asset is completed in. */
	public static final int LAST_YEAR = 2024;

	/** The 31 characters of a unified social credit code (GB 32100-2015). */
	public static final String CREDIT_CHARS = PartyRules.CREDIT_CHARS;

	public static final String PLACE_HEADS = "青石河柳桃松龙凤金白黄马新东西南北大小高上中长平安永太双红杨梅竹兰花云沙岩乌鹿";

	public static final String PLACE_TAILS = "山口树门坪坝田溪岭沟湾塘林峰桥寨关洞江庄营场坡冲垭源台堡";

	/** The fifty commonest surnames. */
	public static final String COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜";

	/** The hundred commonest surnames. */
	public static final String SURNAMES = COMMON_SURNAMES + "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔向汤";

	public static final String GIVEN_NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国文辉林云海波红梅春燕志成德永福贵才兴荣";

	public static final List<String> BRANDS = words(
			"华禾 绿源 丰泽 瑞康 鑫盛 嘉禾 恒信 金穗 天润 润丰 宏图 益农 博远 康达 优品 富民 沃土 青禾 联创 汇通 泰和 安盛 锦程 远航");

	public static final List<String> INDUSTRIES = words("农业科技 食品 电子商务 生物科技 茶业 供应链管理 纺织服饰 新能源科技 建设工程 文化旅游发展 冷链物流 中药材");

	/**
	 * Fictional central units: six state-owned enterprises, three universities, a
	 * research institute and two central departments.
	 */
	public static final List<String> CENTRAL_UNITS = words(
			"华夏能源集团有限公司 中华建设工程集团有限公司 神州电网投资有限公司 华远物流集团有限公司 华夏农业发展集团有限公司 东方通信集团有限公司 华夏农业大学 东方理工大学 北方林业大学 国家乡村产业发展研究院 国家山区开发协调办公室 国家特色农产品流通管理局");

	/** Where each of {@link #SOCIAL_ORGANISATIONS} is registered (a province code). */
	public static final List<String> SOCIAL_ORGANISATION_PLACES = List.of("11", "33", "44", "32", "35");

	public static final List<String> SOCIAL_ORGANISATIONS = words("华夏乡村发展基金会 浙江益农公益基金会 广东扶贫济困促进会 江苏助学公益基金会 福建山海协作促进会");

	/** Category (COUNTY: cross-village works), type, name, yuan range, custody duty. */
	public static final List<AssetType> ASSET_TYPES = """
			PUBLIC_WELFARE ROAD 通组公路 300000 3000000 日常巡查、路面清扫、小修保养
			PUBLIC_WELFARE BRIDGE 便民桥 200000 1500000 日常巡查、安全警示、维修养护
			PUBLIC_WELFARE WATER_SUPPLY 安全饮水工程 100000 1000000 水源保护、管网巡检、水质监测
			PUBLIC_WELFARE IRRIGATION 灌溉水渠 100000 800000 渠道清淤、闸阀维护、用水调度
			PUBLIC_WELFARE SCHOOL_BUILDING 小学教学楼 500000 3000000 校舍安全巡查、维修养护
			PUBLIC_WELFARE CLINIC 卫生室 100000 500000 房屋设备维护、日常保洁
			PUBLIC_WELFARE SERVICE_CENTRE 综合服务中心 200000 1000000 日常管理、维修养护
			OPERATING PV_STATION 光伏电站 300000 1200000 日常巡查、设施设备维护
			OPERATING WORKSHOP 就业帮扶车间 500000 2000000 日常巡查、设施设备维护
			OPERATING COLD_STORE 冷库 300000 1500000 日常巡查、设施设备维护
			OPERATING GREENHOUSE 蔬菜大棚 100000 800000 日常巡查、设施设备维护
			OPERATING LIVESTOCK_SHED 养殖小区 100000 600000 日常巡查、设施设备维护
			OPERATING PROCESSING_PLANT 农产品加工厂 800000 3000000 日常巡查、设施设备维护
			OPERATING ORCHARD 经果林基地 100000 600000 日常巡查、设施设备维护
			OPERATING EQUITY 产业入股资产 200000 1000000 日常巡查、设施设备维护
			ASSIGNED LIVESTOCK 到户能繁母牛 5000 30000 -
			ASSIGNED FARM_MACHINERY 到户农机具 5000 50000 -
			ASSIGNED GREENHOUSE 到户大棚 10000 50000 -
			ASSIGNED ORCHARD 到户果园 5000 30000 -
			COUNTY ROAD 公路 1000000 10000000 日常巡查、路面养护、水毁修复
			COUNTY BRIDGE 大桥 1000000 8000000 桥梁定期检测、维修养护
			COUNTY WATER_SUPPLY 城乡供水一体化工程 2000000 10000000 水源保护、管网巡检、水质监测
			COUNTY IRRIGATION 灌区渠系配套工程 1000000 6000000 渠系巡查、清淤维护、用水调度
			""".lines().map(AssetType::parse).toList();

	private MadeUp() {
	}

	/**
	 * A kind of asset.
	 *
	 * @param group its category, or COUNTY for cross-village public works
	 * @param type the asset type
	 * @param label its name in Chinese
	 * @param minYuan the least original value, in yuan
	 * @param maxYuan the greatest original value, in yuan
	 * @param duty the custody duty, or null for an asset its household manages
	 */
	public record AssetType(String group, String type, String label, long minYuan, long maxYuan, String duty) {

		static AssetType parse(String line) {
			String[] f = line.split(" ");
			return new AssetType(f[0], f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]),
					"-".equals(f[5]) ? null : f[5]);
		}

		/** The asset category: cross-village works are public welfare. */
		public String category() {
			return "COUNTY".equals(this.group) ? "PUBLIC_WELFARE" : this.group;
		}

	}

	/** The check character of GB 32100-2015 over the first 17 characters. */
	public static char checkCharacter(CharSequence first17) {
		return PartyRules.creditCheckCharacter(first17);
	}

	/**
	 * The check character of a resident ID number (GB 11643) over its first 17 digits.
	 */
	public static char idCheckCharacter(CharSequence first17) {
		return PartyRules.idCheckCharacter(first17);
	}

	/**
	 * The credit-code prefix of the {@code i}-th central unit: an enterprise (91), a
	 * public institution (12) or an organ of state (11), by {@link #CENTRAL_UNITS}.
	 */
	public static String centralUnitPrefix(int i) {
		int kind = i % CENTRAL_UNITS.size();
		return (kind < 6) ? "91" : (kind < 10) ? "12" : "11";
	}

	/** A made-up name: a surname and one or two given characters. */
	public static String personName(Random random, String surnames) {
		String name = "" + pick(random, surnames) + pick(random, GIVEN_NAMES);
		return random.nextBoolean() ? name + pick(random, GIVEN_NAMES) : name;
	}

	public static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	public static char pick(Random random, String characters) {
		return characters.charAt(random.nextInt(characters.length()));
	}

	/**
	 * A custody period of a made-up asset: the custodian organisation and responsible
	 * person (null when none is named); {@code to} exclusive, null while current.
	 */
	public record Custody(String custodianCode, String personId, String duty, LocalDate from, LocalDate to) {

		public Custody until(LocalDate date) {
			return new Custody(this.custodianCode, this.personId, this.duty, this.from, date);
		}

		/** This period, cut short at {@code date} when it runs past it. */
		public Custody endingBy(LocalDate date) {
			return (this.to == null || this.to.isAfter(date)) ? until(date) : this;
		}

	}

	/** An operation contract of a made-up asset; rent in fen a year. */
	public record Contract(String operatorCode, String mode, LocalDate start, LocalDate end, long rent) {

		/** This contract, ended at {@code date} when it runs past it. */
		public Contract endingBy(LocalDate date) {
			return this.end.isAfter(date) ? new Contract(this.operatorCode, this.mode, this.start, date, this.rent)
					: this;
		}

	}

	/**
	 * The disposal of a made-up asset; proceeds in fen, transferee null unless sold or
	 * given.
	 */
	public record Disposal(String mode, LocalDate date, String approvalRef, long proceeds, String transfereeCode) {
	}

	/** A year's income of a made-up asset in fen, and what it was used for. */
	public record Income(int year, long amount, List<Use> uses) {
	}

	/** One use of an income in fen, with each beneficiary's amount in the order given. */
	public record Use(String kind, long amount, Map<String, Long> beneficiaries) {

		/**
		 * A use split evenly among {@code beneficiaries}; the last takes the remainder.
		 */
		public static Use split(String kind, long amount, List<String> beneficiaries) {
			Map<String, Long> shares = new LinkedHashMap<>();
			for (int i = 0; i < beneficiaries.size(); i++) {
				long each = amount / beneficiaries.size();
				shares.put(beneficiaries.get(i), (i == beneficiaries.size() - 1) ? amount - each * i : each);
			}
			return new Use(kind, amount, shares);
		}

	}

	private static List<String> words(String text) {
		return List.of(text.split(" "));
	}

}
