package io.bsocial.system.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.testing.TcpForwarder;
import io.bsocial.system.support.ServiceProcess;

/**
 * A notifier killed with SIGKILL and started again resumes reading at once. The dead consumer
 * never left its group: with dynamic membership its partitions stay assigned until the session
 * timeout (here 90 s) runs out; with static membership (bsocial.kafka.instance-id) the restarted
 * instance takes its place, and its partitions, as soon as it joins.
 */
class ConsumerRestartIT {

    static final String DATABASE = "jdbc:h2:file:" + Path.of("target", "e2e", "restart-db").toAbsolutePath()
            + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void aNotifierKilledAndRestartedNotifiesWhatCameMeanwhileWithoutWaitingForTheSessionTimeout() throws Exception {
        String kafka = System.getProperty("spring.embedded.kafka.brokers");
        List<String> arguments = List.of("--spring.datasource.url=" + DATABASE,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.kafka.consumer.group-id=restart-it-" + UUID.randomUUID(),
                "--spring.kafka.consumer.properties.session.timeout.ms=90000",
                "--bsocial.kafka.instance-id=restart-it");
        int port = TcpForwarder.freePort();
        try (KafkaProducer<String, String> producer = producer(kafka);
                ServiceProcess first = ServiceProcess.start("restart-notifier-1", "bsocial.notifier.jar", port, arguments)) {
            CommentCreated before = comment();
            publish(producer, before);
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> stored(before.commentId()));

            first.kill();
            CommentCreated meanwhile = comment();
            publish(producer, meanwhile);

            try (ServiceProcess second = ServiceProcess.start("restart-notifier-2", "bsocial.notifier.jar", port, arguments)) {
                // Well inside the 90 s session timeout that dynamic membership would wait for.
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> stored(meanwhile.commentId()));
                assertThat(count(meanwhile.commentId())).isEqualTo(1);
                assertThat(count(before.commentId())).isEqualTo(1);
            }
        }
    }

    private static CommentCreated comment() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long author = random.nextLong(1_000_000, 2_000_000);
        return CommentCreated.of(new Actor(author + 1, "commenter", "commenter@example.com"),
                random.nextLong(1_000_000, 2_000_000), random.nextLong(1_000_000, 2_000_000), "while it was down",
                author, "author", Instant.now());
    }

    private static void publish(KafkaProducer<String, String> producer, CommentCreated comment) throws Exception {
        producer.send(new ProducerRecord<>(EventTopics.COMMENT_CREATED, Long.toString(comment.postId()),
                EventJson.write(comment))).get();
    }

    private static boolean stored(long commentId) throws Exception {
        return count(commentId) > 0;
    }

    private static int count(long commentId) throws Exception {
        try (Connection db = DriverManager.getConnection(DATABASE, "sa", "");
                PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM notifications WHERE comment_id = ?")) {
            query.setLong(1, commentId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException notYetCreated) {
            return 0;
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
