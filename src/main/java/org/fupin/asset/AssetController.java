package org.fupin.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.fupin.graphql.Connection;
import org.fupin.graphql.Loaders;
import org.fupin.graphql.Rows;
import org.fupin.party.Organisation;
import org.fupin.party.PartyKind;
import org.fupin.party.PartyLoaders;
import org.fupin.party.Person;
import org.fupin.place.Place;
import org.fupin.place.PlaceLevel;
import org.fupin.place.PlaceService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Root queries of the asset register and every field resolved per asset, project, fund
 * source and their parts. Per-parent fields only make DataLoader keys (validating their
 * arguments first); the loaders in {@link AssetLoaders} read each response level at once.
 */
@Controller
class AssetController {

	private final AssetService assets;

	private final AssetKeys keys;

	AssetController(AssetService assets, AssetKeys keys) {
		this.assets = assets;
		this.keys = keys;
	}

	/**
	 * The single-asset hot path: the asset and the parts its query selects (place path,
	 * owners and their parties, custody with custodian and responsible person) come from
	 * one query, whose values are primed into the loaders those fields use, so the nested
	 * resolvers (and the access checks around them) run as usual without another
	 * transaction.
	 */
	@QueryMapping
	Asset asset(@Argument String registerNo, DataFetchingEnvironment env) {
		AssetParts parts = AssetParts.of(env, this.keys.today());
		if (parts.none()) {
			return this.assets.find(registerNo);
		}
		AssetCard card = this.assets.card(registerNo, parts);
		if (card == null) {
			return null;
		}
		prime(card, parts, env);
		return card.asset();
	}

	/**
	 * Primes each loader with exactly the keys its resolver will ask and the values it
	 * would load (null where it finds nothing); a value the card cannot vouch for (a
	 * party of another kind than its id says) is left for the loader.
	 */
	private static void prime(AssetCard card, AssetParts parts, DataFetchingEnvironment env) {
		Asset asset = card.asset();
		if (parts.places()) {
			DataLoader<String, Place> places = env.getDataLoader(PlaceService.PLACE_BY_CODE);
			for (PlaceLevel level : PlaceLevel.values()) {
				if (level.codeLength() <= asset.placeCode().length()) {
					String code = level.ancestorCode(asset.placeCode());
					places.prime(code, card.places().get(code));
				}
			}
		}
		DataLoader<DatedKey, List<Ownership>> owners = env.getDataLoader(AssetLoaders.OWNERS);
		DataLoader<String, Object> parties = env.getDataLoader(PartyLoaders.PARTY_BY_ID);
		for (LocalDate date : parts.ownerDates()) {
			List<Ownership> found = card.owners().getOrDefault(date, List.of());
			owners.prime(new DatedKey(asset.registerNo(), date), found);
			if (parts.ownerParties()) {
				for (Ownership ownership : found) {
					primeParty(parties, ownership.ownerId(), card.parties());
				}
			}
		}
		DataLoader<DatedKey, Custody> custody = env.getDataLoader(AssetLoaders.CUSTODY);
		DataLoader<String, Organisation> organisations = env.getDataLoader(PartyLoaders.ORGANISATION_BY_CODE);
		DataLoader<String, Person> persons = env.getDataLoader(PartyLoaders.PERSON_BY_ID);
		for (LocalDate date : parts.custodyDates()) {
			Custody found = card.custody().get(date);
			custody.prime(new DatedKey(asset.registerNo(), date), found);
			if (found != null && parts.custodians() && found.custodianCode() != null) {
				organisations.prime(found.custodianCode(), card.organisations().get(found.custodianCode()));
			}
			if (found != null && parts.responsiblePersons() && found.responsiblePersonId() != null) {
				persons.prime(found.responsiblePersonId(), card.persons().get(found.responsiblePersonId()));
			}
		}
	}

	/**
	 * A page of assets; when its nodes select parts the hot path reads (place path,
	 * owners, custody and theirs), the page and those parts of every asset on it come
	 * from one query, primed into the loaders as for a single asset.
	 */
	@QueryMapping
	Connection<Asset> assets(@Argument AssetFilter filter, @Argument AssetOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		AssetListKey key = this.keys.list(AssetListKey.Anchor.NONE, "", filter, orderBy, first, after, env);
		AssetParts parts = AssetParts.of(env, this.keys.today(), "edges", "node");
		if (parts.none()) {
			return this.assets.list(key);
		}
		AssetService.PageWithCards found = this.assets.listWithCards(key, parts);
		for (AssetCard card : found.cards()) {
			prime(card, parts, env);
		}
		return found.page();
	}

