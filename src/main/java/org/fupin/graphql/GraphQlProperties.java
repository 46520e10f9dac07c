package org.fupin.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the GraphQL API. Each one answers a coded error naming the limit when a
 * request goes past it.
 *
 * @param maxPageSize the largest {@code first} any list accepts
 * @param maxDepth the deepest nesting of fields an operation may select
 * @param maxComplexity the largest cost an operation may have: every field costs 1, and
 * what is selected under a list costs as many times as the list's {@code first}
 * @param maxFields the most fields an operation may select, fragments expanded
 * @param maxAliases the most aliased fields an operation may select
 * @param maxRequestBytes the largest request body accepted
 * @param requestTimeout the longest a request may run; read-only database transactions
 * get it as their timeout too (rounded up to whole seconds), so the database stops a
 * runaway query
 */
@ConfigurationProperties("app.graphql")
public record GraphQlProperties(@DefaultValue("100") int maxPageSize, @DefaultValue("12") int maxDepth,
		@DefaultValue("20000") int maxComplexity, @DefaultValue("300") int maxFields,
		@DefaultValue("30") int maxAliases, @DefaultValue("65536") long maxRequestBytes,
		@DefaultValue("10s") Duration requestTimeout) {
}
