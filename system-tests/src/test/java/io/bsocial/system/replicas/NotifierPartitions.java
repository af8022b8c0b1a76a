package io.bsocial.system.replicas;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import io.bsocial.shared.events.EventTopics;

/**
 * Which notifier instance stores the notification of a comment: web keys comment events by post
 * id (EventRouting), Kafka's default partitioner puts a key on murmur2(key) mod partitions, and the
 * notifier group's member that holds that partition — named by its static {@code group.instance.id},
 * which starts with the instance's {@code bsocial.kafka.instance-id} — stores it.
 */
final class NotifierPartitions {

    static final String GROUP = "bsocial-notifier";

    private final String bootstrap;

    NotifierPartitions(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    int partitions() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(EventTopics.COMMENT_CREATED)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(EventTopics.COMMENT_CREATED).partitions().size();
        }
    }

    static int partitionOf(long postId, int partitions) {
        return Utils.toPositive(Utils.murmur2(Long.toString(postId).getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Partition of comment-created → the instance id of the notifier that reads it now. */
    Map<Integer, String> owners(List<String> instanceIds) throws Exception {
        Map<Integer, String> owners = new HashMap<>();
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS)
                    .get(GROUP);
            for (MemberDescription member : group.members()) {
                String memberId = member.groupInstanceId().orElse("");
                String instance = instanceIds.stream().filter(id -> memberId.startsWith(id + "-")).findFirst().orElse(null);
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    if (instance != null && partition.topic().equals(EventTopics.COMMENT_CREATED)) {
                        owners.put(partition.partition(), instance);
                    }
                }
            }
        }
        return owners;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
