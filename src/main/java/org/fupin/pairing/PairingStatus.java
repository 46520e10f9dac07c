package org.fupin.pairing;

/** See {@code schema/pairing.graphqls}: the values are stored as these names. */
public enum PairingStatus {

	ACTIVE, ENDED

}
