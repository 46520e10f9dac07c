// The benchmark's peer: @neo4j/graphql on Apollo Server (standalone, Node's own HTTP
// server), reading the platform's embedded store over Bolt with the type definitions of
// typeDefs.graphql. Started and stopped by the benchmark (org.fupin.bench.PeerProcess):
//   BOLT_URL=bolt://127.0.0.1:7687 PORT=0 node server.mjs
// It prints one line "peer listening on <url>" when it answers.
import fs from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const boltUrl = process.env.BOLT_URL ?? "bolt://127.0.0.1:7687";
const port = Number(process.env.PORT ?? 4000);
const typeDefs = fs.readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");

// The platform's store runs without authentication on loopback.
const driver = neo4j.driver(boltUrl, neo4j.auth.basic("neo4j", "unused"), { maxConnectionPoolSize: 64 });
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
console.log(`peer listening on ${url}`);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
