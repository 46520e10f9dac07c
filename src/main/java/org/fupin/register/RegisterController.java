package org.fupin.register;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.asset.Asset;
import org.fupin.asset.AssetLoaders;
import org.fupin.graphql.Mutations;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.DisposeAssetInput;
import org.fupin.register.AssetInputs.RecordIncomeInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;
import org.fupin.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The asset mutations: GraphQL to {@link RegisterService} and back, each run by
 * {@link Mutations} (one transaction, run again after a deadlock, {@code BUSY} when it
 * cannot get through).
 */
@Controller
class RegisterController {

	private final RegisterService register;

	private final Mutations mutations;

	RegisterController(RegisterService register, Mutations mutations) {
		this.register = register;
		this.mutations = mutations;
	}

	/** The asset as committed, through the asset read side's loader. */
	@SchemaMapping(typeName = "AssetPayload", field = "asset")
	CompletableFuture<Asset> asset(AssetPayload payload, DataFetchingEnvironment env) {
		return env.<String, Asset>getDataLoader(AssetLoaders.ASSET_BY_REGISTER_NO).load(payload.registerNo());
	}

	@MutationMapping
	AssetPayload registerAsset(@Argument RegisterAssetInput input, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return write(() -> this.register.registerAsset(input, caller));
	}

	@MutationMapping
	AssetPayload transferOwnership(@Argument TransferOwnershipInput input,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return write(() -> this.register.transferOwnership(input, caller));
	}

	@MutationMapping
	AssetPayload assignCustody(@Argument AssignCustodyInput input, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return write(() -> this.register.assignCustody(input, caller));
	}

	@MutationMapping
	AssetPayload recordOperationContract(@Argument RecordOperationContractInput input,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return write(() -> this.register.recordOperationContract(input, caller));
	}

	@MutationMapping
	AssetPayload recordIncome(@Argument RecordIncomeInput input, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return write(() -> this.register.recordIncome(input, caller));
	}

	@MutationMapping
	AssetPayload changeAssetStatus(@Argument ChangeAssetStatusInput input,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return write(() -> this.register.changeAssetStatus(input, caller));
	}

	@MutationMapping
	AssetPayload disposeAsset(@Argument DisposeAssetInput input, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return write(() -> this.register.disposeAsset(input, caller));
	}

	private AssetPayload write(Supplier<RegisterService.AssetChange> change) {
		return AssetPayload.of(this.mutations.run(change));
	}

}
