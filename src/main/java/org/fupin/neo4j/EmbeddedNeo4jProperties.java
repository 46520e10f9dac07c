package org.fupin.neo4j;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-process Neo4j that starts when no {@code spring.neo4j.uri} is
 * configured.
 *
 * @param dataDir where the store lives; it survives restarts
 * @param boltPort Bolt port on 127.0.0.1; {@code 0} picks a free one (tests)
 * @param pageCache page cache size: the part of the store kept in memory
 */
@ConfigurationProperties("app.neo4j.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./data") String dataDir, @DefaultValue("7687") int boltPort,
		@DefaultValue("128MB") DataSize pageCache) {
}
