package org.fupin.change;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.PropertyDataFetcher;
import org.dataloader.DataLoader;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code changes(...)} and {@code Asset.changes}. The per-asset lists of a response load
 * together through a DataLoader: one query for all assets of a page.
 */
@Controller
class ChangeHistoryController {

	/** DataLoader of per-asset change pages. */
	static final String ASSET_CHANGES = "assetChanges";

	/**
	 * Reads the register number of whatever object the asset read side resolves Asset to.
	 */
	private static final PropertyDataFetcher<Object> REGISTER_NO = PropertyDataFetcher.fetching("registerNo");

	private final ChangeHistoryService history;

	private final GraphQlProperties properties;

	ChangeHistoryController(ChangeHistoryService history, GraphQlProperties properties, BatchLoaderRegistry registry) {
		this.history = history;
		this.properties = properties;
		registry.<ChangeHistoryService.SubjectPage, Connection<ChangeEvent>>forName(ASSET_CHANGES)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> history.findBySubjects("Asset", keys)));
	}

	@QueryMapping
	Connection<ChangeEvent> changes(@Argument ChangeFilter filter, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		return this.history.find(filter, page, FieldSelections.of(env).contains("totalCount"));
	}

	@SchemaMapping(typeName = "Asset", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> assetChanges(@Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) throws Exception {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		String registerNo = String.valueOf(REGISTER_NO.get(env));
		DataLoader<ChangeHistoryService.SubjectPage, Connection<ChangeEvent>> loader = env.getDataLoader(ASSET_CHANGES);
		return loader.load(
				new ChangeHistoryService.SubjectPage(registerNo, page, FieldSelections.of(env).contains("totalCount")));
	}

}
