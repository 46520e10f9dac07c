package org.fupin.register;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.fupin.party.PartyKind;

/**
 * What the register's rules need to know of the graph for a batch of changes, read at
 * once for all of them ({@link RegisterStates#read}): which of the places, projects,
 * persons and contract numbers named exist, what each party id names, and the state of
 * each existing asset. A key that was not asked for reads as absent.
 *
 * @param places the codes of the places that exist
 * @param projects the codes of the projects that exist
 * @param parties what each existing party id names: an organisation, household or place
 * @param persons the ids of the persons that exist
 * @param contracts the numbers of the operation contracts that exist
 * @param assets the state of each existing asset by register number
 */
public record RegisterState(Set<String> places, Set<String> projects, Map<String, PartyKind> parties,
		Set<String> persons, Set<String> contracts, Map<String, AssetState> assets) {

	public RegisterState {
		places = Set.copyOf(places);
		projects = Set.copyOf(projects);
		parties = Map.copyOf(parties);
		persons = Set.copyOf(persons);
		contracts = Set.copyOf(contracts);
		assets = Map.copyOf(assets);
	}

	/** Nothing exists: the state of an empty graph. */
	public static final RegisterState EMPTY = new RegisterState(Set.of(), Set.of(), Map.of(), Set.of(), Set.of(),
			Map.of());

	/**
	 * This state with {@code asset} as it will be after a change: an import checks the
	 * rows of a file in order, each against the state the rows before it leave.
	 */
	public RegisterState with(AssetState asset) {
		Map<String, AssetState> more = new HashMap<>(this.assets);
		more.put(asset.registerNo(), asset);
		return new RegisterState(this.places, this.projects, this.parties, this.persons, this.contracts, more);
	}

	/** This state with one more contract number taken. */
	public RegisterState withContract(String contractNo) {
		Set<String> more = new HashSet<>(this.contracts);
		more.add(contractNo);
		return new RegisterState(this.places, this.projects, this.parties, this.persons, more, this.assets);
	}

	public boolean placeExists(String code) {
		return code != null && this.places.contains(code);
	}

	public boolean projectExists(String code) {
		return code != null && this.projects.contains(code);
	}

	/** What the party id names, or {@code null} when nothing has it. */
	public PartyKind party(String id) {
		return (id != null) ? this.parties.get(id) : null;
	}

	public boolean personExists(String personId) {
		return personId != null && this.persons.contains(personId);
	}

	public boolean contractExists(String contractNo) {
		return contractNo != null && this.contracts.contains(contractNo);
	}

	/** The asset's state, or {@code null} when no asset has the register number. */
	public AssetState asset(String registerNo) {
		return (registerNo != null) ? this.assets.get(registerNo) : null;
	}

}
