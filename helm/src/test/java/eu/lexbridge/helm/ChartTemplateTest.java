package eu.lexbridge.helm;

import static eu.lexbridge.helm.Chart.at;
import static eu.lexbridge.helm.Chart.list;
import static eu.lexbridge.helm.Chart.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code helm template} with the production-like values: what each rendered document must say. */
class ChartTemplateTest {

    private static final Chart.Rendered RENDERED = Chart.production();
    private static final Map<String, Object> VALUES = Chart.yaml(Chart.PRODUCTION_VALUES);
    private static final Map<String, Object> DEFAULTS = Chart.yaml(Chart.DIRECTORY.resolve("values.yaml"));

    /** Which store each configuration key names: the values' store, the key in application.yml. */
    private static final Map<String, String> STORE_KEYS = Map.of(
            "tls", "server.ssl.key-store",
            "as4", "lexbridge.as4.key-store",
            "evidenceSeal", "lexbridge.evidence.seal.key-store",
            "containerSeal", "lexbridge.container.seal.key-store",
            "as4Trust", "lexbridge.as4.trust-store",
            "tlsTrust", "lexbridge.as4.tls-trust-store",
            "evidenceTrust", "lexbridge.evidence.trust-store",
            "as4Edelivery2", "lexbridge.as4.edelivery2.key-store");

    @Test
    void theDeploymentRunsTheConfiguredReplicasOnTheExternalBrokerAndDatabase() {
        assertThat(at(RENDERED.one("Deployment"), "spec.replicas")).isEqualTo(VALUES.get("replicaCount"));
        Map<String, Object> config = RENDERED.applicationYml();
        assertThat(at(config, "spring.artemis.mode")).isEqualTo("native");
        assertThat(at(config, "spring.artemis.broker-url")).isEqualTo(at(VALUES, "broker.url"));
        assertThat(at(config, "spring.datasource.url")).isEqualTo(at(VALUES, "database.url"));
        assertThat(at(RENDERED.container(), "args").toString())
                .contains("--spring.config.additional-location=file:/etc/lexbridge/config/application.yml");
    }

