package io.bsocial.web.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.security.internal.DeviceCookies.Device;
import io.bsocial.web.security.internal.FailedLoginWindow.Reservation;

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
 *
 * <p>Checking and recording are one step ({@link #begin}): the authentication provider starts every
 * attempt here before it checks a password, whichever URL the request came by.
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
     * Starts a login attempt: counts it as a failure of this client and account (of this device
     * only, for a known device of the account, whose typos never count against the account), then
     * refuses it if that makes one of them exceed its limit.
     *
     * @throws LoginThrottledException with the time to wait, when the attempt may not check a password
     */
    Attempt begin(String client, String login, Optional<Device> device) {
        String account = accountKey(login);
        Optional<Device> known = device.filter(d -> account.equals(ACCOUNT + d.accountId()));
        Instant now = clock.instant();
        List<Reservation> counted = new ArrayList<>();
        if (known.isPresent()) {
            counted.add(deviceFailures.record(known.get().throttleKey(), now));
        } else {
            counted.add(clientFailures.record(client, now));
            if (!account.isEmpty()) {
                counted.add(accountFailures.record(account, now));
            }
        }
        if (counted.stream().anyMatch(reservation -> reservation.exceeded(now))) {
            counted.forEach(Reservation::withdraw);
            Duration wait = counted.stream().map(reservation -> reservation.retryAfter(now))
                    .max(Duration::compareTo).orElse(Duration.ZERO);
            throw new LoginThrottledException(seconds(wait));
        }
        return new Attempt(counted, device);
    }

    /** An attempt that may check its password; it stays counted as a failure unless told otherwise. */
    final class Attempt {

        private final List<Reservation> counted;
        private final Optional<Device> device;

        private Attempt(List<Reservation> counted, Optional<Device> device) {
            this.counted = counted;
            this.device = device;
        }

        /**
         * The password was right: the attempt is not a failure, the account's failures are forgotten,
         * and the device that logged in starts over with its own budget.
         */
        void succeeded(long accountId) {
            counted.forEach(Reservation::withdraw);
            accountFailures.clear(ACCOUNT + accountId);
            device.filter(d -> d.accountId() == accountId).ifPresent(d -> deviceFailures.clear(d.throttleKey()));
        }

        /** The password was never checked (no hashing slot was free): not a failure. */
        void abandoned() {
            counted.forEach(Reservation::withdraw);
        }
    }

    /** Whole seconds for a {@code Retry-After} header, never zero. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * One key per account, whether it is named by username or by e-mail (else guessing both would
     * double the limit); a login that names no account is counted as typed; a blank one is no
     * account at all.
     */
    private String accountKey(String login) {
        if (login == null || login.isBlank()) {
            return "";
        }
        return accounts.byLogin(login).map(account -> ACCOUNT + account.id())
                .orElseGet(() -> "login:" + AccountKey.of(login));
    }
}
