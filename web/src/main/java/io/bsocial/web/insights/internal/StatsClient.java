package io.bsocial.web.insights.internal;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.bsocial.shared.stats.StatsAnswers.LoginsPerDay;
import io.bsocial.shared.stats.StatsAnswers.TopAndWorst;
import io.bsocial.shared.stats.StatsAnswers.TopPostsPerDay;
import io.bsocial.shared.stats.StatsAnswers.TrendingTags;

/** The indexer's stats API, as the contract describes its answers. */
@Component
class StatsClient {

    private final RestClient http;

    StatsClient(IndexerProperties properties) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.timeout());
        timeouts.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.url().toString()).requestFactory(timeouts).build();
    }

    LoginsPerDay loginsPerDay(int days) {
        return get("/api/stats/logins-per-day?days=" + days, LoginsPerDay.class);
    }

    TopPostsPerDay topPostsPerDay() {
        return get("/api/stats/top-posts-per-day", TopPostsPerDay.class);
    }

    TopAndWorst topAndWorst(long userId) {
        return get("/api/stats/users/" + userId + "/top-and-worst-post", TopAndWorst.class);
    }

    TrendingTags trendingTags(int hours) {
        return get("/api/stats/trending-tags?hours=" + hours, TrendingTags.class);
    }

    private <T> T get(String path, Class<T> type) {
        try {
            return http.get().uri(path).retrieve().body(type);
        } catch (RestClientException unavailable) {
            throw new InsightsUnavailableException(unavailable);
        }
    }
}
