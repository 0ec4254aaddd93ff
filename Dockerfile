# contacts-service on Open Liberty. Build and run:
#   docker build -t contacts-service .
#   docker run -p 9080:9080 -e MONGO_URI=mongodb://host.docker.internal:27017 \
#     -e MP_JWT_VERIFY_PUBLICKEY="$(cat public.pem)" -e MP_JWT_VERIFY_ISSUER=https://issuer.example contacts-service

# Stage 1 builds the production WAR: -Dproduction leaves out the development build (src/dev/java,
# the embedded datastore and the contact generator, and their libraries; see pom.xml). The
# dependencies get a layer of their own, rebuilt only when pom.xml changes.
FROM maven:3.9.11-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q -Dproduction dependency:go-offline
COPY src ./src
RUN mvn -B -Dproduction -DskipTests package

# Stage 2 runs it. The Liberty version is liberty.runtime.version in pom.xml: change both together
# (the registry keeps images of the latest release and of the last two quarterly ones).
FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java21-openj9-ubi-minimal

# The whole config directory, so whatever is added next to server.xml comes along; features.sh
# installs the features server.xml names, whichever they are.
COPY --chown=1001:0 src/main/liberty/config/ /config/
RUN features.sh

# dropins/ needs no application element in server.xml; ibm-web-ext.xml serves the WAR at /.
COPY --chown=1001:0 --from=build /build/target/contacts-service.war /config/dropins/

# Starts the server to warm the OpenJ9 class cache; it comes up without a datastore and stops.
RUN configure.sh

# Set after the build steps, so it applies to the running server: the heap follows the
# container's memory limit, leaving a quarter for the JVM's own memory.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# One JSON object per log line, for the cluster's log collector.
ENV LOG_FORMAT=JSON
# Bearer tokens required (the default, written out): set MP_JWT_VERIFY_PUBLICKEY (or its
# _LOCATION) and MP_JWT_VERIFY_ISSUER at run time (docs/security.md). configure.sh made the
# default keystore that Liberty's mpJwt needs.
ENV CONTACTS_AUTH_MODE=jwt
# Primes the service's hot paths before readiness reports UP (docs/operations.md), written out
# though it is the default. configure.sh above starts the server without a datastore, where
# priming gives up at its first request for contacts.
ENV CONTACTS_PRIMING_ENABLED=true

USER 1001
EXPOSE 9080
