package io.bsocial.web.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.AccountRepository;

/**
 * Slows password guessing: after too many failures from one client, or against one account,
 * further attempts wait until the oldest failure leaves the window. Successes are never counted,
 * so a client that is not failing is never slowed. Failures are kept in the database: every web
 * instance counts the guesses that reached any of them.
 */
@Component
public class LoginThrottle {

    private static final String ACCOUNT = "account:";

    private final FailedLoginWindow clientFailures;
    private final FailedLoginWindow accountFailures;
    private final AccountRepository accounts;
    private final Clock clock;

    LoginThrottle(LoginThrottleProperties properties, JdbcClient jdbc, AccountRepository accounts, Clock clock) {
        this.clientFailures = new FailedLoginWindow(jdbc, "client", properties.maxFailuresPerClient(),
                properties.window());
        this.accountFailures = new FailedLoginWindow(jdbc, "account", properties.maxFailuresPerAccount(),
                properties.window());
        this.accounts = accounts;
        this.clock = clock;
    }

    /** How long this client must wait before trying this login again; zero when it may try now. */
    public Duration retryAfter(String client, String login) {
        Duration byClient = clientFailures.retryAfter(client, clock.instant());
        Duration byAccount = accountFailures.retryAfter(accountKey(login), clock.instant());
        return byClient.compareTo(byAccount) >= 0 ? byClient : byAccount;
    }

    public void failed(String client, String login) {
        clientFailures.record(client, clock.instant());
        accountFailures.record(accountKey(login), clock.instant());
    }

    /** Forgets the account's failures; the caller knows the account, so no lookup is needed. */
    public void succeeded(long accountId) {
        accountFailures.clear(ACCOUNT + accountId);
    }

    /** Whole seconds for a {@code Retry-After} header, never zero. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * One key per account, whether it is named by username or by e-mail (else guessing both would
     * double the limit); a login that names no account is counted as typed.
     */
    private String accountKey(String login) {
        if (login == null || login.isBlank()) {
            return "";
        }
        return accounts.findByLogin(login).map(account -> ACCOUNT + account.id())
                .orElseGet(() -> "login:" + AccountKey.of(login));
    }
}
