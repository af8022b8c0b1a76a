package io.bsocial.web.budget.internal;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.bsocial.web.budget.Allowance;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The per-request budget, counted by each web instance in memory: one Bucket4j bucket per user,
 * so that a read never takes a database lock. At most {@code capacity} users are kept (Caffeine
 * evicts the least recently seen); a user not seen for a whole window has a full bucket anyway,
 * so forgetting them changes nothing.
 */
public class RequestBuckets {

    private final Allowance allowance;
    private final ClockTime time;
    private final Cache<Long, Bucket> buckets;

    public RequestBuckets(Allowance allowance, int capacity, Clock clock) {
        this.allowance = allowance;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder().maximumSize(capacity).expireAfterAccess(allowance.window()).build();
    }

    public Allowance allowance() {
        return allowance;
    }

    public ConsumptionProbe tryConsume(long userId) {
        return buckets.get(userId, id -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(allowance.quota()).refillIntervally(allowance.quota(), allowance.window()))
                .build()).tryConsumeAndReturnRemaining(1);
    }
}
