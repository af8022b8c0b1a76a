package io.bsocial.web.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What a 429 says: the budget, its allowance, and a wait that is never shorter than the real one. */
class BudgetExceededExceptionTest {

    @Test
    void allowancesAreWrittenQuotaSlashWindow() {
        assertThat(Allowance.valueOf("300/3h")).isEqualTo(new Allowance(300, Duration.ofHours(3)));
        assertThat(Allowance.valueOf("1_000_000 / PT5M")).isEqualTo(new Allowance(1_000_000, Duration.ofMinutes(5)));
        assertThat(Allowance.valueOf("5/30m").windowSeconds()).isEqualTo(1800);
        assertThat(Allowance.valueOf("400/24h").windowText()).isEqualTo("24 hours");
        assertThat(Allowance.valueOf("1/1h").windowText()).isEqualTo("1 hour");
        assertThat(Allowance.valueOf("60/30m").windowText()).isEqualTo("30 minutes");
        assertThat(Allowance.valueOf("9/90s").windowText()).isEqualTo("90 seconds");
        assertThatThrownBy(() -> Allowance.valueOf("300")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allowance.valueOf("0/3h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allowance.valueOf("3/0s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProblemNamesTheBudgetAndTheWaitInBothRateLimitFields() {
        BudgetExceededException exceeded = new BudgetExceededException(Budget.POSTS, Allowance.valueOf("300/3h"),
                Duration.ofMillis(8_099_001));

        assertThat(exceeded.getStatusCode().value()).isEqualTo(429);
        assertThat(exceeded.getBody().getDetail())
                .isEqualTo("Too many posts and comments: the limit is 300 per 3 hours. Try again in 2 hours 15 minutes.");
        assertThat(exceeded.getHeaders().getFirst("Retry-After")).isEqualTo("8100");
        assertThat(exceeded.getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"posts\";q=300;w=10800");
        assertThat(exceeded.getHeaders().getFirst("RateLimit")).isEqualTo("\"posts\";r=0;t=8100");
    }

    @Test
    void waitsAreRoundedUp() {
        assertThat(BudgetExceededException.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(BudgetExceededException.seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(BudgetExceededException.waitText(1)).isEqualTo("1 second");
        assertThat(BudgetExceededException.waitText(59)).isEqualTo("59 seconds");
        assertThat(BudgetExceededException.waitText(61)).isEqualTo("2 minutes");
        assertThat(BudgetExceededException.waitText(3600)).isEqualTo("1 hour");
        assertThat(BudgetExceededException.waitText(3601)).isEqualTo("1 hour 1 minute");
        assertThat(BudgetExceededException.detail(Budget.REQUESTS, Allowance.valueOf("1500/5m"), 200))
                .isEqualTo("Too many requests: the limit is 1,500 per 5 minutes. Try again in 4 minutes.");
    }
}
