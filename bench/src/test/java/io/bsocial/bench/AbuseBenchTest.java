package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbuseBenchTest {

    static AbuseBench.Report figures() {
        return new AbuseBench.Report(LocalDate.of(2026, 12, 6), 2, "Linux 6.18", "15.20",
                List.of(new AbuseBench.Burst("one account's posts", 1_000, 300, 700, 0, 300, 300, 4_210),
                        new AbuseBench.Burst("one address's registrations", 50, 5, 45, 0, 5, 5, 1_530)),
                List.of(new AbuseBench.Check("posts", "paced, one user", 0.412, 0.951),
                        new AbuseBench.Check("requests", "after the bursts", 0.0021, null)),
                Latencies.of(List.of(20.0, 22.0, 30.0)), Latencies.of(List.of(19.0, 21.0, 29.0)));
    }

    @Test
    void theSectionShowsEachBurstWhatWasWrittenAndWhatTheCheckCosts() {
        assertThat(figures().markdown()).isEqualTo("""
                ## abuse

                Run on 2026-12-06: `./bsocial up --postgres && ./bsocial bench abuse`, on 2 cores, Linux 6.18; \
                PostgreSQL 15.20. Budgets at the contract's defaults; 8 threads per burst, no operator token. \
                "Written" is what the database holds afterwards.

                | burst | sent | 2xx | 429 | other | written | seconds |
                |---|---|---|---|---|---|---|
                | one account's posts | 1,000 | 300 | 700 | 0 | 300 (budget 300) | 4.2 |
                | one address's registrations | 50 | 5 | 45 | 0 | 5 (budget 5) | 1.5 |

                | budget check (the service's timer) | when | p50 ms | p99 ms |
                |---|---|---|---|
                | posts | paced, one user | 0.412 | 0.951 |
                | requests | after the bursts | 0.002 | n/a |

                `POST /api/posts`, 3 each, alternating, 125 ms apart: with the budget p50 22.0 ms, p99 30.0 ms; \
                with the operator token (no check) p50 21.0 ms, p99 29.0 ms.

                """);
    }

    @Test
    void itsValuesAreWrittenBesideIt(@TempDir Path dir) throws Exception {
        figures().write(dir);

        assertThat(Files.readString(dir.resolve("abuse.values"))).isEqualTo("""
                date=2026-12-06
                one_account_s_posts_passed=300
                one_account_s_posts_refused=700
                one_account_s_posts_written=300
                one_address_s_registrations_passed=5
                one_address_s_registrations_refused=45
                one_address_s_registrations_written=5
                check_posts_paced_p50=0.412
                check_posts_paced_p99=0.951
                check_requests_bursts_p50=0.002
                check_requests_bursts_p99=n/a
                post_budgeted_p50=22.0
                post_exempt_p50=21.0
                """);
        assertThat(Files.readString(dir.resolve("abuse.md"))).isEqualTo(figures().markdown());
    }
}
