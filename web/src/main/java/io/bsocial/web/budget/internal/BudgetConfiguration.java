package io.bsocial.web.budget.internal;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.budget.BudgetProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
class BudgetConfiguration {

    /**
     * After Spring Security's filter chain (order -100), which authenticates the request first, and
     * after the operator filter (0).
     */
    static final int REQUEST_BUDGET_ORDER = 10;

    @Bean
    DatabaseBuckets databaseBuckets(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        return DatabaseBuckets.of(jdbc, dataSource, clock);
    }

    @Bean
    ExpiredBucketsPruner expiredBucketsPruner(DatabaseBuckets buckets, BudgetProperties properties) {
        return new ExpiredBucketsPruner(buckets, properties.pruneInterval(), properties.pruneBatch());
    }

    @Bean
    RequestBuckets requestBuckets(BudgetProperties properties, Clock clock) {
        return new RequestBuckets(properties.requests(), properties.requestBuckets(), clock);
    }

    @Bean
    FilterRegistrationBean<RequestBudgetFilter> requestBudgetFilter(RequestBuckets buckets, OperatorExemption exemption,
            BudgetChecks checks) {
        FilterRegistrationBean<RequestBudgetFilter> registration =
                new FilterRegistrationBean<>(new RequestBudgetFilter(buckets, exemption, checks));
        registration.setOrder(REQUEST_BUDGET_ORDER);
        return registration;
    }
}