	/**
	 * The provenance chain and the parts its query selects of the project, fund sources,
	 * owners and beneficiaries come from one query, primed into the loaders those fields
	 * use, as for a single asset.
	 */
	@QueryMapping
	Provenance provenance(@Argument String registerNo, DataFetchingEnvironment env) {
		ProvenanceParts parts = ProvenanceParts.of(env, this.keys);
		ProvenanceCard card = this.assets.provenance(registerNo, parts);
		if (card == null) {
			return null;
		}
		Provenance provenance = card.provenance();
		if (parts.project()) {
			DataLoader<String, Project> projects = env.getDataLoader(AssetLoaders.PROJECT_BY_CODE);
			card.projects().forEach(projects::prime);
		}
		if (parts.funds()) {
			DataLoader<String, FundSource> funds = env.getDataLoader(AssetLoaders.FUND_SOURCE_BY_CODE);
			for (FundAllocation allocation : provenance.funding()) {
				funds.prime(allocation.fundCode(), card.funds().get(allocation.fundCode()));
			}
		}
		if (parts.ownerParties()) {
			DataLoader<String, Object> parties = env.getDataLoader(PartyLoaders.PARTY_BY_ID);
			for (Ownership ownership : provenance.ownershipHistory()) {
				primeParty(parties, ownership.ownerId(), card.parties());
			}
		}
		PageKey beneficiaries = parts.beneficiaries();
		if (beneficiaries != null) {
			DataLoader<PageKey, Connection<BeneficiaryShare>> pages = env.getDataLoader(AssetLoaders.BENEFICIARIES);
			for (Income income : provenance.incomes()) {
				for (Income.IncomeUse use : income.uses()) {
					Rows<BeneficiaryShare> found = card.beneficiaries()
						.getOrDefault(use.id(), Rows.empty(beneficiaries.withTotal()));
					pages.prime(new PageKey(use.id(), null, beneficiaries.page(), beneficiaries.withTotal()),
							RecordLists.BENEFICIARIES.connection(found, beneficiaries.page()));
				}
			}
		}
		return provenance;
	}

	/**
	 * Primes the party {@code id} when the value read is of the kind its id says; other
	 * values are left for the loader.
	 */
	private static void primeParty(DataLoader<String, Object> parties, String id, Map<String, Object> found) {
		Object party = found.get(id);
		if (party != null && PartyKind.ofId(id) == PartyKind.of(party)) {
			parties.prime(id, party);
		}
	}

	@QueryMapping
	Project project(@Argument String code) {
		return this.assets.findProjects(List.of(code)).get(code);
	}

	@QueryMapping
	FundSource fundSource(@Argument String code) {
		return this.assets.findFundSources(List.of(code)).get(code);
	}

