package org.fupin.asset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.Keyset;
import org.fupin.graphql.PageRequest;
import org.fupin.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Turns the arguments of a per-parent list field into a DataLoader key after validating
 * them (page size, cursor, filter), without touching the database: it runs once per
 * parent object, and the loaders in {@link AssetLoaders} read the whole response level.
 */
@Component
class AssetKeys {

	private final GraphQlProperties properties;

	private final Clock clock;

	AssetKeys(GraphQlProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Today in China (or {@code app.today}), the default of every date argument. */
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The assets under a parent on a date, by register number, batched with the same list
	 * of the other parents on the response level. Those of a parent span places (an
	 * enterprise's, a fund source's), so the list holds those the caller reads.
	 */
	CompletableFuture<Connection<Asset>> assets(AssetListKey.Anchor anchor, String parent, LocalDate asOf,
			Integer first, String after, DataFetchingEnvironment env) {
		AssetFilter filter = AssetFilter.NONE.withAsOf((asOf != null) ? asOf : today());
		AssetListKey key = new AssetListKey(anchor, parent, filter, scope(env), AssetOrder.REGISTER_NO_ASC,
				page(first, after), FieldSelections.of(env).contains("totalCount"));
		key.order().keyset().after(key.page().after());
		return env.<AssetListKey, Connection<Asset>>getDataLoader(AssetLoaders.ASSET_LISTS).load(key);
	}

	/**
	 * A filtered, ordered asset list under a parent (or the root list), of the assets the
	 * caller reads.
	 */
	AssetListKey list(AssetListKey.Anchor anchor, String parent, AssetFilter filter, AssetOrder order, Integer first,
			String after, DataFetchingEnvironment env) {
		AssetFilter checked = AssetFilter.orNone(filter).validated("filter").withDefaultAsOf(today());
		AssetListKey key = new AssetListKey(anchor, parent, checked, scope(env),
				(order != null) ? order : AssetOrder.REGISTER_NO_ASC, page(first, after),
				FieldSelections.of(env).contains("totalCount"));
		key.order().keyset().after(key.page().after());
		return key;
	}

	/**
	 * The place the caller reads assets in, or null for everywhere: an OFFICER is refused
	 * every asset outside its place field by field, and a list (of assets, or of what
	 * their income paid) must not hand it their keys in cursors, nor count them.
	 */
	static String scope(DataFetchingEnvironment env) {
		return Caller.of(env.getGraphQlContext()).readScope("Asset");
	}

	/**
	 * A page of one of the {@link RecordLists} under a parent, after checking its cursor.
	 */
	<T> CompletableFuture<Connection<T>> page(String loader, Keyset<T> list, String parent, Object argument,
			Integer first, String after, DataFetchingEnvironment env) {
		PageKey key = new PageKey(parent, argument, page(first, after), FieldSelections.of(env).contains("totalCount"));
		list.after(key.page().after());
		return env.<PageKey, Connection<T>>getDataLoader(loader).load(key);
	}

	/**
	 * The key {@link #page} makes for the same arguments, without a parent: for reading
	 * the page ahead. Throws what {@link #page} would throw.
	 */
	PageKey shape(Keyset<?> list, Object argument, Integer first, String after, boolean withTotal) {
		PageKey key = new PageKey(null, argument, page(first, after), withTotal);
		list.after(key.page().after());
		return key;
	}

	private PageRequest page(Integer first, String after) {
		return PageRequest.of(first, after, this.properties.maxPageSize());
	}

}
