package org.fupin.pairing;

import java.util.EnumSet;
import java.util.Set;

/** Kind of pair or of help; which kinds each program allows is a validation rule. */
public enum PairingKind {

	PROVINCE_PAIR, CITY_PAIR, COUNTY_PAIR, INDUSTRY, EMPLOYMENT, CONSUMPTION, PUBLIC_WELFARE, TALENT, MEDICAL,
	EDUCATION, STATIONED;

	private static final Set<PairingKind> HELP = EnumSet.of(INDUSTRY, EMPLOYMENT, CONSUMPTION, PUBLIC_WELFARE, TALENT);

	/** The kinds a pairing of {@code program} may have. */
	static Set<PairingKind> allowedFor(PairingProgram program) {
		return switch (program) {
			case EAST_WEST, COUNTERPART_SUPPORT -> EnumSet.of(PROVINCE_PAIR, CITY_PAIR, COUNTY_PAIR);
			case DESIGNATED_ASSISTANCE, ENTERPRISE_VILLAGE -> HELP;
			case HOSPITAL_GROUP -> EnumSet.of(MEDICAL);
			case SCHOOL_GROUP -> EnumSet.of(EDUCATION);
			case RESIDENT_CADRE -> EnumSet.of(STATIONED);
		};
	}

}
