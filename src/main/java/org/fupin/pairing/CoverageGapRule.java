package org.fupin.pairing;

/** Coverage rules of coordination offices, in the order gaps are listed. */
public enum CoverageGapRule {

	WESTERN_PROVINCE_NO_PARTNER, WESTERN_PROVINCE_MULTIPLE_PARTNERS, COUNTERPART_PROVINCE_NO_SUPPORT,
	KEY_COUNTY_NO_LINK, KEY_VILLAGE_NO_PAIRING, EXPIRED_PAIRING_ACTIVE, KEY_COUNTY_ASSISTANCE_ENDED

}
