package io.bsocial.system.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.TopicProperties;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Kubernetes deployment (deploy/) as kustomize renders it, every object read into fabric8's
 * model and held to the rules docs/operations.md states: probes, limits and a locked-down
 * security context everywhere; a disruption budget per workload; ports reachable only as the
 * NetworkPolicies say; the three processes' images; exactly the settings the processes read, and
 * the ones they need; migrations before the workloads; the topics of EventTopics. What a process
 * reads is taken from its sources (ProcessSettings), not written down twice.
 */
class KustomizeDeploymentTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final List<String> OVERLAYS = List.of("dev", "production");
    static final List<String> PROCESSES = List.of("web", "notifier", "indexer");
    static final String COMPONENT = "app.kubernetes.io/component";

    /** Settings no default reveals as wrong in a pod, but a pod must set all the same. */
    static final Map<String, List<String>> ALSO_REQUIRED = Map.of(
            // Behind one host the notifier is on the site's own origin, not on port 8081.
            "web", List.of("bsocial.notifier.public-url", "bsocial.trusted-proxies", "bsocial.operator.token"),
            // Consumers with static membership: one stable id per replica.
            "notifier", List.of("bsocial.kafka.instance-id", "bsocial.trusted-proxies", "bsocial.operator.token"),
            "indexer", List.of("bsocial.kafka.instance-id", "bsocial.trusted-proxies", "bsocial.operator.token"));

    static Map<String, List<HasMetadata>> overlays = new LinkedHashMap<>();
    static List<HasMetadata> operators;
    static Map<String, ProcessSettings> settings = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws IOException {
        for (String overlay : OVERLAYS) {
            overlays.put(overlay, Kustomize.render(DEPLOY.resolve("overlays").resolve(overlay)));
        }
        operators = Kustomize.render(DEPLOY.resolve("operators"));
        for (String process : PROCESSES) {
            settings.put(process, ProcessSettings.of(ROOT, process));
        }
    }

    @Test
    void everyOverlayHasTheThreeWorkloadsAndTheMigrationJobs() {
        overlays.forEach((overlay, objects) -> {
            assertThat(names(objects, Deployment.class)).as(overlay).containsExactly("bsocial-web");
            assertThat(names(objects, StatefulSet.class)).as(overlay).containsExactlyInAnyOrder("bsocial-notifier", "bsocial-indexer");
            assertThat(names(objects, Job.class)).as(overlay).containsExactlyInAnyOrder("bsocial-migrate-web", "bsocial-migrate-notifier");
            assertThat(objects).as(overlay + ": every object of a built-in kind, read into its typed class")
                    .noneMatch(GenericKubernetesResource.class::isInstance);
        });
    }

    @Test
    void everyContainerHasProbesOnTheHealthGroupsLimitsAndALockedDownSecurityContext() {
        forEachWorkload((overlay, workload) -> {
            String where = overlay + " " + workload.name();
            PodSecurityContext pod = workload.template().getSpec().getSecurityContext();
            assertThat(pod.getRunAsNonRoot()).as(where + " pod runAsNonRoot").isTrue();
            assertThat(pod.getSeccompProfile().getType()).as(where).isEqualTo("RuntimeDefault");
            assertThat(workload.template().getSpec().getAutomountServiceAccountToken()).as(where + " API token").isFalse();
            for (Container container : workload.allContainers()) {
                String name = where + "/" + container.getName();
                assertThat(container.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
                SecurityContext security = container.getSecurityContext();
                assertThat(security).as(name + " securityContext").isNotNull();
                assertThat(security.getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
                assertThat(security.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
                assertThat(security.getCapabilities().getDrop()).as(name + " capabilities").containsExactly("ALL");
            }
            for (Container container : workload.template().getSpec().getContainers()) {
                String name = where + "/" + container.getName();
                // Java needs a writable /tmp (Tomcat's work directory) on a read-only root.
                assertThat(container.getVolumeMounts()).as(name + " /tmp").anySatisfy(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo("/tmp");
                    Volume volume = workload.template().getSpec().getVolumes().stream()
                            .filter(candidate -> candidate.getName().equals(mount.getName())).findFirst().orElseThrow();
                    assertThat(volume.getEmptyDir()).isNotNull();
                });
                if (workload.kind().equals("Job")) {
                    continue;
                }
                int port = container.getPorts().get(0).getContainerPort();
                assertProbe(name + " startupProbe", container.getStartupProbe(), "/actuator/health/liveness", port, container);
                assertProbe(name + " livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness", port, container);
                assertProbe(name + " readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness", port, container);
            }
        });
    }

    /** The image runs as uid 10001 (.docker/Dockerfile); the pods say so, which runAsNonRoot needs. */
    @Test
    void podsRunAsTheImagesUser() throws IOException {
        Matcher uid = Pattern.compile("useradd [^\\n]*--uid (\\d+)").matcher(Files.readString(ROOT.resolve(".docker/Dockerfile")));
        assertThat(uid.find()).as("the Dockerfile's user has a fixed uid").isTrue();
        forEachWorkload((overlay, workload) -> assertThat(workload.template().getSpec().getSecurityContext().getRunAsUser())
                .as(overlay + " " + workload.name()).isEqualTo(Long.parseLong(uid.group(1))));
    }

    /** Graceful shutdown: the preStop pause lets the endpoints drain, and Boot's 30 s fit in the grace period. */
    @Test
    void workloadsDrainBeforeTheyStop() {
        forEachWorkload((overlay, workload) -> {
            if (workload.kind().equals("Job")) {
                return;
            }
            Container container = workload.template().getSpec().getContainers().get(0);
            List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
            assertThat(preStop).as(overlay + " " + workload.name() + " preStop").hasSize(2).startsWith("sleep");
            long pause = Long.parseLong(preStop.get(1));
            assertThat(pause).isBetween(5L, 20L);
            assertThat(workload.template().getSpec().getTerminationGracePeriodSeconds())
                    .as(overlay + " " + workload.name() + " grace period").isGreaterThanOrEqualTo(pause + 30);
        });
    }

    @Test
    void everyWorkloadHasOneDisruptionBudgetSelectingIt() {
        overlays.forEach((overlay, objects) -> {
            List<PodDisruptionBudget> budgets = of(objects, PodDisruptionBudget.class);
            for (Workload workload : workloads(objects)) {
                if (workload.kind().equals("Job")) {
                    continue;
                }
                List<PodDisruptionBudget> selecting = budgets.stream()
                        .filter(budget -> matches(budget.getSpec().getSelector(), workload.labels())).toList();
                assertThat(selecting).as(overlay + " " + workload.name()).hasSize(1);
                // maxUnavailable 1: a drain can always proceed, one pod at a time, even with one replica.
                assertThat(selecting.get(0).getSpec().getMaxUnavailable().getIntVal()).as(overlay + " " + workload.name())
                        .isEqualTo(1);
            }
        });
    }

    /** The autoscaler owns web's and the notifier's replica count: the workloads name none, so apply never resets it. */
    @Test
    void webAndTheNotifierAreAutoscaledInProduction() {
        List<HasMetadata> production = overlays.get("production");
        Map<String, HorizontalPodAutoscaler> autoscalers = of(production, HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(hpa -> hpa.getSpec().getScaleTargetRef().getKind() + "/"
                        + hpa.getSpec().getScaleTargetRef().getName(), hpa -> hpa));
        assertThat(autoscalers).containsOnlyKeys("Deployment/bsocial-web", "StatefulSet/bsocial-notifier");
        autoscalers.values().forEach(hpa -> {
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        });
        assertThat(workload(production, "bsocial-web").replicas()).isNull();
        assertThat(workload(production, "bsocial-notifier").replicas()).isNull();
        assertThat(workload(production, "bsocial-indexer").replicas()).isEqualTo(2);
        assertThat(of(overlays.get("dev"), HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void imagesAreTheThreeProcessesAtTheVersionComposeBuilds() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("compose.yaml")));
        forEachWorkload((overlay, workload) -> {
            for (Container container : workload.template().getSpec().getContainers()) {
                Matcher image = Pattern.compile("(?:[\\w.-]+(?::\\d+)?/)?bsocial/(web|notifier|indexer):([\\w.-]+)")
                        .matcher(container.getImage());
                assertThat(image.matches()).as(overlay + " " + workload.name() + " image " + container.getImage()).isTrue();
                assertThat(image.group(1)).as(overlay + " " + workload.name()).isEqualTo(workload.process());
                assertThat("bsocial/" + image.group(1) + ":" + image.group(2)).as(overlay + " " + workload.name())
                        .isEqualTo(composeImage(compose, image.group(1)));
            }
            for (Container init : workload.template().getSpec().getInitContainers()) {
                assertThat(init.getImage()).as(overlay + " " + workload.name() + "/" + init.getName() + " pinned")
                        .matches("[\\w./-]+:[0-9][\\w.-]*");
            }
        });
    }

    /**
     * Every variable a process container gets is a setting the process reads (its properties file,
     * its configuration records, its @Value keys, or one of the few Boot keys listed in
     * ProcessSettings), and every setting it needs in a pod is there.
     */
    @Test
    void environmentIsExactlyWhatTheProcessesRead() {
        overlays.forEach((overlay, objects) -> {
            for (Workload workload : workloads(objects)) {
                ProcessSettings process = settings.get(workload.process());
                for (Container container : workload.template().getSpec().getContainers()) {
                    String where = overlay + " " + workload.name() + "/" + container.getName();
                    Set<String> variables = environment(objects, container).keySet();
                    assertThat(variables.stream().filter(variable -> !process.reads(variable)).toList())
                            .as(where + ": variables " + workload.process() + " does not read").isEmpty();
                    Set<String> required = new TreeSet<>();
                    if (workload.kind().equals("Job")) {
                        required.addAll(List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password"));
                    } else {
                        required.addAll(process.loopbackDefaults());
                        required.addAll(ALSO_REQUIRED.get(workload.process()));
                    }
                    assertThat(process.known()).as("settings " + workload.process() + " reads").containsAll(required);
                    assertThat(required.stream().filter(key -> ProcessSettings.environmentNames(key).stream()
                            .noneMatch(variables::contains)).toList())
                            .as(where + ": settings " + workload.process() + " needs in a pod, not set").isEmpty();
                }
            }
        });
    }

    /** The loopback rule finds the defaults that would be wrong in a pod, from the sources. */
    @Test
    void theSettingsAPodNeedsAreDerivedFromTheSources() {
        assertThat(settings.get("web").loopbackDefaults()).contains("spring.datasource.url", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "spring.mail.host", "bsocial.indexer.url", "bsocial.mail.web-url");
        assertThat(settings.get("notifier").loopbackDefaults()).contains("spring.datasource.url",
                "spring.kafka.bootstrap-servers", "bsocial.notifier.allowed-origins");
        assertThat(settings.get("indexer").loopbackDefaults()).contains("server.address", "bsocial.opensearch.url",
                "spring.kafka.bootstrap-servers").doesNotContain("spring.datasource.url");
        assertThat(settings.get("indexer").reads("BSOCIAL_OPENSEARCH_URL")).isTrue();
        assertThat(settings.get("web").reads("BSOCIAL_OPENSEARCH_URL")).isFalse();
        assertThat(settings.get("web").reads("SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH")).isTrue();
        assertThat(settings.get("notifier").reads("BSOCIAL_KAFKA_INSTANCE_ID")).isTrue();
    }

    /** Consumers with static membership need an id per replica that survives restarts: the StatefulSet's pod name. */
    @Test
    void kafkaConsumersHaveAStableDistinctInstanceIdPerReplica() throws IOException {
        Set<String> consumers = new TreeSet<>();
        for (String process : PROCESSES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(process + "/src/main/java"))) {
                if (files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> read(file).contains("@KafkaListener"))) {
                    consumers.add(process);
                }
            }
        }
        assertThat(consumers).containsExactly("indexer", "notifier");
        forEachWorkload((overlay, workload) -> {
            if (!consumers.contains(workload.process()) || workload.kind().equals("Job")) {
                return;
            }
            assertThat(workload.kind()).as(overlay + " " + workload.name()).isEqualTo("StatefulSet");
            EnvVar id = workload.template().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(variable -> variable.getName().equals("BSOCIAL_KAFKA_INSTANCE_ID")).findFirst().orElseThrow();
            assertThat(id.getValueFrom().getFieldRef().getFieldPath()).as(overlay + " " + workload.name()).isEqualTo("metadata.name");
        });
    }

    /**
     * Ingress to bSocial's pods: a default deny, then web's and the notifier's ports from the
     * ingress controller only (the notifier's from web too), the indexer's from web only; every rule
     * names its ports.
     */
    @Test
    void portsAreReachableOnlyAsTheNetworkPoliciesSay() {
        String ingressController = "namespace {kubernetes.io/metadata.name=ingress-nginx} pods {app.kubernetes.io/name=ingress-nginx}";
        Map<String, Set<String>> expected = Map.of(
                "web:8080", Set.of(ingressController),
                "notifier:8081", Set.of(ingressController, "pods [web]"),
                "indexer:8082", Set.of("pods [web]"));
        overlays.forEach((overlay, objects) -> {
            List<NetworkPolicy> policies = of(objects, NetworkPolicy.class);
            assertThat(policies).as(overlay + " default deny").anySatisfy(policy -> {
                assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
                assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
                assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
                assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
            });
            Map<String, Set<String>> reachable = new TreeMap<>();
            for (Workload workload : workloads(objects)) {
                for (Container container : workload.template().getSpec().getContainers()) {
                    for (var port : container.getPorts()) {
                        Set<String> peers = new TreeSet<>();
                        for (NetworkPolicy policy : policies) {
                            if (!matches(policy.getSpec().getPodSelector(), workload.labels()) || policy.getSpec().getIngress() == null) {
                                continue;
                            }
                            for (var rule : policy.getSpec().getIngress()) {
                                assertThat(rule.getPorts()).as(overlay + " " + policy.getMetadata().getName() + ": a rule names its ports")
                                        .isNotEmpty();
                                if (admits(rule.getPorts(), port.getContainerPort(), port.getName())) {
                                    rule.getFrom().forEach(peer -> peers.add(describe(peer, objects)));
                                }
                            }
                        }
                        reachable.put(workload.process() + ":" + port.getContainerPort(), peers);
                    }
                }
            }
            assertThat(reachable).as(overlay).isEqualTo(expected);
        });
    }

    /**
     * Egress of bSocial's pods: denied by default, then exactly the ports of what each pod's own
     * settings point at (the database, Kafka, OpenSearch, the indexer, the mail server) and DNS.
     */
    @Test
    void podsReachOutOnlyToWhatTheirSettingsName() {
        overlays.forEach((overlay, objects) -> {
            List<NetworkPolicy> policies = of(objects, NetworkPolicy.class);
            assertThat(policies).as(overlay + " default deny egress").anySatisfy(policy -> {
                assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "bsocial"));
                assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Egress");
            });
            for (Workload workload : workloads(objects)) {
                Set<String> variables = new TreeSet<>();
                workload.template().getSpec().getContainers().forEach(container -> variables.addAll(environment(objects, container).keySet()));
                Set<Integer> expected = new TreeSet<>(Set.of(53));
                Map<String, List<Integer>> uses = Map.of("SPRING_DATASOURCE_URL", List.of(5432),
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", List.of(9092), "BSOCIAL_OPENSEARCH_URL", List.of(9200),
                        "BSOCIAL_INDEXER_URL", List.of(8082), "BSOCIAL_NOTIFIER_INTERNAL_URL", List.of(8081),
                        "SPRING_MAIL_HOST", List.of(25, 465, 587));
                uses.forEach((variable, ports) -> {
                    if (variables.contains(variable)) {
                        expected.addAll(ports);
                    }
                });
                Set<Integer> allowed = new TreeSet<>();
                for (NetworkPolicy policy : policies) {
                    if (matches(policy.getSpec().getPodSelector(), workload.labels()) && policy.getSpec().getEgress() != null) {
                        for (var rule : policy.getSpec().getEgress()) {
                            assertThat(rule.getPorts()).as(overlay + " " + policy.getMetadata().getName()).isNotEmpty();
                            rule.getPorts().forEach(port -> allowed.add(port.getPort().getIntVal()));
                        }
                    }
                }
                assertThat(allowed).as(overlay + " " + workload.name() + " egress ports").isEqualTo(expected);
            }
        });
    }

    /**
     * PostgreSQL, Kafka and OpenSearch (deploy/operators) are reached by exactly the bSocial pods
     * whose settings name them, besides their own pods and operators.
     */
    @Test
    void onlyTheServicesReachTheDataServices() {
        List<HasMetadata> production = overlays.get("production");
        Map<String, Set<String>> clients = new TreeMap<>();
        for (Workload workload : workloads(production)) {
            for (Container container : workload.template().getSpec().getContainers()) {
                for (String variable : environment(production, container).keySet()) {
                    clients.computeIfAbsent(variable, key -> new TreeSet<>()).add(workload.component());
                }
            }
        }
        List<NetworkPolicy> policies = of(operators, NetworkPolicy.class);
        assertThat(peersOfPort(policies, Map.of("cnpg.io/cluster", "bsocial-postgres"), 5432, production)).containsExactlyInAnyOrder(
                "pods " + clients.get("SPRING_DATASOURCE_URL"), "pods {cnpg.io/cluster=bsocial-postgres}");
        assertThat(peersOfPort(policies, Map.of("opster.io/opensearch-cluster", "bsocial-opensearch"), 9200, production))
                .containsExactlyInAnyOrder("pods " + clients.get("BSOCIAL_OPENSEARCH_URL"),
                        "pods {opster.io/opensearch-cluster=bsocial-opensearch}",
                        "namespace {kubernetes.io/metadata.name=opensearch-operator-system} pods {}");

        Map<String, Object> listener = kafkaListener(9092);
        assertThat(listener).containsEntry("type", "internal").containsEntry("tls", false);
        Set<String> kafkaPeers = new TreeSet<>();
        for (Map<String, Object> peer : list(listener.get("networkPolicyPeers"))) {
            kafkaPeers.add(describe(Kustomize.convert(peer, NetworkPolicyPeer.class), production));
        }
        assertThat(kafkaPeers).containsExactly("pods " + clients.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
    }

    /** Every topic of EventTopics, with the partitions, retention and replication the services create them with. */
    @Test
    void kafkaTopicsAreTheEventTopicsAsTheServicesCreateThem() throws Exception {
        List<String> expected = new ArrayList<>(EventTopics.ALL);
        expected.add(EventTopics.DEAD_LETTER);
        // The defaults as Boot binds them: @DefaultValue sits on the record's constructor parameters.
        var defaults = TopicProperties.class.getDeclaredConstructor(Arrays.stream(TopicProperties.class.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
        Map<String, String> common = configMap(overlays.get("production"), "bsocial-common").getData();
        int partitions = Integer.parseInt(common.getOrDefault("BSOCIAL_KAFKA_PARTITIONS",
                defaults[0].getAnnotation(DefaultValue.class).value()[0]));
        long retention = DurationStyle.detectAndParse(common.getOrDefault("BSOCIAL_KAFKA_RETENTION",
                defaults[2].getAnnotation(DefaultValue.class).value()[0])).toMillis();
        String replication = common.get("BSOCIAL_KAFKA_REPLICATION_FACTOR");

        List<GenericKubernetesResource> topics = custom(operators, "KafkaTopic");
        assertThat(topics).extracting(topic -> (String) spec(topic).get("topicName")).containsExactlyInAnyOrderElementsOf(expected);
        for (GenericKubernetesResource topic : topics) {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "bsocial");
            assertThat(spec(topic).get("partitions")).as(topic.getMetadata().getName()).isEqualTo(partitions);
            assertThat(spec(topic).get("replicas").toString()).as(topic.getMetadata().getName()).isEqualTo(replication);
            assertThat(((Number) map(spec(topic).get("config")).get("retention.ms")).longValue()).isEqualTo(retention);
        }
        Map<String, Object> kafkaConfig = map(map(spec(custom(operators, "Kafka").get(0)).get("kafka")).get("config"));
        assertThat(kafkaConfig).containsEntry("auto.create.topics.enable", false);
        assertThat(((Number) kafkaConfig.get("log.retention.ms")).longValue()).isEqualTo(retention);
    }

    /** What the services are told (bootstrap servers, database Secret, OpenSearch URL) is what the operators make. */
    @Test
    void theServicesPointAtWhatTheOperatorsMake() throws IOException {
        GenericKubernetesResource kafka = custom(operators, "Kafka").get(0);
        ConfigMap common = configMap(overlays.get("production"), "bsocial-common");
        assertThat(common.getData().get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + kafkaListener(9092).get("port"));
        GenericKubernetesResource postgres = custom(operators, "Cluster").get(0);
        for (String overlay : OVERLAYS) {
            Map<String, Object> names = new Yaml().load(Files.readString(DEPLOY.resolve("overlays/" + overlay + "/secret-names.yaml")));
            assertThat(map(names.get("data")).get("database")).as(overlay).isEqualTo(postgres.getMetadata().getName() + "-app");
        }
        GenericKubernetesResource openSearch = custom(operators, "OpenSearchCluster").get(0);
        Map<String, Object> general = map(spec(openSearch).get("general"));
        assertThat(URI.create(configMap(overlays.get("production"), "bsocial-indexer").getData().get("BSOCIAL_OPENSEARCH_URL")))
                .isEqualTo(URI.create("http://" + general.get("serviceName") + ":" + general.get("httpPort")));
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(pom).contains("<opensearch.version>" + general.get("version") + "</opensearch.version>");
    }

    /**
     * Every secretKeyRef names one of the overlay's Secrets by its role (database, operator token,
     * mail; secret-names.yaml) with one of that role's keys: a reference the existing-secrets
     * component missed would still name the base's placeholder.
     */
    @Test
    void secretsAreTheOnesTheOverlayNames() throws IOException {
        Map<String, Set<String>> keys = Map.of("database", Set.of("jdbc-uri", "username", "password"),
                "operator", Set.of("token"), "mail", Set.of("host", "port", "username", "password"));
        for (String overlay : OVERLAYS) {
            Map<String, Object> file = new Yaml().load(Files.readString(DEPLOY.resolve("overlays/" + overlay + "/secret-names.yaml")));
            Map<String, Object> names = map(file.get("data"));
            forEachWorkload(overlay, workload -> {
                for (Container container : workload.allContainers()) {
                    for (EnvVar variable : container.getEnv()) {
                        if (variable.getValueFrom() == null || variable.getValueFrom().getSecretKeyRef() == null) {
                            continue;
                        }
                        String role = variable.getName().startsWith("SPRING_MAIL_") ? "mail"
                                : variable.getName().equals("BSOCIAL_OPERATOR_TOKEN") ? "operator" : "database";
                        var reference = variable.getValueFrom().getSecretKeyRef();
                        String where = overlay + " " + workload.name() + "/" + container.getName() + " " + variable.getName();
                        assertThat(reference.getName()).as(where).isEqualTo(names.get(role));
                        assertThat(keys.get(role)).as(where).contains(reference.getKey());
                    }
                }
            });
        }
        // dev makes the operator's and the mail Secret itself, with every key the pods read.
        for (var secret : of(overlays.get("dev"), io.fabric8.kubernetes.api.model.Secret.class)) {
            String role = secret.getMetadata().getName().replace("bsocial-", "");
            assertThat(secret.getData().keySet()).as(secret.getMetadata().getName()).isEqualTo(keys.get(role));
        }
    }

    /** The Ingress host, the links in mail, the notifier's public URL and its allowed origin are one address. */
    @Test
    void theSiteHasOneAddress() {
        overlays.forEach((overlay, objects) -> {
            Ingress ingress = of(objects, Ingress.class).get(0);
            String host = ingress.getSpec().getRules().get(0).getHost();
            String scheme = ingress.getSpec().getTls() == null || ingress.getSpec().getTls().isEmpty() ? "http" : "https";
            if (scheme.equals("https")) {
                assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly(host);
            }
            String site = scheme + "://" + host;
            Map<String, String> web = configMap(objects, "bsocial-web").getData();
            assertThat(web.get("BSOCIAL_NOTIFIER_PUBLIC_URL")).as(overlay).isEqualTo(site);
            assertThat(web.get("BSOCIAL_MAIL_WEB_URL")).as(overlay).isEqualTo(site);
            assertThat(configMap(objects, "bsocial-notifier").getData().get("BSOCIAL_NOTIFIER_ALLOWED_ORIGINS")).as(overlay).isEqualTo(site);
        });
    }

    /**
     * The notifier's paths (its controllers' and its STOMP endpoint's, read from its sources) go to
     * the notifier; web's own paths still reach web.
     */
    @Test
    void theIngressRoutesEveryNotifierPathToTheNotifier() throws IOException {
        Set<String> notifierPaths = mappedPaths(ROOT.resolve("notifier/src/main/java"));
        Set<String> webPaths = mappedPaths(ROOT.resolve("web/src/main/java"));
        assertThat(notifierPaths).contains("/ws", "/api/notifications");
        overlays.forEach((overlay, objects) -> {
            List<HTTPIngressPath> routes = of(objects, Ingress.class).get(0).getSpec().getRules().get(0).getHttp().getPaths();
            notifierPaths.forEach(path -> assertThat(route(routes, path)).as(overlay + " " + path).isEqualTo("bsocial-notifier"));
            webPaths.stream().filter(path -> path.startsWith("/"))
                    .forEach(path -> assertThat(route(routes, path)).as(overlay + " " + path).isEqualTo("bsocial-web"));
        });
    }

    /**
     * Each database-owning process (one with a Flyway history table) has a Job running its image
     * with --migrate-only, and its pods (and the later Job) wait for the newest version of its
     * migrations, read from the migration files.
     */
    @Test
    void migrationsRunInAJobBeforeThePodsStart() throws IOException {
        Map<String, String> newest = new TreeMap<>();
        for (String process : PROCESSES) {
            String table = settings.get(process).properties().get("spring.flyway.table");
            if (table != null) {
                newest.put(table, newestMigration(process));
            }
        }
        assertThat(newest).containsOnlyKeys("flyway_history_web", "flyway_history_notifier");
        overlays.forEach((overlay, objects) -> {
            for (String process : List.of("web", "notifier")) {
                Workload job = workload(objects, "bsocial-migrate-" + process);
                Container migrate = job.template().getSpec().getContainers().get(0);
                assertThat(migrate.getArgs()).containsExactly("--migrate-only");
                assertThat(migrate.getImage()).contains("bsocial/" + process + ":");
            }
            for (Workload workload : workloads(objects)) {
                for (Container init : workload.template().getSpec().getInitContainers()) {
                    String script = String.join("\n", init.getArgs());
                    Matcher table = Pattern.compile("FROM (flyway_history_\\w+)").matcher(script);
                    assertThat(table.find()).as(workload.name() + " " + init.getName()).isTrue();
                    String version = init.getEnv().stream().filter(variable -> variable.getName().equals("SCHEMA_VERSION"))
                            .findFirst().orElseThrow().getValue();
                    assertThat(version).as(overlay + " " + workload.name() + " waits for " + table.group(1)).isEqualTo(newest.get(table.group(1)));
                }
            }
            for (String process : List.of("web", "notifier")) {
                assertThat(workload(objects, "bsocial-" + process).template().getSpec().getInitContainers())
                        .as(overlay + " " + process + " waits for its schema")
                        .anySatisfy(init -> assertThat(String.join("\n", init.getArgs())).contains("flyway_history_" + process));
            }
            // The notifier's Job after web's: both histories create the shared session tables.
            assertThat(workload(objects, "bsocial-migrate-notifier").template().getSpec().getInitContainers())
                    .anySatisfy(init -> assertThat(String.join("\n", init.getArgs())).contains("flyway_history_web"));
        });
    }

    // --- reading the rendered objects ---

    record Workload(String kind, String name, Map<String, String> labels, PodTemplateSpec template, Integer replicas) {

        String component() {
            return labels.get(COMPONENT);
        }

        /** The process whose image runs here: a migration Job's is the service it migrates. */
        String process() {
            return kind.equals("Job") ? labels.get("bsocial.io/migrates") : component();
        }

        List<Container> allContainers() {
            List<Container> containers = new ArrayList<>(template.getSpec().getInitContainers());
            containers.addAll(template.getSpec().getContainers());
            return containers;
        }
    }

    static List<Workload> workloads(List<HasMetadata> objects) {
        List<Workload> workloads = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment deployment) {
                workloads.add(new Workload("Deployment", deployment.getMetadata().getName(), deployment.getSpec().getTemplate().getMetadata().getLabels(),
                        deployment.getSpec().getTemplate(), deployment.getSpec().getReplicas()));
            } else if (object instanceof StatefulSet set) {
                workloads.add(new Workload("StatefulSet", set.getMetadata().getName(), set.getSpec().getTemplate().getMetadata().getLabels(),
                        set.getSpec().getTemplate(), set.getSpec().getReplicas()));
            } else if (object instanceof Job job) {
                workloads.add(new Workload("Job", job.getMetadata().getName(), job.getSpec().getTemplate().getMetadata().getLabels(),
                        job.getSpec().getTemplate(), job.getSpec().getParallelism()));
            }
        }
        return workloads;
    }

    static Workload workload(List<HasMetadata> objects, String name) {
        return workloads(objects).stream().filter(workload -> workload.name().equals(name)).findFirst().orElseThrow();
    }

    interface WorkloadCheck {
        void check(String overlay, Workload workload);
    }

    static void forEachWorkload(WorkloadCheck check) {
        overlays.forEach((overlay, objects) -> workloads(objects).forEach(workload -> check.check(overlay, workload)));
    }

    static void forEachWorkload(String overlay, java.util.function.Consumer<Workload> check) {
        workloads(overlays.get(overlay)).forEach(check);
    }

    static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
        return of(objects, type).stream().map(object -> object.getMetadata().getName()).toList();
    }

    static ConfigMap configMap(List<HasMetadata> objects, String name) {
        return of(objects, ConfigMap.class).stream().filter(map -> map.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    /** A container's environment: its own variables and those of the ConfigMaps it takes whole. */
    static Map<String, String> environment(List<HasMetadata> objects, Container container) {
        Map<String, String> variables = new TreeMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            assertThat(source.getConfigMapRef()).as(container.getName() + " envFrom: ConfigMaps only").isNotNull();
            variables.putAll(configMap(objects, source.getConfigMapRef().getName()).getData());
        }
        for (EnvVar variable : container.getEnv()) {
            assertThat(variables).as(container.getName() + ": " + variable.getName() + " set twice").doesNotContainKey(variable.getName());
            variables.put(variable.getName(), Objects.requireNonNullElse(variable.getValue(), "(from elsewhere)"));
        }
        return variables;
    }

    static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String kind) {
        return of(objects, GenericKubernetesResource.class).stream().filter(object -> object.getKind().equals(kind)).toList();
    }

    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties().get("spec"));
    }

    static Map<String, Object> kafkaListener(int port) {
        Map<String, Object> kafka = map(spec(custom(operators, "Kafka").get(0)).get("kafka"));
        return list(kafka.get("listeners")).stream().filter(listener -> Objects.equals(listener.get("port"), port))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- probes, selectors, policies, routes ---

    static void assertProbe(String what, Probe probe, String path, int port, Container container) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        var target = probe.getHttpGet().getPort();
        boolean samePort = target.getIntVal() != null ? target.getIntVal() == port
                : container.getPorts().stream().anyMatch(candidate -> target.getStrVal().equals(candidate.getName())
                        && candidate.getContainerPort() == port);
        assertThat(samePort).as(what + " on the container's port").isTrue();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : Objects.requireNonNullElse(selector.getMatchExpressions(), List.<LabelSelectorRequirement>of())) {
            String value = labels.get(requirement.getKey());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> requirement.getValues().contains(value);
                case "NotIn" -> value != null && !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException(requirement.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    static boolean admits(List<NetworkPolicyPort> ports, int number, String name) {
        return ports.stream().anyMatch(port -> port.getPort().getIntVal() != null ? port.getPort().getIntVal() == number
                : port.getPort().getStrVal().equals(name));
    }

    /**
     * A peer in words: another namespace's pods by labels, bSocial's own pods by the components
     * they select among the rendered workloads, anything else by its labels.
     */
    static String describe(NetworkPolicyPeer peer, List<HasMetadata> objects) {
        if (peer.getIpBlock() != null) {
            return "ipBlock " + peer.getIpBlock().getCidr();
        }
        if (peer.getNamespaceSelector() != null) {
            return "namespace " + new TreeMap<>(Objects.requireNonNullElse(peer.getNamespaceSelector().getMatchLabels(), Map.of()))
                    + " pods " + new TreeMap<>(peer.getPodSelector() == null ? Map.of()
                            : Objects.requireNonNullElse(peer.getPodSelector().getMatchLabels(), Map.of()));
        }
        Set<String> components = workloads(objects).stream().filter(workload -> matches(peer.getPodSelector(), workload.labels()))
                .map(Workload::component).collect(Collectors.toCollection(TreeSet::new));
        return components.isEmpty() ? "pods " + new TreeMap<>(peer.getPodSelector().getMatchLabels()) : "pods " + components;
    }

    static Set<String> peersOfPort(List<NetworkPolicy> policies, Map<String, String> podLabels, int port, List<HasMetadata> objects) {
        Set<String> peers = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            if (!matches(policy.getSpec().getPodSelector(), podLabels)) {
                continue;
            }
            for (var rule : policy.getSpec().getIngress()) {
                assertThat(rule.getPorts()).as(policy.getMetadata().getName() + ": a rule names its ports").isNotEmpty();
                if (admits(rule.getPorts(), port, null)) {
                    rule.getFrom().forEach(peer -> peers.add(describe(peer, objects)));
                }
            }
        }
        return peers;
    }

    /** The backend of the longest matching Prefix path, as an ingress controller picks it. */
    static String route(List<HTTPIngressPath> routes, String path) {
        return routes.stream()
                .filter(route -> route.getPathType().equals("Prefix"))
                .filter(route -> route.getPath().equals("/") || path.equals(route.getPath()) || path.startsWith(route.getPath() + "/"))
                .max((a, b) -> Integer.compare(a.getPath().length(), b.getPath().length()))
                .map(route -> route.getBackend().getService().getName())
                .orElse("none");
    }

    /** Request paths a module maps: Spring MVC mappings and STOMP endpoints, path variables filled in. */
    static Set<String> mappedPaths(Path sources) throws IOException {
        Pattern mapping = Pattern.compile("@(?:Get|Post|Put|Patch|Delete|Request)Mapping\\((?:(?:path|value)\\s*=\\s*)?\\{?\"([^\"]+)\"");
        Pattern endpoint = Pattern.compile("addEndpoint\\(\"([^\"]+)\"");
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(candidate -> candidate.toString().endsWith(".java")).toList()) {
                String source = read(file);
                for (Pattern pattern : List.of(mapping, endpoint)) {
                    Matcher matcher = pattern.matcher(source);
                    while (matcher.find()) {
                        paths.add(matcher.group(1).replaceAll("\\{[^}]+}", "x"));
                    }
                }
            }
        }
        return paths;
    }

    /** The newest of a process's migrations: its Flyway locations' files, and its Java migrations. */
    static String newestMigration(String process) throws IOException {
        List<MigrationVersion> versions = new ArrayList<>();
        String locations = settings.get(process).properties().get("spring.flyway.locations");
        for (String location : locations.split(",")) {
            String folder = location.strip().replace("classpath:", "");
            for (String module : List.of(process, "src-shared")) {
                Path directory = ROOT.resolve(module + "/src/main/resources/" + folder);
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> files = Files.list(directory)) {
                        files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V[0-9_.]+__.*\\.sql"))
                                .forEach(name -> versions.add(MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")))));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(ROOT.resolve(process + "/src/main/java"))) {
            Pattern javaMigration = Pattern.compile("MigrationVersion\\.fromVersion\\(\"([^\"]+)\"\\)");
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher matcher = javaMigration.matcher(read(file));
                while (matcher.find()) {
                    versions.add(MigrationVersion.fromVersion(matcher.group(1)));
                }
            });
        }
        return versions.stream().max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    static String composeImage(Map<String, Object> compose, String service) {
        return (String) map(map(compose.get("services")).get(service)).get("image");
    }
}
