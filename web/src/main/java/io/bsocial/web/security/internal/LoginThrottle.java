package io.bsocial.web.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.security.internal.DeviceCookies.Device;

/**
 * Slows password guessing: after too many failures from one client, or against one account,
 * further attempts wait until the oldest failure leaves the window. Successes are never counted,
 * so a client that is not failing is never slowed. Failures are kept in the database: every web
 * instance counts the guesses that reached any of them.
 *
 * <p>The account-wide limit stops guessing spread over many clients, but would lock the owner out
 * too. A browser that logged in to the account before (a valid {@link DeviceCookies device
 * cookie} for it) is judged by its own small budget instead: when the account is under attack,
 * only unknown clients are refused.
 */
@Component
public class LoginThrottle {

    private static final String ACCOUNT = "account:";

    private final FailedLoginWindow clientFailures;
    private final FailedLoginWindow accountFailures;
    private final FailedLoginWindow deviceFailures;
    private final Accounts accounts;
    private final Clock clock;

    LoginThrottle(LoginThrottleProperties properties, JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.clientFailures = new FailedLoginWindow(jdbc, "client", properties.maxFailuresPerClient(),
                properties.window());
        this.accountFailures = new FailedLoginWindow(jdbc, "account", properties.maxFailuresPerAccount(),
                properties.window());
        this.deviceFailures = new FailedLoginWindow(jdbc, "device", properties.maxFailuresPerDevice(),
                properties.window());
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * How long this client must wait before trying this login again; zero when it may try now. A
     * known device of the account is judged by its own failures only.
     */
    Duration retryAfter(String client, String login, Optional<Device> device) {
        String account = accountKey(login);
        Optional<Device> known = knownDevice(device, account);
        if (known.isPresent()) {
            return deviceFailures.retryAfter(known.get().throttleKey(), clock.instant());
        }
        Duration byClient = clientFailures.retryAfter(client, clock.instant());
        Duration byAccount = accountFailures.retryAfter(account, clock.instant());
        return byClient.compareTo(byAccount) >= 0 ? byClient : byAccount;
    }

    /** A known device's typos count against that device only, never against its account. */
    void failed(String client, String login, Optional<Device> device) {
        String account = accountKey(login);
        Optional<Device> known = knownDevice(device, account);
        if (known.isPresent()) {
            deviceFailures.record(known.get().throttleKey(), clock.instant());
            return;
        }
        clientFailures.record(client, clock.instant());
        accountFailures.record(account, clock.instant());
    }

    /**
     * Forgets the account's failures (the caller knows the account, so no lookup is needed), and
     * the device that logged in starts over with its own budget.
     */
    void succeeded(long accountId, Optional<Device> device) {
        accountFailures.clear(ACCOUNT + accountId);
        device.filter(d -> d.accountId() == accountId).ifPresent(d -> deviceFailures.clear(d.throttleKey()));
    }

    private static Optional<Device> knownDevice(Optional<Device> device, String accountKey) {
        return device.filter(d -> accountKey.equals(ACCOUNT + d.accountId()));
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
        return accounts.byLogin(login).map(account -> ACCOUNT + account.id())
                .orElseGet(() -> "login:" + AccountKey.of(login));
    }
}
