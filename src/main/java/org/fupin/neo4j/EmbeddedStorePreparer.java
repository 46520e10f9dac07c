package org.fupin.neo4j;

import java.nio.file.Path;

/**
 * Work on the embedded store's files that must happen before the embedded DBMS opens
 * them, such as an offline import. Every bean of this type runs, in order, before the
 * DBMS starts; none runs when an external server is configured.
 */
@FunctionalInterface
public interface EmbeddedStorePreparer {

	/**
	 * Prepares the store.
	 * @param home the DBMS's home directory ({@code app.neo4j.embedded.data-dir}),
	 * absolute and normalised
	 */
	void prepare(Path home);

}
