package org.fupin.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.dataloader.DataLoader;
import org.fupin.asset.Asset;
import org.fupin.asset.AssetLoaders;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Audit queries, and {@code Asset.auditFindings}: the findings of every asset on a
 * response level are computed with one query.
 */
@Controller
class AuditController {

	private static final String FINDINGS_BY_ASSET = "auditFindingsByAsset";

	private final AuditService audit;

	private final GraphQlProperties properties;

	AuditController(AuditService audit, GraphQlProperties properties, BatchLoaderRegistry registry) {
		this.audit = audit;
		this.properties = properties;
		registry.<String, List<AuditFinding>>forName(FINDINGS_BY_ASSET)
			.registerMappedBatchLoader((registerNos, env) -> Mono.fromCallable(() -> {
				Map<String, List<AuditFinding>> found = new java.util.HashMap<>(audit.findingsOf(registerNos));
				registerNos.forEach((registerNo) -> found.putIfAbsent(registerNo, List.of()));
				return found;
			}));
	}

	/**
	 * A page of findings, its total when asked and, when the findings' asset is asked,
	 * each finding's asset, from one query; the assets are primed into the loader that
	 * {@code AuditFinding.asset} uses, so its resolver runs as usual without another
	 * query.
	 */
	@QueryMapping
	Connection<AuditFinding> auditFindings(@Argument AuditFindingFilter filter, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		AuditService.FindingsWithAssets found = this.audit.findings(filter,
				PageRequest.of(first, after, this.properties.maxPageSize()),
				FieldSelections.of(env).contains("totalCount"),
				FieldSelections.of(env, "edges", "node").contains("asset"));
		DataLoader<String, Asset> assets = env.getDataLoader(AssetLoaders.ASSET_BY_REGISTER_NO);
		found.assets().forEach(assets::prime);
		return found.page();
	}

	@QueryMapping
	List<AuditRuleCount> auditFindingCounts(@Argument String placeCode) {
		return this.audit.counts(placeCode);
	}

	@SchemaMapping(typeName = "Asset")
	CompletableFuture<List<AuditFinding>> auditFindings(Asset asset, DataFetchingEnvironment env) {
		return env.<String, List<AuditFinding>>getDataLoader(FINDINGS_BY_ASSET).load(asset.registerNo());
	}

	@SchemaMapping(typeName = "AuditFinding")
	CompletableFuture<Asset> asset(AuditFinding finding, DataFetchingEnvironment env) {
		return env.<String, Asset>getDataLoader(AssetLoaders.ASSET_BY_REGISTER_NO).load(finding.registerNo());
	}

}
