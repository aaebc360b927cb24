# The LexBridge runtime image, built from a built checkout: `./mvnw -B package` writes the unpacked application to
# tools/target/lexbridge-app/ (lexbridge.jar beside lib/), and that is all the image takes (.dockerignore).
#   docker build -t registry.example.eu/lexbridge/lexbridge:0.1.0 .
# In production pin the base image by digest as well (docs/kubernetes.md, "The image").
FROM eclipse-temurin:17-jre

# A fixed uid and gid, so that Kubernetes' runAsUser and fsGroup can name them.
RUN groupadd --system --gid 10001 lexbridge \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/lexbridge --no-create-home \
      --shell /usr/sbin/nologin lexbridge \
 && mkdir -p /var/lib/lexbridge \
 && chown 10001:10001 /var/lib/lexbridge

# The unpacked jar starts about four times faster than the executable one (docs/operations.md). Owned by root: the
# connector's user can read the application, not change it.
COPY tools/target/lexbridge-app/ /opt/lexbridge/

# The database (H2, unless PostgreSQL), the queue journal (unless an external broker), spools and payloads live below
# the data directory; Kubernetes mounts a volume here.
ENV LEXBRIDGE_CONNECTOR_DATADIRECTORY=/var/lib/lexbridge \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
WORKDIR /var/lib/lexbridge
USER 10001:10001

# 8443: HTTPS for partners and back-ends (AS4 /as4, REST /api/v1, SOAP /services/*), the connector's own TLS.
# 9090: management (health, Prometheus, Hawtio); it listens on loopback only unless management.server.address says
# otherwise, e.g. MANAGEMENT_SERVER_ADDRESS=0.0.0.0 (the Helm chart sets it).
EXPOSE 8443 9090
ENTRYPOINT ["java", "-jar", "/opt/lexbridge/lexbridge.jar", "serve"]
