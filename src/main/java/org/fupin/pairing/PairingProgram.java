package org.fupin.pairing;

/** See {@code schema/pairing.graphqls}: the values are stored as these names. */
public enum PairingProgram {

	EAST_WEST("东西部协作", "east-west cooperation"), COUNTERPART_SUPPORT("对口支援", "counterpart support"),
	DESIGNATED_ASSISTANCE("定点帮扶", "designated assistance"), ENTERPRISE_VILLAGE("万企兴万村", "enterprise-village link"),
	HOSPITAL_GROUP("组团式医疗帮扶", "group-style hospital aid"), SCHOOL_GROUP("组团式教育帮扶", "group-style school aid"),
	RESIDENT_CADRE("驻村帮扶", "resident cadre");

	private final String chinese;

	private final String english;

	PairingProgram(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	String chinese() {
		return this.chinese;
	}

	String english() {
		return this.english;
	}

}
