// One node per set of migration scripts applied (with the version of Neo4j-Migrations that
// applied them), found by their digest: a start that finds its own set recorded does not
// ask the library to check the store again (org.fupin.neo4j.MigrationsOnStart).
CREATE CONSTRAINT migration_run_version IF NOT EXISTS FOR (n:MigrationRun) REQUIRE n.version IS UNIQUE;
