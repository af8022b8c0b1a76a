package io.bsocial.web.timeline.internal;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    /** After Spring Security's chain (which has authenticated the request) and the request budget. */
    static final int ACTIVITY_ORDER = 20;

    @Bean
    TimelineActivity timelineActivity(HomeTimelines timelines, TimelineFanOut fanOut, TimelineProperties properties,
            Clock clock) {
        return new TimelineActivity(timelines, fanOut, properties, clock);
    }

    @Bean
    FilterRegistrationBean<TimelineActivity> timelineActivityFilter(TimelineActivity activity) {
        FilterRegistrationBean<TimelineActivity> registration = new FilterRegistrationBean<>(activity);
        registration.setOrder(ACTIVITY_ORDER);
        return registration;
    }
}
