package org.fupin.place;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.fupin.graphql.Connection;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Root queries of places. Navigation between levels is wired in
 * {@link PlaceNavigationWiring}, batched through DataLoaders.
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
	Place place(@Argument String code) {
		return this.places.get(null, code, "code");
	}

	@QueryMapping
	Place.Province province(@Argument String code) {
		return (Place.Province) this.places.get(PlaceLevel.PROVINCE, code, "code");
	}

	@QueryMapping
	Place.Prefecture prefecture(@Argument String code) {
		return (Place.Prefecture) this.places.get(PlaceLevel.PREFECTURE, code, "code");
	}

	@QueryMapping
	Place.County county(@Argument String code) {
		return (Place.County) this.places.get(PlaceLevel.COUNTY, code, "code");
	}

	@QueryMapping
	Place.Township township(@Argument String code) {
		return (Place.Township) this.places.get(PlaceLevel.TOWNSHIP, code, "code");
	}

	@QueryMapping
	Place.Village village(@Argument String code) {
		return (Place.Village) this.places.get(PlaceLevel.VILLAGE, code, "code");
	}

	@QueryMapping
	Connection<Place> provinces(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection) {
		return list(PlaceLevel.PROVINCE, filter, orderBy, first, after, selection);
	}

	@QueryMapping
	Connection<Place> prefectures(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection) {
		return list(PlaceLevel.PREFECTURE, filter, orderBy, first, after, selection);
	}

	@QueryMapping
	Connection<Place> counties(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection) {
		return list(PlaceLevel.COUNTY, filter, orderBy, first, after, selection);
	}

	@QueryMapping
	Connection<Place> townships(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection) {
		return list(PlaceLevel.TOWNSHIP, filter, orderBy, first, after, selection);
	}

	@QueryMapping
	Connection<Place> villages(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection) {
		return list(PlaceLevel.VILLAGE, filter, orderBy, first, after, selection);
	}

	private Connection<Place> list(PlaceLevel level, PlaceFilter filter, PlaceOrder orderBy, Integer first,
			String after, DataFetchingFieldSelectionSet selection) {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		return this.places.list(PlaceListKey.of(level, filter, orderBy, page, selection.contains("totalCount")));
	}

}
