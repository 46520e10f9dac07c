package org.fupin.pairing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules of new pairings need to know of the graph, read at once for a whole
 * batch of them (one mutation, or a page of a pairing ledger's rows).
 *
 * @param existing the party ids among those asked about that name a node (places,
 * organisations and households)
 * @param parties what is known of each existing place and organisation, by id
 * @param activeBetween active pairings of a program between a helper and a recipient, by
 * {@link #between(String, String, String)}
 * @param covering active provincial or city east-west pairs containing a helper and a
 * recipient, the most specific first, by {@link #pair(String, String)}
 * @param easternPartners active regular east-west partners of a western province, by its
 * code
 * @param pairingIds the pairing ids among those asked about that exist
 */
public record PairingState(Set<String> existing, Map<String, Party> parties, Map<String, List<String>> activeBetween,
		Map<String, List<String>> covering, Map<String, List<String>> easternPartners, Set<String> pairingIds) {

	/**
	 * What the rules need to know of a place or an organisation.
	 *
	 * @param organisationKind null for a place
	 * @param placeCode the place itself, or where the organisation is registered
	 * @param region the region of the province of {@code placeCode}
	 */
	public record Party(String id, String name, String organisationKind, String enterpriseType, String placeCode,
			String region, String assistanceProgram) {

		boolean isPlace() {
			return this.organisationKind == null;
		}

	}

	/** The key of {@link #activeBetween()}. */
	public static String between(String program, String helperId, String recipientId) {
		return program + "|" + helperId + "|" + recipientId;
	}

	/** The key of {@link #covering()}. */
	public static String pair(String helperId, String recipientId) {
		return helperId + "|" + recipientId;
	}

	List<String> activeBetween(String program, String helperId, String recipientId) {
		return this.activeBetween.getOrDefault(between(program, helperId, recipientId), List.of());
	}

	List<String> covering(String helperId, String recipientId) {
		return this.covering.getOrDefault(pair(helperId, recipientId), List.of());
	}

	List<String> easternPartners(String provinceCode) {
		return this.easternPartners.getOrDefault(provinceCode, List.of());
	}

}
