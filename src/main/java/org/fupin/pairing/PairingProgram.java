package org.fupin.pairing;

/** See {@code schema/pairing.graphqls}: the values are stored as these names. */
public enum PairingProgram {

	EAST_WEST, COUNTERPART_SUPPORT, DESIGNATED_ASSISTANCE, ENTERPRISE_VILLAGE, HOSPITAL_GROUP, SCHOOL_GROUP,
	RESIDENT_CADRE

}
