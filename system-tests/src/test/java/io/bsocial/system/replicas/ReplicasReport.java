package io.bsocial.system.replicas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The run's figures as docs/benchmarks/replicas.md (a part of docs/benchmarks.md, which
 * {@code ./bsocial bench summary} assembles): written into the folder of the system property
 * {@code bsocial.replicas.report} ({@code ./bsocial bench replicas} gives docs/benchmarks), else
 * into target/replicas.
 */
final class ReplicasReport {

    private ReplicasReport() {
    }

    static void write(Map<String, String> figures) throws IOException {
        Path folder = Path.of(System.getProperty("bsocial.replicas.report", "target/replicas"));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("replicas.md"), markdown(figures));
        System.out.println(markdown(figures));
    }

    static String markdown(Map<String, String> f) {
        return "## replicas: two of everything\n\n"
                + "Run on " + LocalDate.now(ZoneOffset.UTC) + ": `./bsocial bench replicas` (system-tests' `TwoInstancesIT`, "
                + "`mvn verify -Preplicas`), on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ". Two web, two notifier and two "
                + "indexer processes from their runnable jars behind HAProxy (round-robin, no stickiness; `/ws` and "
                + "`/api/notifications[/…]` to the notifiers, the rest to the webs, an internal frontend for the "
                + "indexers), one PostgreSQL schema of the run's own, the run's embedded Kafka broker (KRaft, 3 "
                + "partitions a topic), one OpenSearch node, headless Chromium. Each instance has its own "
                + "`bsocial.kafka.instance-id`; Kafka's session timeout keeps its default (45 s).\n\n"
                + "| | |\n|---|---|\n"
                + "| start: web-1 alone (it migrates the schema) | " + f.get("start_first_web_s") + " s |\n"
                + "| start: web-2, both notifiers and both indexers, side by side | " + f.get("start_others_s") + " s |\n"
                + "| start: all six healthy | " + f.get("start_total_s") + " s |\n"
                + "| one session's logins and feed reads | " + f.get("web_alike") + " |\n"
                + "| live before the crash | a followed person's 2 posts on the live feed; comments " + f.get("live_first") + " |\n"
                + "| killed with `kill -9` while 8 writers posted and commented | " + f.get("killed") + " |\n"
                + "| the 8 writers | " + f.get("writing") + " |\n"
                + "| posts | " + f.get("posts") + " |\n"
                + "| comments | " + f.get("comments") + " |\n"
                + "| writes not acknowledged (a request in flight on a killed web: unknown to the writer, not checked) | " + f.get("unacknowledged") + " |\n"
                + "| comment notifications of acknowledged comments | " + f.get("notifications") + " |\n"
                + "| OpenSearch documents of acknowledged writes | " + f.get("documents") + " |\n"
                + "| browser: from the kill of its notifier to live again | " + f.get("reconnect_s") + " s (socket on "
                + f.get("socket_first") + ", then on " + f.get("socket_after") + ") |\n"
                + "| live after the crash | " + f.get("live_after") + " |\n"
                + "| requests through HAProxy, web-1 / web-2 | " + f.get("requests_web-1") + " / " + f.get("requests_web-2") + " |\n"
                + "| requests through HAProxy, notifier-1 / notifier-2 | " + f.get("requests_notifier-1") + " / "
                + f.get("requests_notifier-2") + " |\n"
                + "| requests through HAProxy, indexer-1 / indexer-2 | " + f.get("requests_indexer-1") + " / "
                + f.get("requests_indexer-2") + " |\n\n";
    }
}
