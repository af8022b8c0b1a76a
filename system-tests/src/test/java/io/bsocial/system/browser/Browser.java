package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * A real headless Chromium driven by Selenium. The browser and driver are Debian's
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, overridable by the system properties
 * {@code bsocial.chromium} and {@code bsocial.chromedriver}), so Selenium Manager never downloads.
 *
 * <p>Starting Chromium takes about two seconds, longer than most checks made with it: a test
 * {@linkplain #lease leases} one, and {@link #close()} hands it back to the pool for the next test
 * of the run rather than quitting it. It comes back as a new browser would: no cookies, no storage,
 * no page, normal network, an empty console log.
 */
public final class Browser implements AutoCloseable {

    /**
     * The sizes pages are checked at. A phone is emulated (viewport, device pixel ratio, mobile
     * viewport rules): headless Chromium does not make a window narrower than 500 px.
     */
    public enum Screen {
        DESKTOP(1280, 900), PHONE(390, 844);

        private final int width;
        private final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** For file names: {@code desktop}, {@code phone}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What makes two pooled browsers interchangeable. */
    private record Kind(Screen screen, boolean interceptsRequests) {
    }

    private static final Map<Kind, Deque<ChromeDriver>> IDLE = new HashMap<>();
    /** How often a wait asks again (Selenium's default is 500 ms). */
    private static final Duration POLL = Duration.ofMillis(100);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "browser-pool"));
    }

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Screen screen;
    private final Kind kind;
    private boolean networkEmulated;
    private boolean pageEmulated;
    private boolean closed;

    private Browser(String baseUrl, Kind kind, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.screen = kind.screen();
        this.kind = kind;
        this.driver = driver;
    }

    /** A desktop browser, as new, until {@link #close()}. */
    public static Browser lease(String baseUrl) {
        return lease(baseUrl, Screen.DESKTOP, false);
    }

    /** A browser of this screen size, as new, until {@link #close()}. */
    public static Browser lease(String baseUrl, Screen screen) {
        return lease(baseUrl, screen, false);
    }

    /**
     * With {@code interceptsRequests}, for tests that answer requests themselves through DevTools
     * (Selenium's {@code NetworkInterceptor}): such an answer comes from no IP address, and
     * Chromium's Local Network Access checks then take the page for a public one and block, for
     * the rest of the session, its calls to the notifier on another localhost port.
     */
    public static Browser lease(String baseUrl, Screen screen, boolean interceptsRequests) {
        Kind kind = new Kind(screen, interceptsRequests);
        ChromeDriver idle;
        synchronized (IDLE) {
            idle = IDLE.computeIfAbsent(kind, k -> new ArrayDeque<>()).poll();
        }
        ChromeDriver driver = idle != null ? idle : launch(screen, interceptsRequests);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(baseUrl, kind, driver);
    }

    public Screen screen() {
        return screen;
    }

    /**
     * Starts Chromium. On a machine whose disk stalls, Chromium sometimes does not report its
     * DevTools port in time and the launch fails before any page is opened: that is retried, a
     * failure of the application never is.
     */
    private static ChromeDriver launch(Screen screen, boolean interceptsRequests) {
        SessionNotCreatedException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return new ChromeDriver(service(), options(screen, interceptsRequests));
            } catch (SessionNotCreatedException notStarted) {
                failure = notStarted;
            }
        }
        throw failure;
    }

    private static ChromeDriverService service() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("bsocial.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
    }

    private static ChromeOptions options(Screen screen, boolean interceptsRequests) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("bsocial.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900");
        if (interceptsRequests) {
            options.addArguments("--disable-features=LocalNetworkAccessChecks");
        }
        // The console log (LogType.BROWSER), so that tests can see what page scripts report.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (screen == Screen.PHONE) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", screen.width(), "height", screen.height(), "pixelRatio", 2.0)));
        }
        return options;
    }

    /**
     * Logs in as a test user for a test whose subject is not the login form: a session of its own
     * from the JSON login, set as the session cookie (what the form would leave), then the feed.
     */
    public void logInAs(LoggedIn who) {
        ApiClient.Response login = new ApiClient(baseUrl).post("/api/auth/login",
                ApiClient.json(Map.of("login", who.username(), "password", TestUsers.PASSWORD)));
        assertThat(login.status()).as("JSON login of " + who.username()).isEqualTo(200);
        driver.executeCdpCommand("Network.setCookie", Map.of("name", "SESSION", "value", login.sessionCookie(),
                "url", baseUrl + "/", "httpOnly", true, "sameSite", "Lax"));
        open("/");
        find("#feed-page");
    }

    /** {@link #logInAs}, then waits for the feed's bell to be live (on the end-to-end system). */
    public void logInLive(LoggedIn who) {
        logInAs(who);
        awaitLive();
    }

    /** Fills in and sends the login form of the open page (where an expired session led, say). */
    public void submitLogin(String login, String password) {
        type("#login", login);
        type("#password", password);
        click("#login-submit");
    }

    /** Waits until the page's bell is connected to the notifier over its WebSocket. */
    public void awaitLive() {
        waitFor(d -> "live".equals(find("body").getDomAttribute("data-notifications")));
    }

    /** Marks the loaded page; {@link #isSamePage()} then tells whether it was reloaded since. */
    public void markPage() {
        driver.executeScript("window.bsocialTestMark = true;");
    }

    public boolean isSamePage() {
        return Boolean.TRUE.equals(driver.executeScript("return window.bsocialTestMark === true;"));
    }

    /** Runs JavaScript in the page and answers its result. */
    public Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    /** Runs a Chrome DevTools Protocol command (network emulation, for one). */
    public Map<String, Object> devTools(String command, Map<String, Object> parameters) {
        networkEmulated |= command.startsWith("Network.");
        pageEmulated |= command.startsWith("Emulation.") || command.equals("Page.setFontSizes");
        return driver.executeCdpCommand(command, parameters);
    }

    /** Chromium's network emulation: offline, or online with a latency added to every request. */
    public void network(boolean offline, int latencyMillis) {
        devTools("Network.enable", Map.of());
        devTools("Network.emulateNetworkConditions", Map.of("offline", offline,
                "latency", latencyMillis, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
        awaitScripts();
    }

    /**
     * Pages load Bootstrap, htmx and their own scripts after the first paint (app.js, once the page
     * has loaded): until they have run, a dropdown is a plain link and a form posts without htmx.
     * Opening a page, finding, typing and clicking wait for them first, as a person's next tap
     * comes after them.
     */
    public void awaitScripts() {
        waitFor(d -> scriptsReady());
    }

    private boolean scriptsReady() {
        try {
            // A confirm() is open: the page's scripts have run and asked it. (Running a script now
            // would dismiss it, as the session answers prompts a command runs into.)
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            // the page, then
        } catch (WebDriverException navigating) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(driver.executeScript("""
                    return document.readyState === 'complete'
                        && (document.documentElement.dataset.scripts === 'loaded'
                            || !document.documentElement.dataset.scripts
                                && !document.querySelector('script[type="text/x-after-paint"]'));"""));
        } catch (WebDriverException navigating) {
            return false; // the page is being replaced: ask the next one
        }
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(String css) {
        awaitScripts();
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    public void click(String css) {
        click(By.cssSelector(css));
    }

    public void click(By locator) {
        awaitScripts();
        WebElement element = waitFor(ExpectedConditions.elementToBeClickable(locator));
        // Bootstrap scrolls smoothly: bring the element into view at once, or the click lands mid-scroll.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /**
     * Asks again every {@link #POLL} until {@code condition} holds (15 s at most). Selenium's own pause is
     * half a second: with the many waits of a run (every page opened waits for its scripts), that
     * pause was minutes of the build.
     */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(15), condition);
    }

    /**
     * A question asked while the page navigates (a form's answer redirecting, say) is aborted by the
     * driver: that is "not yet", not an error, and the next poll asks the new page.
     */
    private <T> T waitFor(Duration atMost, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, atMost, POLL).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException aborted) {
                if (aborted.getMessage() != null && aborted.getMessage().contains("aborted by navigation")) {
                    return null;
                }
                throw aborted;
            }
        });
    }

    public void waitForPath(String path) {
        waitFor(d -> path().equals(path) || path().startsWith(path + "?"));
    }

    public void waitForText(String css, String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /**
     * Waits longer for what crosses every process (web's outbox, Kafka, the notifier, the socket):
     * on a loaded 2-core machine CI once saw one such trip not finish within 15 s.
     */
    public void waitForLiveText(String css, String text) {
        waitFor(Duration.ofSeconds(45), ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /**
     * The errors the page reported in the console since the last call (the log is read once):
     * script errors, {@code console.error} (htmx reports its own errors so) and failed loads.
     */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The current value of a form field (what was typed, not the attribute). */
    public String value(String css) {
        return driver.findElement(By.cssSelector(css)).getDomProperty("value");
    }

    /** The id of the element that has the keyboard focus. */
    public String focusedId() {
        return (String) driver.executeScript("return document.activeElement && document.activeElement.id;");
    }

    /** Deletes this browser's session from the shared store, as its expiry would. */
    public void expireSession(JdbcClient jdbc) {
        Cookie cookie = driver.manage().getCookieNamed("SESSION");
        String sessionId = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(sessionId).update()).isEqualTo(1);
    }

    /** Fails unless the element is wholly inside the visible viewport: on a phone, not cut off or off-screen. */
    public void assertInsideViewport(String css) {
        find(css);
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) driver.executeScript("const r = document.querySelector(arguments[0])"
                + ".getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};", css);
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth;");
        Number height = (Number) driver.executeScript("return window.innerHeight;");
        assertThat(box.get("left").doubleValue()).as(css + " left").isGreaterThanOrEqualTo(0);
        assertThat(box.get("right").doubleValue()).as(css + " right").isLessThanOrEqualTo(width.doubleValue());
        assertThat(box.get("top").doubleValue()).as(css + " top").isGreaterThanOrEqualTo(0);
        assertThat(box.get("bottom").doubleValue()).as(css + " bottom").isLessThanOrEqualTo(height.doubleValue());
    }

    /** Saves a PNG of the current page, e.g. for the README or to look at a failure. */
    public void screenshot(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the browser back to the pool, as new; one that cannot be made so is quit. */
    @Override
    public void close() {
        if (closed) {
            return; // handed back already: a second hand-back would lease one Chromium twice
        }
        closed = true;
        if (reset()) {
            synchronized (IDLE) {
                IDLE.computeIfAbsent(kind, k -> new ArrayDeque<>()).push(driver);
            }
        } else {
            quit(driver);
        }
    }

    /**
     * Forgets what the test left: network and media emulation, every cookie, the site's storage (session
     * storage is the tab's, reached from a page of the site), the page itself (and with it the
     * page's sockets and timers), the console log.
     */
    private boolean reset() {
        try {
            if (networkEmulated) {
                driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                        "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                networkEmulated = false;
            }
            if (pageEmulated) {
                // The system's colour scheme and text size, as a new browser has them.
                driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of()));
                driver.executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 16, "fixed", 13)));
                pageEmulated = false;
            }
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            String url = driver.getCurrentUrl();
            if (!url.startsWith("data:") && !url.startsWith("about:")) {
                if (!url.startsWith(baseUrl + "/")) {
                    driver.get(baseUrl + "/login");
                }
                driver.executeScript("window.sessionStorage.clear(); window.localStorage.clear();");
                driver.get("about:blank");
            }
            driver.manage().logs().get(LogType.BROWSER);
            return true;
        } catch (RuntimeException broken) {
            return false;
        }
    }

    private static void quit(ChromeDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException alreadyGone) {
            // nothing left to quit
        }
    }

    private static void quitIdle() {
        synchronized (IDLE) {
            IDLE.values().forEach(drivers -> drivers.forEach(Browser::quit));
            IDLE.clear();
        }
    }
}
