/**
 * The graph declared once ({@link org.fupin.graph.Model}): labels, natural keys, typed
 * properties (money in fen and shares in hundredths among them) and relationships with
 * their ends, and the Cypher pieces derived from it; beside them, the clause that
 * write-locks nodes ({@link org.fupin.graph.Locks}).
 *
 * <p>
 * The declaration is Java, not a file read at start: the code that derives from it (the
 * seed loader, the bulk writer, the offline importer's input, the party look-up) names
 * node and relationship types by constant, so a misspelt type fails the build instead of
 * a load, and a test can extend the declaration with {@link org.fupin.graph.Graph#with}
 * to show that the writers follow. {@code schema/README.md}'s tables are rendered from it
 * and a test keeps them equal; another test checks its keys against the uniqueness
 * constraints of the migrations in {@code schema/neo4j}, which stay the schema's source
 * of truth for the database.
 *
 * <p>
 * The derived statements are rendered as text, not with the Cypher-DSL that Spring Data
 * Neo4j brings along. They are a handful of fixed shapes ({@code UNWIND ... MERGE},
 * {@code CALL { ... UNION ... }}, a period condition) that the repositories splice into
 * their own text blocks, which stay the house style for Cypher; the DSL builds whole
 * statements as object trees, so using it here would mean either rendering fragments
 * through it and splicing strings anyway, or rewriting every repository in it. Values are
 * never spliced: every statement takes them as parameters.
 */
package org.fupin.graph;
