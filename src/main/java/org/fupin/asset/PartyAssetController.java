package org.fupin.asset;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.graphql.Connection;
import org.fupin.party.Household;
import org.fupin.party.Organisation;
import org.fupin.place.Place;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The reverse ways into the asset register: what an organisation or household owns,
 * custodies, operates or benefits from, and what lies in a village and what it received.
 * Each list is batched with the same list of the other parents on the response level.
 */
@Controller
class PartyAssetController {

	private final AssetKeys keys;

	PartyAssetController(AssetKeys keys) {
		this.keys = keys;
	}

	@SchemaMapping(typeName = "Organisation", field = "ownedAssets")
	CompletableFuture<Connection<Asset>> organisationOwnedAssets(Organisation organisation, @Argument LocalDate asOf,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		return this.keys.assets(AssetListKey.Anchor.OWNER, organisation.creditCode(), asOf, first, after, env);
	}

	@SchemaMapping(typeName = "Organisation")
	CompletableFuture<Connection<Asset>> custodiedAssets(Organisation organisation, @Argument LocalDate asOf,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		return this.keys.assets(AssetListKey.Anchor.CUSTODIAN, organisation.creditCode(), asOf, first, after, env);
	}

	@SchemaMapping(typeName = "Organisation")
	CompletableFuture<Connection<Asset>> operatedAssets(Organisation organisation, @Argument LocalDate activeOn,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		return this.keys.assets(AssetListKey.Anchor.OPERATOR, organisation.creditCode(), activeOn, first, after, env);
	}

	@SchemaMapping(typeName = "Organisation", field = "benefits")
	CompletableFuture<Connection<BeneficiaryShare>> organisationBenefits(Organisation organisation,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.BENEFITS, RecordLists.BENEFITS, organisation.creditCode(),
				AssetKeys.scope(env), first, after, env);
	}

	@SchemaMapping(typeName = "Household", field = "ownedAssets")
	CompletableFuture<Connection<Asset>> householdOwnedAssets(Household household, @Argument LocalDate asOf,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		return this.keys.assets(AssetListKey.Anchor.OWNER, household.householdNo(), asOf, first, after, env);
	}

	@SchemaMapping(typeName = "Household", field = "benefits")
	CompletableFuture<Connection<BeneficiaryShare>> householdBenefits(Household household, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.BENEFITS, RecordLists.BENEFITS, household.householdNo(),
				AssetKeys.scope(env), first, after, env);
	}

	@SchemaMapping(typeName = "Village", field = "benefits")
	CompletableFuture<Connection<BeneficiaryShare>> villageBenefits(Place.Village village, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.BENEFITS, RecordLists.BENEFITS, village.code(), AssetKeys.scope(env), first,
				after, env);
	}

	@SchemaMapping(typeName = "Village", field = "assets")
	CompletableFuture<Connection<Asset>> villageAssets(Place.Village village, @Argument AssetFilter filter,
			@Argument AssetOrder orderBy, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		AssetListKey key = this.keys.list(AssetListKey.Anchor.PLACE, village.code(), filter, orderBy, first, after,
				env);
		return env.<AssetListKey, Connection<Asset>>getDataLoader(AssetLoaders.ASSET_LISTS).load(key);
	}

}
