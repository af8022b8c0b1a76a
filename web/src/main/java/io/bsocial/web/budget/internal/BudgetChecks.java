package io.bsocial.web.budget.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.bsocial.web.budget.Budget;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What a budget check costs, per budget: the timer {@code bsocial.budget.check} (tag {@code budget})
 * with its median and 99th percentile ({@code bsocial.budget.check.percentile}, tag {@code phi}),
 * which {@code ./bsocial bench abuse} reads from the Actuator.
 */
@Component
public class BudgetChecks {

    private final Map<Budget, Timer> timers = new EnumMap<>(Budget.class);

    BudgetChecks(MeterRegistry registry) {
        for (Budget budget : Budget.values()) {
            timers.put(budget, Timer.builder("bsocial.budget.check")
                    .description("Time to check and spend one unit of a budget")
                    .tag("budget", budget.policy())
                    .publishPercentiles(0.5, 0.99)
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
                    .register(registry));
        }
    }

    public void record(Budget budget, long nanos) {
        timers.get(budget).record(nanos, TimeUnit.NANOSECONDS);
    }
}
