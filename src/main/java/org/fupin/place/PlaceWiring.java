package org.fupin.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Every place field of the schema, wired the same way for every level of
 * {@link PlaceLevel}:
 * <ul>
 * <li>by code ({@code place}, {@code province} ... {@code village}): the place, read in
 * the same query as the ancestors its selection names, since an ancestor's code is a
 * prefix of the place's own; the ancestors are primed into the loader their fields use,
 * so those fields (and the access checks around them) run as usual without another
 * query;</li>
 * <li>lists ({@code provinces} ... {@code villages}): one paginated query;</li>
 * <li>up ({@code village.county}, {@code county.province} ...): a DataLoader collects the
 * codes wanted anywhere in the response and reads them with one query;</li>
 * <li>down ({@code province.counties(...)} ...): a paginated list under each parent,
 * loaded by a DataLoader with one query per response level.</li>
 * </ul>
 * Plain data fetchers rather than annotated controller methods: a place by code is the
 * most frequent question, and a controller method costs a handler method, its argument
 * resolvers and a reflective call per field. Any place-typed field of other features can
 * use {@link PlaceService#PLACE_BY_CODE} as well.
 */
@Component
class PlaceWiring implements RuntimeWiringConfigurer {

	private static final String LISTS = "placeLists";

	private final PlaceService places;

	private final GraphQlProperties properties;

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	PlaceWiring(BatchLoaderRegistry registry, PlaceService places, GraphQlProperties properties) {
		this.places = places;
		this.properties = properties;
		registry.<String, Place>forName(PlaceService.PLACE_BY_CODE)
			.registerMappedBatchLoader((codes, env) -> Mono.fromCallable(() -> places.findByCodes(codes)));
		registry.<PlaceListKey, Connection<Place>>forName(LISTS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> places.list(keys)));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Query", (type) -> {
			type.dataFetcher("place", byCode(null));
			for (PlaceLevel level : PlaceLevel.values()) {
				type.dataFetcher(level.fieldName(), byCode(level));
				type.dataFetcher(plural(level), list(level));
			}
			return type;
		});
		for (PlaceLevel level : PlaceLevel.values()) {
			wiring.type(level.label(), (type) -> {
				for (PlaceLevel other : PlaceLevel.values()) {
					if (other.codeLength() < level.codeLength()) {
						type.dataFetcher(other.fieldName(), ancestor(other));
					}
					else if (other.codeLength() > level.codeLength()) {
						type.dataFetcher(plural(other), descendants(other));
					}
				}
				return type;
			});
		}
	}

	/** The place of {@code level} (any level when null) by its code. */
	private DataFetcher<Place> byCode(PlaceLevel level) {
		return (env) -> {
			String code = env.getArgument("code");
			List<PlaceLevel> asked = new ArrayList<>();
			if (code != null) {
				Set<String> selected = FieldSelections.of(env);
				for (PlaceLevel ancestor : PlaceLevel.values()) {
					if (ancestor.codeLength() < code.length() && selected.contains(ancestor.fieldName())) {
						asked.add(ancestor);
					}
				}
			}
			if (asked.isEmpty()) {
				return this.places.get(level, code, "code");
			}
			Map<String, Place> found = this.places.getWithAncestors(level, code, "code", asked);
			DataLoader<String, Place> loader = env.getDataLoader(PlaceService.PLACE_BY_CODE);
			for (PlaceLevel ancestor : asked) {
				String ancestorCode = ancestor.ancestorCode(code);
				loader.prime(ancestorCode, found.get(ancestorCode));
			}
			return found.get(code);
		};
	}

	/**
	 * A page of the places of {@code level}, anywhere or below {@code filter.parentCode}.
	 */
	private DataFetcher<Connection<Place>> list(PlaceLevel level) {
		return (env) -> {
			PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"),
					this.properties.maxPageSize());
			return this.places.list(PlaceListKey.of(level, argument(env, "filter", PlaceFilter.class),
					argument(env, "orderBy", PlaceOrder.class), page, FieldSelections.of(env).contains("totalCount")));
		};
	}

	/**
	 * The ancestor of {@code level}. One read together with the place (primed, so a
	 * completed future in the loader) is answered as a value, which graphql-java
	 * completes at once rather than through a future; any other joins the response's
	 * batch.
	 */
	private static DataFetcher<Object> ancestor(PlaceLevel level) {
		return (env) -> {
			Place place = env.getSource();
			String code = level.ancestorCode(place.code());
			DataLoader<String, Place> loader = env.getDataLoader(PlaceService.PLACE_BY_CODE);
			CompletableFuture<Place> known = loader.getIfPresent(code).orElse(null);
			if (known != null && known.isDone() && !known.isCompletedExceptionally()) {
				return known.join();
			}
			return loader.load(code);
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
