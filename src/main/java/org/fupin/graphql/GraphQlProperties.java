package org.fupin.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the GraphQL API.
 *
 * @param maxPageSize the largest {@code first} any list accepts
 */
@ConfigurationProperties("app.graphql")
public record GraphQlProperties(@DefaultValue("100") int maxPageSize) {
}