	// Asset

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Place> place(Asset asset, DataFetchingEnvironment env) {
		return env.<String, Place>getDataLoader(PlaceService.PLACE_BY_CODE).load(asset.placeCode());
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<List<Place>> placePath(Asset asset, DataFetchingEnvironment env) {
		List<String> codes = new ArrayList<>();
		for (PlaceLevel level : PlaceLevel.values()) {
			if (level.codeLength() <= asset.placeCode().length()) {
				codes.add(level.ancestorCode(asset.placeCode()));
			}
		}
		return env.<String, Place>getDataLoader(PlaceService.PLACE_BY_CODE)
			.loadMany(codes)
			.thenApply((places) -> places.stream().filter((place) -> place != null).toList());
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Project> project(Asset asset, DataFetchingEnvironment env) {
		return loadProject(asset.projectCode(), env);
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<List<FundAllocation>> funding(Asset asset, DataFetchingEnvironment env) {
		return loadFunding(asset.projectCode(), env);
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<List<Ownership>> owners(Asset asset, @Argument LocalDate asOf, DataFetchingEnvironment env) {
		LocalDate date = (asOf != null) ? asOf : this.keys.today();
		return env.<DatedKey, List<Ownership>>getDataLoader(AssetLoaders.OWNERS)
			.load(new DatedKey(asset.registerNo(), date));
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Custody> custody(Asset asset, @Argument LocalDate asOf, DataFetchingEnvironment env) {
		LocalDate date = (asOf != null) ? asOf : this.keys.today();
		return env.<DatedKey, Custody>getDataLoader(AssetLoaders.CUSTODY).load(new DatedKey(asset.registerNo(), date));
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Connection<Ownership>> ownershipHistory(Asset asset, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.OWNERSHIP_HISTORY, RecordLists.OWNERSHIP, asset.registerNo(), null, first,
				after, env);
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Connection<Custody>> custodyHistory(Asset asset, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.CUSTODY_HISTORY, RecordLists.CUSTODY, asset.registerNo(), null, first, after,
				env);
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Connection<OperationContract>> operationContracts(Asset asset, @Argument LocalDate activeOn,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.CONTRACTS, RecordLists.CONTRACTS, asset.registerNo(), activeOn, first, after,
				env);
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Connection<Income>> incomes(Asset asset, @Argument Integer year, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.INCOMES, RecordLists.INCOMES, asset.registerNo(), year, first, after, env);
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<Disposal> disposal(Asset asset, DataFetchingEnvironment env) {
		return env.<String, Disposal>getDataLoader(AssetLoaders.DISPOSAL).load(asset.registerNo());
	}

	// Parts of an asset

	@SchemaMapping(typeName = "Ownership")
	CompletableFuture<Object> owner(Ownership ownership, DataFetchingEnvironment env) {
		return party(ownership.ownerId(), env);
	}

	@SchemaMapping(typeName = "Custody")
	CompletableFuture<Organisation> custodian(Custody custody, DataFetchingEnvironment env) {
		return Loaders.load(env, PartyLoaders.ORGANISATION_BY_CODE, custody.custodianCode());
	}

	@SchemaMapping(typeName = "Custody")
	CompletableFuture<Person> responsiblePerson(Custody custody, DataFetchingEnvironment env) {
		return Loaders.load(env, PartyLoaders.PERSON_BY_ID, custody.responsiblePersonId());
	}

	@SchemaMapping(typeName = "OperationContract")
	CompletableFuture<Object> operator(OperationContract contract, DataFetchingEnvironment env) {
		return party(contract.operatorId(), env);
	}

	@SchemaMapping(typeName = "IncomeUse")
	CompletableFuture<Connection<BeneficiaryShare>> beneficiaries(Income.IncomeUse use, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.BENEFICIARIES, RecordLists.BENEFICIARIES, use.id(), null, first, after, env);
	}

	@SchemaMapping(typeName = "BeneficiaryShare")
	CompletableFuture<Object> beneficiary(BeneficiaryShare share, DataFetchingEnvironment env) {
		return party(share.beneficiaryId(), env);
	}

	@SchemaMapping(typeName = "BeneficiaryShare")
	CompletableFuture<Asset> asset(BeneficiaryShare share, DataFetchingEnvironment env) {
		return env.<String, Asset>getDataLoader(AssetLoaders.ASSET_BY_REGISTER_NO).load(share.registerNo());
	}

	@SchemaMapping(typeName = "Disposal")
	CompletableFuture<Object> transferee(Disposal disposal, DataFetchingEnvironment env) {
		return party(disposal.transfereeId(), env);
	}

	// Projects, fund sources and the money between them

	@SchemaMapping(typeName = "Project")
	CompletableFuture<Place.County> county(Project project, DataFetchingEnvironment env) {
		return Loaders.load(env, PlaceService.PLACE_BY_CODE, project.countyCode());
	}

	@SchemaMapping(typeName = "Project", field = "assets")
	CompletableFuture<Connection<Asset>> projectAssets(Project project, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		return this.keys.assets(AssetListKey.Anchor.PROJECT, project.code(), null, first, after, env);
	}

	@SchemaMapping(typeName = "Project", field = "funding")
	CompletableFuture<List<FundAllocation>> projectFunding(Project project, DataFetchingEnvironment env) {
		return loadFunding(project.code(), env);
	}

	@SchemaMapping(typeName = "FundSource")
	CompletableFuture<Object> provider(FundSource fund, DataFetchingEnvironment env) {
		return party(fund.providerId(), env);
	}

	@SchemaMapping(typeName = "FundSource")
	CompletableFuture<Connection<FundAllocation>> allocations(FundSource fund, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return this.keys.page(AssetLoaders.FUND_ALLOCATIONS, RecordLists.ALLOCATIONS, fund.code(), null, first, after,
				env);
	}

	@SchemaMapping(typeName = "FundSource", field = "assets")
	CompletableFuture<Connection<Asset>> fundAssets(FundSource fund, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		return this.keys.assets(AssetListKey.Anchor.FUND, fund.code(), null, first, after, env);
	}

	@SchemaMapping(typeName = "FundAllocation")
	CompletableFuture<FundSource> fund(FundAllocation allocation, DataFetchingEnvironment env) {
		return env.<String, FundSource>getDataLoader(AssetLoaders.FUND_SOURCE_BY_CODE).load(allocation.fundCode());
	}

	@SchemaMapping(typeName = "FundAllocation", field = "project")
	CompletableFuture<Project> allocationProject(FundAllocation allocation, DataFetchingEnvironment env) {
		return loadProject(allocation.projectCode(), env);
	}

	@SchemaMapping(typeName = "Provenance", field = "project")
	CompletableFuture<Project> provenanceProject(Provenance provenance, DataFetchingEnvironment env) {
		return loadProject(provenance.asset().projectCode(), env);
	}

	private static CompletableFuture<Project> loadProject(String code, DataFetchingEnvironment env) {
		return Loaders.load(env, AssetLoaders.PROJECT_BY_CODE, code);
	}

	private static CompletableFuture<List<FundAllocation>> loadFunding(String projectCode,
			DataFetchingEnvironment env) {
		if (projectCode == null) {
			return CompletableFuture.completedFuture(List.of());
		}
		return env.<String, List<FundAllocation>>getDataLoader(AssetLoaders.PROJECT_FUNDING).load(projectCode);
	}

	static CompletableFuture<Object> party(String id, DataFetchingEnvironment env) {
		return Loaders.load(env, PartyLoaders.PARTY_BY_ID, id);
	}

}
