# Builds the application jar and runs it against the Neo4j server named by SPRING_NEO4J_URI
# (see docker-compose.yml); with that variable set, no embedded database starts.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY schema schema
COPY seed seed
COPY src src
# The image serves a Neo4j server's data, so it needs no seeded embedded store in its jar.
RUN ./mvnw -B -q package -DskipTests -Dseed-store.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app app
WORKDIR /app
# Uploaded ledgers wait in ./data/imports (app.ledger.import.dir) until their import is
# committed or cancelled: the one directory the application writes, a volume in compose.
RUN mkdir data && chown app:app data
COPY --from=build /src/target/fupin-graph-*.jar app.jar
USER app
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
