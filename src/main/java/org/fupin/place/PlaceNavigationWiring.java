package org.fupin.place;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.fupin.graphql.Connection;
import org.fupin.graphql.Connection.PageInfo;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

/**
 * Navigation both ways between levels, the same way for every pair of levels:
 * <ul>
 * <li>up ({@code village.county}, {@code county.province} ...): the ancestor's code is a
 * prefix of the place's own code, and a DataLoader collects the codes wanted anywhere in
 * the response and reads them with one query;</li>
 * <li>down ({@code province.counties(...)} ...): a paginated list under each parent,
 * loaded by a DataLoader with one query per response level.</li>
 * </ul>
 * Any place-typed field of other features can use {@link PlaceService#PLACE_BY_CODE} as
 * well.
 */
@Component
class PlaceNavigationWiring implements RuntimeWiringConfigurer {

	private static final String LISTS = "placeLists";

	private final PlaceService places;

	private final GraphQlProperties properties;

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	PlaceNavigationWiring(BatchLoaderRegistry registry, PlaceService places, GraphQlProperties properties) {
		this.places = places;
		this.properties = properties;
		registry.<String, Place>forName(PlaceService.PLACE_BY_CODE)
			.registerMappedBatchLoader((codes, env) -> Mono.fromCallable(() -> places.findByCodes(codes)));
		registry.<PlaceListKey, Connection<Place>>forName(LISTS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> places.list(keys)));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		for (PlaceLevel level : PlaceLevel.values()) {
			wiring.type(level.label(), (type) -> {
				for (PlaceLevel other : PlaceLevel.values()) {
					if (other.codeLength() < level.codeLength()) {
						type.dataFetcher(other.name().toLowerCase(), ancestor(other));
					}
					else if (other.codeLength() > level.codeLength()) {
						type.dataFetcher(plural(other), descendants(other));
					}
				}
				return type;
			});
		}
	}

	private static DataFetcher<CompletableFuture<Place>> ancestor(PlaceLevel level) {
		return (env) -> {
			Place place = env.getSource();
			DataLoader<String, Place> loader = env.getDataLoader(PlaceService.PLACE_BY_CODE);
			return loader.load(level.ancestorCode(place.code()));
		};
	}

	private DataFetcher<CompletableFuture<Connection<Place>>> descendants(PlaceLevel level) {
		return (env) -> {
			Place parent = env.getSource();
			PlaceFilter filter = PlaceFilter.orNone(argument(env, "filter", PlaceFilter.class));
			String under = narrower(parent.code(), filter.parentCode());
			PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"),
					this.properties.maxPageSize());
			if (under == null) {
				return CompletableFuture.completedFuture(
						new Connection<>(List.of(), new PageInfo(false, page.after() != null, null, null), 0L));
			}
			PlaceOrder order = argument(env, "orderBy", PlaceOrder.class);
			PlaceListKey key = PlaceListKey.of(level, filter.withParentCode(under), order, page,
					FieldSelections.of(env).contains("totalCount"));
			DataLoader<PlaceListKey, Connection<Place>> loader = env.getDataLoader(LISTS);
			return loader.load(key);
		};
	}

	/** The narrower of two nested places, or null when neither contains the other. */
	private static String narrower(String parentCode, String filterCode) {
		if (filterCode == null || parentCode.startsWith(filterCode)) {
			return parentCode;
		}
		return filterCode.startsWith(parentCode) ? filterCode : null;
	}

	private <T> T argument(DataFetchingEnvironment env, String name, Class<T> type) throws BindException {
		return type.cast(this.binder.bind(env, name, ResolvableType.forClass(type)));
	}

	private static String plural(PlaceLevel level) {
		return switch (level) {
			case PROVINCE -> "provinces";
			case PREFECTURE -> "prefectures";
			case COUNTY -> "counties";
			case TOWNSHIP -> "townships";
			case VILLAGE -> "villages";
		};
	}

}
