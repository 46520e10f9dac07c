package org.fupin.register;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.BeneficiaryShareInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.DisposeAssetInput;
import org.fupin.register.AssetInputs.IncomeUseInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RecordIncomeInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;

/**
 * The keys whose nodes the rules of some changes look up: collected from every input of a
 * batch (one mutation, or every row of a ledger file), then read at once into a
 * {@link RegisterState} with one query per kind of look-up. Blank keys are left out.
 */
public final class RegisterKeys {

	final Set<String> places = new LinkedHashSet<>();

	final Set<String> projects = new LinkedHashSet<>();

	final Set<String> parties = new LinkedHashSet<>();

	final Set<String> persons = new LinkedHashSet<>();

	final Set<String> contracts = new LinkedHashSet<>();

	final Set<String> assets = new LinkedHashSet<>();

	public RegisterKeys add(RegisterAssetInput input) {
		add(this.assets, input.registerNo());
		add(this.places, input.placeCode());
		add(this.projects, input.projectCode());
		owners(input.owners());
		return this;
	}

	public RegisterKeys add(TransferOwnershipInput input) {
		add(this.assets, input.registerNo());
		owners(input.owners());
		return this;
	}

	public RegisterKeys add(AssignCustodyInput input) {
		add(this.assets, input.registerNo());
		add(this.parties, input.custodianId());
		add(this.persons, input.responsiblePersonId());
		return this;
	}

	public RegisterKeys add(RecordOperationContractInput input) {
		add(this.assets, input.registerNo());
		add(this.contracts, input.contractNo());
		add(this.parties, input.operatorId());
		return this;
	}

	public RegisterKeys add(RecordIncomeInput input) {
		add(this.assets, input.registerNo());
		for (IncomeUseInput use : nonNull(input.uses())) {
			if (use != null) {
				for (BeneficiaryShareInput beneficiary : nonNull(use.beneficiaries())) {
					if (beneficiary != null) {
						add(this.parties, beneficiary.beneficiaryId());
					}
				}
			}
		}
		return this;
	}

	public RegisterKeys add(ChangeAssetStatusInput input) {
		add(this.assets, input.registerNo());
		return this;
	}

	public RegisterKeys add(DisposeAssetInput input) {
		add(this.assets, input.registerNo());
		add(this.parties, input.transfereeId());
		return this;
	}

	/** Whether there is nothing to look up. */
	public boolean isEmpty() {
		return this.places.isEmpty() && this.projects.isEmpty() && this.parties.isEmpty() && this.persons.isEmpty()
				&& this.contracts.isEmpty() && this.assets.isEmpty();
	}

	private void owners(List<OwnerShareInput> owners) {
		for (OwnerShareInput owner : nonNull(owners)) {
			if (owner != null) {
				add(this.parties, owner.ownerId());
			}
		}
	}

	private static <T> Collection<T> nonNull(Collection<T> values) {
		return (values != null) ? values : List.of();
	}

	private static void add(Set<String> keys, String key) {
		if (key != null && !key.isBlank()) {
			keys.add(key.strip());
		}
	}

}
