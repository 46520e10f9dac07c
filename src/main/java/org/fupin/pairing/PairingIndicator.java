package org.fupin.pairing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The yearly indicators (年度帮扶指标) a pairing reports against its agreement, each with its
 * unit, and the one table of which indicators each program carries and where each
 * figure's actual value comes from ({@link #carriedBy}). See
 * {@code schema/pairing.graphqls}.
 */
public enum PairingIndicator {

	FISCAL_AID(Unit.YUAN, "财政援助资金"), CADRES_SENT(Unit.PERSONS, "选派挂职干部"), CADRES_RECEIVED(Unit.PERSONS, "接收挂职干部"),
	PROFESSIONALS_SENT(Unit.PERSONS, "选派专业技术人才"), PROFESSIONALS_RECEIVED(Unit.PERSONS, "接收专业技术人才"),
	RURAL_LABOUR_EMPLOYED(Unit.PERSONS, "农村劳动力转移就业"), CONSUMPTION_PURCHASES(Unit.YUAN, "消费帮扶采购"),
	INDUSTRIAL_PARKS(Unit.COUNT, "共建产业园区"), ENTERPRISES_SETTLED(Unit.COUNT, "引导落地企业"),
	ENTERPRISE_INVESTMENT(Unit.YUAN, "企业投资"), DONATIONS(Unit.YUAN, "捐赠"), JOBS(Unit.PERSONS, "带动就业"),
	PEOPLE_TRAINED(Unit.PERSONS, "培训人员"), DOCTORS_TRAINED(Unit.PERSONS, "培训医务人员"),
	TEACHERS_TRAINED(Unit.PERSONS, "培训教师"), TECHNIQUES_INTRODUCED(Unit.COUNT, "引进新技术新项目");

	/** What a figure counts. */
	public enum Unit {

		/** 元: money, stored in fen, shown as {@code Money}. */
		YUAN,
		/** 人: persons. */
		PERSONS,
		/** 个: things counted (parks, enterprises, techniques). */
		COUNT;

		public boolean money() {
			return this == YUAN;
		}

	}

	/** Where the actual value of a figure comes from. */
	public enum Origin {

		/** 填报: recorded by the coordination office with recordPairingResults. */
		RECORDED,
		/**
		 * 由资金推算: the year's fund sources paid through the pairing ({@code THROUGH}), what
		 * they paid to projects ({@code FUNDED}).
		 */
		DERIVED_FROM_FUNDS,
		/**
		 * 由派驻人员推算: distinct people staffed on the pairing ({@code STAFFED_BY}) whose term
		 * overlaps the year.
		 */
		DERIVED_FROM_STAFF;

		boolean derived() {
			return this != RECORDED;
		}

	}

	private static final Map<PairingProgram, Map<PairingIndicator, Origin>> CARRIED = new EnumMap<>(
			PairingProgram.class);

	static {
		carry(PairingProgram.EAST_WEST, FISCAL_AID, Origin.DERIVED_FROM_FUNDS, CADRES_SENT, Origin.DERIVED_FROM_STAFF,
				CADRES_RECEIVED, Origin.RECORDED, PROFESSIONALS_SENT, Origin.RECORDED, PROFESSIONALS_RECEIVED,
				Origin.RECORDED, RURAL_LABOUR_EMPLOYED, Origin.RECORDED, CONSUMPTION_PURCHASES, Origin.RECORDED,
				INDUSTRIAL_PARKS, Origin.RECORDED, ENTERPRISES_SETTLED, Origin.RECORDED, ENTERPRISE_INVESTMENT,
				Origin.RECORDED);
		carry(PairingProgram.COUNTERPART_SUPPORT, FISCAL_AID, Origin.DERIVED_FROM_FUNDS, CADRES_SENT,
				Origin.DERIVED_FROM_STAFF, PROFESSIONALS_SENT, Origin.RECORDED);
		carry(PairingProgram.DESIGNATED_ASSISTANCE, FISCAL_AID, Origin.DERIVED_FROM_FUNDS, CADRES_SENT,
				Origin.DERIVED_FROM_STAFF, CONSUMPTION_PURCHASES, Origin.RECORDED, PEOPLE_TRAINED, Origin.RECORDED);
		// 万企兴万村 ledger: investment agreed (target) and received (actual), donations
		// (the enterprise's donation funds paid through the link), jobs, people trained.
		carry(PairingProgram.ENTERPRISE_VILLAGE, ENTERPRISE_INVESTMENT, Origin.RECORDED, DONATIONS,
				Origin.DERIVED_FROM_FUNDS, JOBS, Origin.RECORDED, PEOPLE_TRAINED, Origin.RECORDED);
		carry(PairingProgram.HOSPITAL_GROUP, PROFESSIONALS_SENT, Origin.RECORDED, DOCTORS_TRAINED, Origin.RECORDED,
				TECHNIQUES_INTRODUCED, Origin.RECORDED);
		carry(PairingProgram.SCHOOL_GROUP, PROFESSIONALS_SENT, Origin.RECORDED, TEACHERS_TRAINED, Origin.RECORDED);
		carry(PairingProgram.RESIDENT_CADRE);
	}

	private final Unit unit;

	private final String chinese;

	PairingIndicator(Unit unit, String chinese) {
		this.unit = unit;
		this.chinese = chinese;
	}

	public Unit unit() {
		return this.unit;
	}

	public String chinese() {
		return this.chinese;
	}

	/**
	 * The indicators a pairing of {@code program} reports, in reporting order, each with
	 * where its actual value comes from. Resident cadres report none: a cadre's work
	 * shows in the village's own figures.
	 */
	public static Map<PairingIndicator, Origin> carriedBy(PairingProgram program) {
		return CARRIED.get(program);
	}

	private static void carry(PairingProgram program, Object... indicatorsAndOrigins) {
		Map<PairingIndicator, Origin> carried = new LinkedHashMap<>();
		for (int i = 0; i < indicatorsAndOrigins.length; i += 2) {
			carried.put((PairingIndicator) indicatorsAndOrigins[i], (Origin) indicatorsAndOrigins[i + 1]);
		}
		CARRIED.put(program, Collections.unmodifiableMap(carried));
	}

}
