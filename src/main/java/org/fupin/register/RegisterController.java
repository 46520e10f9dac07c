package org.fupin.register;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.asset.Asset;
import org.fupin.asset.AssetLoaders;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.DisposeAssetInput;
import org.fupin.register.AssetInputs.RecordIncomeInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;
import org.fupin.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The asset mutations: GraphQL to {@link RegisterService} and back. A transaction that
 * Neo4j aborts for a transient reason (a deadlock) runs again after a short random pause,
 * as Neo4j's own drivers do; one that keeps failing, or that lost a race on a unique key,
 * answers {@code CONFLICT}.
 */
@Controller
class RegisterController {

	private static final Logger log = LoggerFactory.getLogger(RegisterController.class);

	private static final int ATTEMPTS = 10;

	private final RegisterService register;

	RegisterController(RegisterService register) {
		this.register = register;
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

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiException(ErrorCode.CONFLICT, null, "Interrupted while retrying a concurrent change; retry.");
		}
	}

	private static AssetPayload write(Supplier<RegisterService.AssetChange> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return AssetPayload.of(change.get());
			}
			catch (DataIntegrityViolationException ex) {
				// Another transaction took the same natural key between our check and our
				// write.
				throw new ApiException(ErrorCode.CONFLICT, null,
						"A concurrent change recorded the same key first; read the asset again and retry.");
			}
			catch (TransientDataAccessException ex) {
				if (attempt == ATTEMPTS) {
					log.warn("Giving up after {} attempts: {}", attempt, ex.getMessage());
					throw new ApiException(ErrorCode.CONFLICT, null,
							"Concurrent changes of the same asset kept colliding; read the asset again and retry.");
				}
				log.debug("Retrying a change after a transient failure: {}", ex.getMessage());
				pause(attempt);
			}
		}
	}

}
