package org.fupin.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Root queries of places. Navigation between levels is wired in
 * {@link PlaceNavigationWiring}, batched through DataLoaders. A place asked by code with
 * its ancestors ({@code village { township county province }}) is read together with them
 * in one query, since an ancestor's code is a prefix of the place's: the ancestors are
 * primed into the loader their fields use, so those fields (and the access checks around
 * them) run as usual without another query.
 */
@Controller
class PlaceController {

	private final PlaceService places;

	private final GraphQlProperties properties;

	PlaceController(PlaceService places, GraphQlProperties properties) {
		this.places = places;
		this.properties = properties;
	}

	@QueryMapping
	Place place(@Argument String code, DataFetchingEnvironment env) {
		return withAncestors(null, code, env);
	}

	@QueryMapping
	Place.Province province(@Argument String code, DataFetchingEnvironment env) {
		return (Place.Province) withAncestors(PlaceLevel.PROVINCE, code, env);
	}

	@QueryMapping
	Place.Prefecture prefecture(@Argument String code, DataFetchingEnvironment env) {
		return (Place.Prefecture) withAncestors(PlaceLevel.PREFECTURE, code, env);
	}

	@QueryMapping
	Place.County county(@Argument String code, DataFetchingEnvironment env) {
		return (Place.County) withAncestors(PlaceLevel.COUNTY, code, env);
	}

	@QueryMapping
	Place.Township township(@Argument String code, DataFetchingEnvironment env) {
		return (Place.Township) withAncestors(PlaceLevel.TOWNSHIP, code, env);
	}

	@QueryMapping
	Place.Village village(@Argument String code, DataFetchingEnvironment env) {
		return (Place.Village) withAncestors(PlaceLevel.VILLAGE, code, env);
	}

	/**
	 * The place, read in the same query as the ancestors its selection names (on the
	 * place itself or in a fragment); without any, as before. The selection is read from
	 * the document once, not through graphql-java's selection set per level.
	 */
	private Place withAncestors(PlaceLevel level, String code, DataFetchingEnvironment env) {
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
	}

	@QueryMapping
	Connection<Place> provinces(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return list(PlaceLevel.PROVINCE, filter, orderBy, first, after, env);
	}

	@QueryMapping
	Connection<Place> prefectures(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return list(PlaceLevel.PREFECTURE, filter, orderBy, first, after, env);
	}

	@QueryMapping
	Connection<Place> counties(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return list(PlaceLevel.COUNTY, filter, orderBy, first, after, env);
	}

	@QueryMapping
	Connection<Place> townships(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return list(PlaceLevel.TOWNSHIP, filter, orderBy, first, after, env);
	}

	@QueryMapping
	Connection<Place> villages(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return list(PlaceLevel.VILLAGE, filter, orderBy, first, after, env);
	}

	private Connection<Place> list(PlaceLevel level, PlaceFilter filter, PlaceOrder orderBy, Integer first,
			String after, DataFetchingEnvironment env) {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		return this.places
			.list(PlaceListKey.of(level, filter, orderBy, page, FieldSelections.of(env).contains("totalCount")));
	}

}
