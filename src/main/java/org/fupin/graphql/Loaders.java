package org.fupin.graphql;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

/**
 * Loads a per-parent field through a DataLoader when the parent has a key for it; a
 * parent without one (an asset with no project, a pairing with no parent) answers null
 * without queueing anything.
 */
public final class Loaders {

	private Loaders() {
	}

	public static <V> CompletableFuture<V> load(DataFetchingEnvironment env, String loader, String key) {
		return (key != null) ? env.<String, V>getDataLoader(loader).load(key) : CompletableFuture.completedFuture(null);
	}

	public static <V> CompletableFuture<V> load(DataLoader<String, V> loader, String key) {
		return (key != null) ? loader.load(key) : CompletableFuture.completedFuture(null);
	}

}
