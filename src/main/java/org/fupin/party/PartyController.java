package org.fupin.party;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ErrorCode;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.Loaders;
import org.fupin.graphql.PageRequest;
import org.fupin.place.Place;
import org.fupin.place.PlaceService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Queries of parties and their fields. Personal data of households passes through
 * {@link PersonalData} here and nowhere else.
 */
@Controller
class PartyController {

	private final PartyService parties;

	private final GraphQlProperties properties;

	PartyController(PartyService parties, GraphQlProperties properties) {
		this.parties = parties;
		this.properties = properties;
	}

	@QueryMapping
	Object party(@Argument String id) {
		this.parties.requireParty(id, "id");
		return this.parties.findParties(List.of(id)).get(id);
	}

	@QueryMapping
	Organisation organisation(@Argument String creditCode) {
		PartyService.requireId(creditCode, PartyKind.ORGANISATION, "creditCode");
		return found(this.parties.findOrganisations(List.of(creditCode)).get(creditCode), "creditCode",
				"organisation has the credit code " + creditCode);
	}

	@QueryMapping
	Household household(@Argument String householdNo) {
		PartyService.requireId(householdNo, PartyKind.HOUSEHOLD, "householdNo");
		return found(this.parties.findHouseholds(List.of(householdNo)).get(householdNo), "householdNo",
				"household has the number " + householdNo);
	}

	@QueryMapping
	Person person(@Argument String personId) {
		return found(this.parties.findPersons(List.of(personId)).get(personId), "personId",
				"person has the id " + personId);
	}

	@QueryMapping
	Connection<Organisation> organisations(@Argument OrganisationFilter filter, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		return this.parties.organisations(OrganisationFilter.orNone(filter), page,
				FieldSelections.of(env).contains("totalCount"));
	}

	@QueryMapping
	Connection<Household> households(@Argument HouseholdFilter filter, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env, GraphQLContext context) {
		HouseholdFilter households = HouseholdFilter.orNone(filter);
		if (households.byPersonalData() && !PersonalData.granted(context)) {
			String field = (households.idNumber() != null) ? "filter.idNumber" : "filter.headName";
			throw new ApiException(ErrorCode.FORBIDDEN, field,
					field + " filters by personal data, which needs the personal-data grant (ADMIN, or AUDITOR with the"
							+ " personal-data scope); filter by filter.placeCode instead.");
		}
		if (households.byPersonalData() && first != null && first == 0) {
			// An empty page would tell whether someone is registered and log no
			// household.
			throw new ApiException(ErrorCode.PAGE_SIZE_OUT_OF_RANGE, "first",
					"A search by personal data is logged with the households it shows, so it shows at least one:"
							+ " ask for first: 1 or more.");
		}
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		boolean withTotal = FieldSelections.of(env).contains("totalCount");
		Connection<Household> found = this.parties.households(households, page, withTotal);
		if (households.byPersonalData()) {
			// A search by name or ID number tells who is registered, whatever it selects:
			// the households of its page, and with its count every household it counts,
			// those before a cursor included.
			found.edges().forEach((edge) -> PersonalData.searched(edge.node().householdNo(), context));
			if (withTotal) {
				this.parties.householdNos(households).forEach((no) -> PersonalData.searched(no, context));
			}
		}
		return found;
	}

	@SchemaMapping(typeName = "Organisation")
	CompletableFuture<Place> place(Organisation organisation, DataLoader<String, Place> placeByCode) {
		return Loaders.load(placeByCode, organisation.placeCode());
	}

	@SchemaMapping(typeName = "Household")
	CompletableFuture<Place.Village> village(Household household, DataFetchingEnvironment env) {
		return Loaders.load(env, PlaceService.PLACE_BY_CODE, household.villageCode());
	}

	@SchemaMapping(typeName = "Household")
	String headName(Household household, GraphQLContext context) {
		return PersonalData.headName(household, context);
	}

	@SchemaMapping(typeName = "Household")
	String idNumber(Household household, GraphQLContext context) {
		return PersonalData.idNumber(household, context);
	}

	@SchemaMapping(typeName = "Person")
	CompletableFuture<Organisation> organisation(Person person, DataLoader<String, Organisation> organisationByCode) {
		return Loaders.load(organisationByCode, person.organisationCode());
	}

	private static <T> T found(T value, String field, String what) {
		if (value == null) {
			throw ApiException.notFound(field, "No " + what + ".");
		}
		return value;
	}

}
