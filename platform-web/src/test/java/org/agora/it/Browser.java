package org.agora.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agora.it.Platform.DemoUser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, as a person would use the platform: through the real Keycloak
 * login page. Screenshots go to docs/screenshots for the user guides.
 */
public final class Browser implements AutoCloseable {

    /**
     * Browsers whose test has ended, emptied, for the next test: starting Chromium and its driver costs a second or
     * two, a hundred times over a run. A browser handed out again has no cookie, storage, cache, download, extra
     * window or changed size left from its last test: as a fresh one, for what the platform can tell.
     */
    private static final java.util.Deque<Browser.Started> IDLE = new java.util.ArrayDeque<>();
    private static final int KEPT_IDLE = 3;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Started::quit);
                IDLE.clear();
            }
        }));
    }

    private final Started started;
    private final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        Started idle;
        synchronized (IDLE) {
            idle = IDLE.pollFirst();
        }
        started = idle != null ? idle : Started.start();
        driver = started.driver();
        profile = started.profile();
    }

    /** A Chromium, its driver and its profile folder. */
    private record Started(ChromeDriver driver, Path profile, org.openqa.selenium.Dimension size) {

        static Started start() {
            Path profile;
            try {
                profile = Files.createTempDirectory("agora-chromium");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("agora.test.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--window-size=1280,900", "--lang=fr-FR", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr",
                    "download.default_directory", profile.resolve("downloads").toString(),
                    "download.prompt_for_download", false));
            // the console, read for the Content-Security-Policy's refusals (policyViolations)
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("agora.test.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Started(driver, profile, driver.manage().window().getSize());
        }

        /**
         * Empties the browser as its next test must find it; false when it cannot (then it is not handed out again).
         */
        boolean empty() {
            try {
                if (driver.getWindowHandles().size() > 1) {
                    return false;
                }
                try {
                    driver.switchTo().alert().dismiss();
                } catch (org.openqa.selenium.NoAlertPresentException e) {
                    // as it should be
                }
                driver.get("about:blank");
                driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                for (String origin : List.of(origin(Platform.APP), origin(Platform.KEYCLOAK))) {
                    driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
                }
                if (!driver.manage().window().getSize().equals(size)) {
                    driver.manage().window().setSize(size);
                }
                deleteDownloads();
                return true;
            } catch (WebDriverException | UncheckedIOException e) {
                return false;
            }
        }

        private void deleteDownloads() {
            Path downloads = profile.resolve("downloads");
            if (Files.isDirectory(downloads)) {
                delete(downloads);
            }
        }

        void quit() {
            try {
                driver.quit();
            } catch (WebDriverException e) {
                // already gone
            }
            delete(profile);
        }

        private static String origin(String address) {
            java.net.URI uri = java.net.URI.create(address);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        }

        private static void delete(Path folder) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(Platform.APP + path);
        return this;
    }

    /**
     * Signs in: through Keycloak's login form, over HTTP (see {@link HttpSignIn}), the session's cookies (the
     * platform's and Keycloak's) then given to the browser, which opens the home page signed in. A journey about
     * something else than signing in saves a browser's walk through Keycloak's pages;
     * {@link #signInOnThePage(String, String)} walks them.
     */
    public Browser signIn(DemoUser user) {
        return signIn(user.username, user.password);
    }

    /** The same for any account of the realm (one a test made). */
    public Browser signIn(String username, String password) {
        driver.get("about:blank");
        for (java.net.HttpCookie cookie : HttpSignIn.session(username, password)) {
            String path = cookie.getPath() == null ? "/" : cookie.getPath();
            String origin = path.startsWith("/realms/") ? Platform.KEYCLOAK : Platform.APP;
            java.net.URI url = java.net.URI.create(origin).resolve(path);
            Map<String, Object> parameters = new java.util.HashMap<>(Map.of("name", cookie.getName(),
                    "value", cookie.getValue(), "url", url.toString(), "path", path,
                    "secure", cookie.getSecure(), "httpOnly", cookie.isHttpOnly()));
            if (cookie.getSecure()) {
                parameters.put("sameSite", "None");
            }
            driver.executeCdpCommand("Network.setCookie", parameters);
        }
        open("/");
        if (!has("userMenu:user")) {
            throw new IllegalStateException(username + " is not signed in on the home page");
        }
        return this;
    }

    /** Clicks "Se connecter", fills Keycloak's login form, waits to be back on the platform and accepts the terms. */
    public Browser signInOnThePage(DemoUser user) {
        return signInOnly(user.username, user.password).acceptTerms();
    }

    /** Signs in and stops where the platform sends the person (the terms, at a first sign-in). */
    public Browser signInOnly(String username, String password) {
        open("/");
        go("sign-in");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        for (int attempt = 0; ; attempt++) {
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> (d.getCurrentUrl().startsWith(Platform.APP) && !d.findElements(By.id("userMenu:user")).isEmpty())
                    || !d.findElements(By.cssSelector("[id^='input-error-']:not([id^='input-error-container'])")).isEmpty());
            if (driver.getCurrentUrl().startsWith(Platform.APP)) {
                return this;
            }
            // Keycloak refuses a sign-in while another of the same user is under way (the other suite's): again
            if (attempt == Platform.SIGN_IN_ATTEMPTS) {
                throw new IllegalStateException("Keycloak refused to sign " + username + " in: "
                        + driver.findElement(By.cssSelector("[id^='input-error-']:not([id^='input-error-container'])")).getText());
            }
            try {
                Thread.sleep(250L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** At a first sign-in (or a new version of the terms), ticks the box and accepts, as a person would. */
    public Browser acceptTerms() {
        if (driver.getCurrentUrl().contains("/terms.xhtml") && has("terms-form:accept")) {
            find("terms-form:agreed").click();
            go("terms-form:accept");
        }
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void type(String id, String text) {
        WebElement input = find(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks something that does not leave the page (a menu button). */
    public void click(String id) {
        find(id).click();
    }

    /**
     * Clicks a link or a (non-Ajax) button and waits for the next page to load: the old document carries a mark
     * that the new one does not. Calls made while the browser swaps documents may fail; they are retried.
     */
    public void go(String id) {
        driver.executeScript("window.agoraPreviousPage = true;");
        find(id).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.agoraPreviousPage === undefined && document.readyState === 'complete';")));
    }

    /** The same as {@link #go(String)} for an element found by a CSS selector (a link inside a repeated list). */
    public void goCss(String selector) {
        driver.executeScript("window.agoraPreviousPage = true;");
        css(selector).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.agoraPreviousPage === undefined && document.readyState === 'complete';")));
    }

    /** Clicks a button that sends a file and waits for the download to finish; returns the file. */
    public Path download(String id) {
        Path folder = profile.resolve("downloads");
        find(id).click();
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (var files = Files.list(folder)) {
                return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
            } catch (IOException e) {
                return null; // the folder appears with the first download
            }
        });
    }

    /** The first element matching a CSS selector. */
    public WebElement css(String selector) {
        return driver.findElement(By.cssSelector(selector));
    }

    /** Clicks the first element matching a CSS selector once scrolled to the middle of the window (away from sticky bars). */
    public void clickCentered(String selector) {
        WebElement element = css(selector);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Waits until an element matching the CSS selector is on the page (after an Ajax update, say). */
    public WebElement waitForCss(String selector) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector)));
    }

    /** Waits until PrimeFaces has no Ajax request under way (a partial update has replaced what it updates). */
    public void waitForAjax() {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                                + " && (!window.jQuery || jQuery.active === 0);")));
    }

    public void waitFor(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Saves a screenshot for the user guide as docs/screenshots/NAME.png. */
    public void screenshot(String name) {
        String folder = System.getProperty("agora.test.screenshots");
        if (folder == null) {
            return;
        }
        try {
            Path target = Path.of(folder, name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the Content-Security-Policy refused since the last call (the console's reports: an inline script or
     * handler without the page's nonce, an image from another host...), on the platform's pages and Keycloak's.
     */
    public List<String> policyViolations() {
        try {
            return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .map(org.openqa.selenium.logging.LogEntry::getMessage)
                    .filter(message -> message.contains("Content Security Policy"))
                    .toList();
        } catch (WebDriverException e) {
            return List.of(); // the browser is gone: its test has failed already
        }
    }

    /**
     * Hands the browser, emptied, to the next test (or quits it); fails the test when the Content-Security-Policy
     * refused anything on its pages: the platform's own scripts all carry the page's nonce, so a refusal is a
     * handler or script that does not run for the person (a test that provokes one reads it first).
     */
    @Override
    public void close() {
        List<String> violations = policyViolations();
        handBack();
        if (!violations.isEmpty()) {
            throw new AssertionError("the Content-Security-Policy refused: " + violations);
        }
    }

    private void handBack() {
        if (started.empty()) {
            synchronized (IDLE) {
                if (IDLE.size() < KEPT_IDLE) {
                    IDLE.addFirst(started);
                    return;
                }
            }
        }
        started.quit();
    }
}