    @Test
    void theProbesAskTheManagementPortWithAHostItKnows() {
        Map<String, Object> container = RENDERED.container();
        Map<String, Object> config = RENDERED.applicationYml();
        assertThat(at(config, "management.server.address")).isEqualTo("0.0.0.0");
        Object managementPort = at(config, "management.server.port");
        assertThat(containerPort(container, "management")).isEqualTo(managementPort);

        Map<String, String> paths = Map.of("startupProbe", "/actuator/health/liveness",
                "livenessProbe", "/actuator/health/liveness", "readinessProbe", "/actuator/health/readiness");
        paths.forEach((probe, path) -> {
            assertThat(at(container, probe + ".httpGet.path")).as(probe).isEqualTo(path);
            assertThat(at(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
            assertThat(at(container, probe + ".httpGet.httpHeaders").toString()).as(probe).contains("Host", "localhost");
        });
        int startupSeconds = (Integer) at(container, "startupProbe.periodSeconds")
                * (Integer) at(container, "startupProbe.failureThreshold");
        assertThat(startupSeconds).as("the connector takes up to a minute to start").isGreaterThanOrEqualTo(120);
    }

    @Test
    void eachStoreIsMountedReadOnlyFromItsSecretWhereTheConfigurationLooksForIt() {
        Map<String, Object> pod = map(at(RENDERED.one("Deployment"), "spec.template.spec"));
        Map<String, Object> config = RENDERED.applicationYml();
        STORE_KEYS.forEach((store, key) -> {
            String path = (String) at(config, key);
            assertThat(path).as(key).isNotBlank();
            Map<String, Object> mount = list(RENDERED.container().get("volumeMounts")).stream().map(Chart::map)
                    .filter(m -> path.startsWith(m.get("mountPath") + "/")).findFirst().orElseThrow();
            assertThat(mount.get("readOnly")).as(key).isEqualTo(true);
            Map<String, Object> volume = list(pod.get("volumes")).stream().map(Chart::map)
                    .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
            assertThat(at(volume, "secret.secretName")).as(key).isEqualTo(at(VALUES, "stores." + store + ".secretName"));
            String file = path.substring(((String) mount.get("mountPath")).length() + 1);
            assertThat(at(volume, "secret.items").toString()).as(key).contains("key=" + file, "path=" + file);
        });
        assertThat(STORE_KEYS.keySet()).as("every store of the values").isEqualTo(map(DEFAULTS.get("stores")).keySet());
    }

    @Test
    void noConfigMapHoldsAPasswordOrKeyMaterial() {
        for (Map<String, Object> configMap : RENDERED.all("ConfigMap")) {
            for (Object text : map(configMap.get("data")).values()) {
                assertThat((String) text).doesNotContain("PRIVATE KEY", "BEGIN CERTIFICATE", "{bcrypt}");
            }
        }
        Chart.flatten(RENDERED.applicationYml()).forEach((key, value) -> {
            if (key.matches("(?i).*(password|pin|secret)$")) {
                assertThat(value).as(key).asString().matches("\\$\\{[A-Z0-9_]+}");
            }
        });
    }

    @Test
    void everyPlaceholderOfTheConfigurationIsAnEnvironmentVariableOfThePod() {
        Map<String, Object> env = list(RENDERED.container().get("env")).stream().map(Chart::map)
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
        Set<String> placeholders = placeholders(Chart.flatten(RENDERED.applicationYml()).values());
        assertThat(placeholders).contains("LEXBRIDGE_TLS_PASSWORD", "LEXBRIDGE_DB_PASSWORD", "POD_IP");
        for (String name : placeholders) {
            assertThat(env).as(name).containsKey(name);
            if (name.endsWith("_PASSWORD")) {
                assertThat(at(env.get(name), "valueFrom.secretKeyRef.name")).as(name).isNotNull();
            }
        }
    }

    @Test
    void payloadsLieOnOneClaimEveryReplicaCanWrite() {
        Map<String, Object> claim = RENDERED.one("PersistentVolumeClaim");
        assertThat(list(at(claim, "spec.accessModes"))).containsExactly("ReadWriteMany");
        String directory = (String) at(RENDERED.applicationYml(), "lexbridge.connector.payload-directory");
        Map<String, Object> mount = list(RENDERED.container().get("volumeMounts")).stream().map(Chart::map)
                .filter(m -> directory.equals(m.get("mountPath"))).findFirst().orElseThrow();
        Map<String, Object> volume = list(at(RENDERED.one("Deployment"), "spec.template.spec.volumes")).stream()
                .map(Chart::map).filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        assertThat(at(volume, "persistentVolumeClaim.claimName")).isEqualTo(at(claim, "metadata.name"));
    }

    /** The alternative to the shared volume: a bucket, with its credentials and the encryption key from Secrets. */
    @Test
    void payloadsInABucketNeedNoClaimAndTakeTheirKeysFromSecrets() {
        Chart.Rendered s3 = Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("payloads.store", "s3").set("payloads.s3.endpoint", "https://minio.storage.svc:9000")
                .set("payloads.s3.bucket", "lexbridge-payloads")
                .set("payloads.s3.encryptionKeySecret.name", "lexbridge-payload-key"));

        assertThat(s3.all("PersistentVolumeClaim")).isEmpty();
        assertThat(list(s3.container().get("volumeMounts")).toString()).doesNotContain("payloads");
        assertThat(list(at(s3.one("Deployment"), "spec.template.spec.volumes")).toString())
                .doesNotContain("payloads");
        Map<String, Object> config = s3.applicationYml();
        assertThat(at(map(config.get("lexbridge")), "connector").toString()).doesNotContain("payload-directory");
        assertThat(at(config, "lexbridge.payload-store.type")).isEqualTo("s3");
        assertThat(at(config, "lexbridge.payload-store.s3.endpoint")).isEqualTo("https://minio.storage.svc:9000");
        assertThat(at(config, "lexbridge.payload-store.s3.bucket")).isEqualTo("lexbridge-payloads");
        assertThat(at(config, "lexbridge.payload-store.s3.path-style")).isEqualTo(true);
        Map<String, Object> env = list(s3.container().get("env")).stream().map(Chart::map)
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
        Map<String, String> secrets = Map.of(
                "access-key", "LEXBRIDGE_S3_ACCESS_KEY:lexbridge-passwords:s3-access-key",
                "secret-key", "LEXBRIDGE_S3_SECRET_KEY:lexbridge-passwords:s3-secret-key",
                "encryption-key", "LEXBRIDGE_PAYLOAD_ENCRYPTION_KEY:lexbridge-payload-key:payload-encryption-key");
        secrets.forEach((key, expected) -> {
            String[] parts = expected.split(":");
            assertThat(at(config, "lexbridge.payload-store.s3." + key)).as(key).isEqualTo("${" + parts[0] + "}");
            assertThat(at(env.get(parts[0]), "valueFrom.secretKeyRef.name")).as(key).isEqualTo(parts[1]);
            assertThat(at(env.get(parts[0]), "valueFrom.secretKeyRef.key")).as(key).isEqualTo(parts[2]);
        });

        Chart.Rendered podCredentials = Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("payloads.store", "s3").set("payloads.s3.bucket", "lexbridge-payloads")
                .set("payloads.s3.credentialsFromSecret", false));
        assertThat(map(at(podCredentials.applicationYml(), "lexbridge.payload-store.s3")))
                .doesNotContainKeys("access-key", "secret-key", "endpoint").containsKey("encryption-key");
        assertThat(list(podCredentials.container().get("env")).toString()).doesNotContain("LEXBRIDGE_S3_");

        assertThatThrownBy(() -> Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("payloads.store", "s3")))
                .hasMessageContaining("payloads.s3.bucket is required with payloads.store s3");
        assertThatThrownBy(() -> Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("payloads.store", "nfs")))
                .hasMessageContaining("payloads.store must be disk or s3, not nfs");
    }

    /**
     * Our eDelivery AS4 2.0 keys (for partners with as4-profile 2.0 or 2.0-ecdsa): a store like the others, its
     * password from the Secret through a placeholder; without its Secret nothing of 2.0 is rendered at all.
     */
    @Test
    void theEdelivery2KeysComeFromTheirSecretAndOnlyWhenOneIsNamed() {
        assertThat(map(at(RENDERED.applicationYml(), "lexbridge.as4.edelivery2"))).containsOnly(
                entry("key-store", "/etc/lexbridge/stores/as4Edelivery2/as4-edelivery2.p12"),
                entry("key-store-password", "${LEXBRIDGE_AS4_EDELIVERY2_PASSWORD}"),
                entry("signing-alias", "as4-sign"), entry("decryption-alias", "as4-decrypt"),
                entry("ec-signing-alias", "as4-ec-sign"), entry("ec-decryption-alias", "as4-ec-decrypt"));
        Map<String, Object> password = list(RENDERED.container().get("env")).stream().map(Chart::map)
                .filter(e -> "LEXBRIDGE_AS4_EDELIVERY2_PASSWORD".equals(e.get("name"))).findFirst().orElseThrow();
        assertThat(map(at(password, "valueFrom.secretKeyRef")))
                .containsOnly(entry("name", "lexbridge-passwords"), entry("key", "as4-edelivery2-password"));
        assertThat(list(RENDERED.container().get("volumeMounts"))).contains(Map.of("name", "store-as4-edelivery2",
                "mountPath", "/etc/lexbridge/stores/as4Edelivery2", "readOnly", true));
        Map<String, Object> volume = list(at(RENDERED.one("Deployment"), "spec.template.spec.volumes")).stream()
                .map(Chart::map).filter(v -> "store-as4-edelivery2".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(at(volume, "secret.secretName")).isEqualTo("lexbridge-as4-edelivery2");
        assertThat(at(volume, "secret.items")).isEqualTo(List.of(
                Map.of("key", "as4-edelivery2.p12", "path", "as4-edelivery2.p12")));
        // The 2.0 partner's key-agreement certificate comes through the partner certificates' volume.
        Map<String, Object> partner = map(at(RENDERED.applicationYml(), "lexbridge.network.partners.1"));
        assertThat(partner).containsEntry("as4-profile", "2.0");
        String certificate = (String) partner.get("encryption-certificate");
        assertThat(list(RENDERED.container().get("volumeMounts")).stream().map(Chart::map)
                .filter(m -> certificate.startsWith(m.get("mountPath") + "/")).toList())
                .singleElement().extracting(m -> m.get("readOnly")).isEqualTo(true);

        Chart.Rendered eddsaOnly = Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("stores.as4Edelivery2.ecSigningAlias", "").set("stores.as4Edelivery2.ecDecryptionAlias", ""));
        assertThat(map(at(eddsaOnly.applicationYml(), "lexbridge.as4.edelivery2")))
                .containsKeys("key-store", "signing-alias", "decryption-alias")
                .doesNotContainKeys("ec-signing-alias", "ec-decryption-alias");
        assertThatThrownBy(() -> Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("stores.as4Edelivery2.ecDecryptionAlias", "")))
                .hasMessageContaining("stores.as4Edelivery2.ecSigningAlias and ecDecryptionAlias go together");

        assertThat(at(DEFAULTS, "stores.as4Edelivery2.secretName")).isEqualTo("");
        Chart.Rendered off = Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("stores.as4Edelivery2.secretName", ""));
        assertThat(map(at(off.applicationYml(), "lexbridge.as4"))).containsKey("key-store")
                .doesNotContainKey("edelivery2");
        assertThat(Chart.flatten(off.documents()).entrySet().stream().map(String::valueOf)
                .filter(leaf -> leaf.toLowerCase(Locale.ROOT).contains("edelivery2")).toList())
                .as("anything of 2.0 without its store").isEmpty();
    }

    @Test
    void theContainerRunsUnprivilegedOnAReadOnlyRoot() {
        Map<String, Object> pod = map(at(RENDERED.one("Deployment"), "spec.template.spec"));
        assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(at(RENDERED.container(), "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(list(at(RENDERED.container(), "securityContext.capabilities.drop"))).containsExactly("ALL");
        assertThat(list(RENDERED.container().get("volumeMounts")).toString()).contains("mountPath=/tmp");
    }

    @Test
    void aDisruptionBudgetKeepsOneReplicaSelectingTheDeploymentsPods() {
        Map<String, Object> budget = RENDERED.one("PodDisruptionBudget");
        assertThat(at(budget, "spec.minAvailable")).isEqualTo(1);
        assertThat(at(budget, "spec.selector.matchLabels"))
                .isEqualTo(at(RENDERED.one("Deployment"), "spec.selector.matchLabels"));
    }

    @Test
    void onlyTheMonitoringNamespaceAndOperatorNetworksReachTheManagementPort() {
        List<Map<String, Object>> rules = list(at(RENDERED.one("NetworkPolicy"), "spec.ingress")).stream()
                .map(Chart::map).toList();
        List<Map<String, Object>> management = rules.stream()
                .filter(r -> r.get("ports").toString().contains("management")).toList();
        assertThat(management).hasSize(1);
        List<Object> from = list(management.get(0).get("from"));
        assertThat(from).containsExactlyInAnyOrder(
                Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring"))),
                Map.of("ipBlock", Map.of("cidr", "10.20.0.0/24")));
        assertThat(list(at(RENDERED.one("NetworkPolicy"), "spec.policyTypes"))).contains("Ingress", "Egress");
    }

    @Test
    void theManagementPortHasAServiceOfItsOwnInsideTheCluster() {
        Map<String, Set<Object>> portsByService = RENDERED.all("Service").stream().collect(Collectors.toMap(
                s -> (String) at(s, "metadata.name"),
                s -> list(at(s, "spec.ports")).stream().map(p -> map(p).get("name")).collect(Collectors.toSet())));
        assertThat(portsByService.values()).containsExactlyInAnyOrder(Set.of("public"), Set.of("management"));
        Map<String, Object> management = RENDERED.all("Service").stream()
                .filter(s -> at(s, "spec.ports.0.name").equals("management")).findFirst().orElseThrow();
        assertThat(at(management, "spec.type")).isEqualTo("ClusterIP");
    }

    @Test
    void prometheusScrapesTheActuatorWithAViewerLoginFromASecret() {
        Map<String, Object> monitor = RENDERED.one("ServiceMonitor");
        Map<String, Object> endpoint = map(list(at(monitor, "spec.endpoints")).get(0));
        assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
        assertThat(endpoint.get("port")).isEqualTo("management");
        String secret = (String) at(VALUES, "serviceMonitor.basicAuthSecret");
        assertThat(at(endpoint, "basicAuth.username.name")).isEqualTo(secret);
        assertThat(at(endpoint, "basicAuth.password.name")).isEqualTo(secret);
        Map<String, Object> managementService = RENDERED.all("Service").stream()
                .filter(s -> at(s, "spec.ports").toString().contains("management")).findFirst().orElseThrow();
        assertThat(map(at(managementService, "metadata.labels")))
                .containsAllEntriesOf(map(at(monitor, "spec.selector.matchLabels")));
    }

    @Test
    void theIngressPassesTlsThroughToTheConnector() {
        Map<String, Object> ingress = RENDERED.one("Ingress");
        assertThat(map(at(ingress, "metadata.annotations")))
                .containsEntry("nginx.ingress.kubernetes.io/ssl-passthrough", "true");
        assertThat(at(ingress, "spec.rules.0.host")).isEqualTo(at(VALUES, "ingress.host"));
    }

    @Test
    void valuesThatMustBeGivenStopTheRenderingWithASentence() {
        assertThatThrownBy(() -> Chart.render(t -> t.set("image.repository", "registry.example.eu/lexbridge")))
                .hasMessageContaining("broker.url is required with replicaCount > 1");
        assertThatThrownBy(() -> Chart.render(t -> t.set("image.repository", "registry.example.eu/lexbridge")
                .set("broker.url", "tcp://artemis:61616")))
                .hasMessageContaining("database.url is required with replicaCount > 1");
        assertThatThrownBy(() -> Chart.render(t -> t.set("image.repository", "registry.example.eu/lexbridge")
                .set("replicaCount", 1)))
                .hasMessageContaining("dataDirectory.existingClaim is required");
        assertThatThrownBy(() -> Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("stores.as4.secretName", "")))
                .hasMessageContaining("stores.as4.secretName is required");
        assertThatThrownBy(() -> Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("image.repository", "")))
                .hasMessageContaining("image.repository is required");
    }

    /** Tracing is off unless tracing.enabled; on, the connector gets the collector and the pods may reach it. */
    @Test
    void tracingPassesTheCollectorToTheConnectorAndOpensItsPortOnlyWhenEnabled() {
        Map<String, Object> config = RENDERED.applicationYml();
        assertThat(at(config, "lexbridge.tracing.enabled")).isEqualTo(true);
        assertThat(at(config, "lexbridge.tracing.endpoint")).isEqualTo(at(VALUES, "tracing.endpoint"));
        assertThat(at(config, "lexbridge.tracing.sampling-probability")).isEqualTo(0.2);
        assertThat(at(RENDERED.one("NetworkPolicy"), "spec.egress").toString()).contains("port=4318");

        assertThat(at(DEFAULTS, "tracing.enabled")).isEqualTo(false);
        Chart.Rendered off = Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES).set("tracing.enabled", false));
        assertThat(map(off.applicationYml().get("lexbridge"))).doesNotContainKey("tracing");
        assertThat(at(off.one("NetworkPolicy"), "spec.egress").toString()).doesNotContain("port=4318");

        assertThatThrownBy(() -> Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("tracing.endpoint", "")))
                .hasMessageContaining("tracing.endpoint is required with tracing.enabled");
    }

    @Test
    void aSingleReplicaOnItsOwnClaimGetsNoDisruptionBudget() {
        Chart.Rendered single = Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                .set("replicaCount", 1).set("dataDirectory.existingClaim", "lexbridge-data"));
        assertThat(single.all("PodDisruptionBudget")).isEmpty();
        assertThat(at(single.one("Deployment"), "spec.replicas")).isEqualTo(1);
    }

    private static Object containerPort(Map<String, Object> container, String name) {
        return list(container.get("ports")).stream().map(Chart::map).filter(p -> name.equals(p.get("name")))
                .findFirst().orElseThrow().get("containerPort");
    }

    private static Set<String> placeholders(Iterable<Object> values) {
        Pattern placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
        Set<String> names = new TreeSet<>();
        for (Object value : values) {
            Matcher m = placeholder.matcher(String.valueOf(value));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
