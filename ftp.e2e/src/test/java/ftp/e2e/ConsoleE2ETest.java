package ftp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The distribution end to end: {@code ftp-server.jar} in its own JVM on a scratch home, the FTP
 * page of the Felix Web Console driven in headless Chromium, the result checked on the wire with
 * Apache Commons Net and in {@code etc/ftp.site-default.cfg}.
 *
 * <p>Browser: Debian's {@code /usr/bin/chromium} with {@code /usr/bin/chromedriver}, both set
 * explicitly, so Selenium Manager never runs and nothing is downloaded.
 *
 * <p>Basic auth: the console wants {@code admin/admin}. The browser first opens
 * {@code http://admin:admin@127.0.0.1:<port>/system/console/bundles}; Chromium keeps those
 * credentials in its HTTP auth cache for the origin and the realm, and every later page is opened
 * by its plain URL. A page opened with the credentials in its URL (as monitoring and screenshot
 * tools do) has them in its base URL too, where a relative {@code fetch()} throws "Request cannot
 * be constructed from a URL that includes credentials": the FTP page fetches against the
 * origin, {@link #ftpPageOpenedWithCredentialsInItsUrlLoadsItsSites} checks it.
 * {@code HasAuthentication} (CDP) works too, but only through Selenium's CDP version fallback
 * (selenium 4.49 ships CDP 151-153, Debian's Chromium is newer), and the BiDi authentication
 * handler timed out with this Chromium: the auth cache depends on neither.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleE2ETest {

    private static final String NEW_BANNER = "New banner from the console";
    private static final Duration WAIT = Duration.ofSeconds(20);

    // Selenium looks up a CDP implementation for the browser's version when a driver starts and
    // warns when Debian's Chromium is newer than the ones it ships; nothing here uses CDP. Held in
    // fields: java.util.logging forgets the level of a logger nobody references.
    private static final Logger SELENIUM_DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");
    private static final Logger SELENIUM_CHROMIUM = Logger.getLogger("org.openqa.selenium.chromium");

    private static Path output;
    private static Path screenshots;
    private static ServerProcess server;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void startServer() throws Exception {
        SELENIUM_DEVTOOLS.setLevel(Level.SEVERE);
        SELENIUM_CHROMIUM.setLevel(Level.SEVERE);
        output = Path.of(System.getProperty("e2e.output", "target"));
        screenshots = Files.createDirectories(output.resolve("screenshots"));
        Path jar = Path.of(System.getProperty("ftp.server.jar", "../ftp.app/target/ftp-server.jar"));
        server = ServerProcess.start(jar, Files.createDirectories(output.resolve("e2e-homes")),
                output.resolve("e2e-server.log"), "Old banner");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory(output, "chromium-profile-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withLogFile(output.resolve("chromedriver.log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
        // primes Chromium's HTTP auth cache for the console's realm (see the class comment)
        driver.get("http://" + ServerProcess.CONSOLE_USER + ":" + server.consolePassword
                + "@127.0.0.1:" + server.httpPort + "/system/console/bundles");
    }

    @AfterEach
    void stopBrowser() {
        if (driver == null) {
            return;
        }
        // chromedriver and the Chromium it started; taken before quit(), which may fail and leave
        // an orphaned browser behind
        List<ProcessHandle> browser = ProcessHandle.current().descendants()
                .filter(p -> !server.isProcessOrDescendant(p))
                .toList();
        try {
            driver.quit();
        } finally {
            driver = null;
            browser.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The console is served behind basic auth and the browser gets in: the Bundles page. */
    @Test
    @Order(1)
    void bundlesPage() throws IOException {
        driver.get(server.consoleUrl("/bundles"));
        wait.until(ExpectedConditions.titleContains("Bundles"));
        assertEquals(server.consoleUrl("/bundles"), driver.getCurrentUrl());
        // the page fills its table from bundles.json with XHR: the auth cache covers it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
                "ftp.core"));
        screenshot("bundles");
    }

    /** Issue 12, item 9: opened as http://user:pass@host/…, the page showed no site and a fetch error. */
    @Test
    @Order(2)
    void ftpPageOpenedWithCredentialsInItsUrlLoadsItsSites() {
        driver.get("http://" + ServerProcess.CONSOLE_USER + ":" + server.consolePassword
                + "@127.0.0.1:" + server.httpPort + "/system/console/ftp");
        WebElement siteSelect = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#ftp-site-select option[value='default']")));
        new Select(driver.findElement(By.id("ftp-site-select"))).selectByValue("default");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-state"), "RUNNING"));
        assertTrue(siteSelect.isEnabled());
        assertTrue(!textOf("ftp-message").toLowerCase(java.util.Locale.ROOT).contains("fetch"), textOf("ftp-message"));
    }

    /** Changes banner, a feature toggle and cipher suites on the FTP page, then restarts the site. */
    @Test
    @Order(3)
    void ftpPageSavesAndRestartsTheSite() throws Exception {
        driver.get(server.consoleUrl("/ftp"));
        WebElement siteSelect = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ftp-site-select")));
        new Select(siteSelect).selectByValue("default");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-state"), "RUNNING"));

        // Common: the connect banner
        showTab("common");
        WebElement bannerConnect = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("textarea#banner-connect")));
        assertEquals("Old banner", bannerConnect.getAttribute("value"));
        replaceText(bannerConnect, NEW_BANNER);
        for (String id : List.of("banner-login", "banner-loginFailure", "banner-logout")) {
            assertTrue(driver.findElement(By.cssSelector("textarea#" + id)).isDisplayed(), id);
        }

        // Features: HASH off
        showTab("features");
        for (String key : List.of("port", "hash", "comb", "stat", "syst", "site", "mlsd", "mlst", "mfmt")) {
            assertFalse(driver.findElements(feature(key)).isEmpty(), "checkbox of feature " + key);
        }
        WebElement hash = wait.until(ExpectedConditions.elementToBeClickable(feature("hash")));
        assertTrue(hash.isSelected(), "feature.hash is on by default");
        hash.click();
        assertFalse(hash.isSelected());

        // TLS: two suites picked through the filter
        showTab("tls");
        WebElement filter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input#cipher-filter")));
        filter.sendKeys("AES_128_GCM");
        for (String suite : List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")) {
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("ul#cipher-list > li[data-suite='" + suite + "']"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#cipher-chips .chip[data-suite='" + suite + "']")));
        }
        assertTrue(driver.findElements(By.cssSelector("ul#cipher-list > li[data-suite]")).stream()
                .allMatch(li -> !li.isDisplayed() || li.getAttribute("data-suite").contains("AES_128_GCM")),
                "the filter hides the suites that do not match");

        // state-changing requests without the page's token are refused (no cross-site forgery)
        for (String headers : List.of("{'Content-Type': 'application/json'}",
                "{'Content-Type': 'application/json', 'X-FTP-Token': 'forged'}")) {
            Object status = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('ftp-console').getAttribute('data-root') + '/site/default/restart',"
                    + " {method: 'POST', headers: " + headers + ", body: '{}'}).then(function (r) { done(r.status); });");
            assertEquals(403L, status, headers);
        }

        // an invalid address is refused next to its field, and nothing is saved
        showTab("common");
        WebElement externalIp = driver.findElement(By.cssSelector("input#pasv-externalIp"));
        replaceText(externalIp, "300.1.2.3");
        driver.findElement(By.cssSelector("button#ftp-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".ftp-error[data-error-for='pasv.externalIp']"), "is not an IP address"));
        assertFalse(driver.findElement(By.id("restart-reminder")).isDisplayed(), "nothing saved");
        assertFalse(Files.readString(server.home.resolve("etc/ftp.site-default.cfg")).contains("300.1.2.3"));
        replaceText(externalIp, "");

        // save all tabs: the saved configuration now differs from the running one
        driver.findElement(By.cssSelector("button#ftp-save")).click();
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("restart-reminder")));
        } catch (TimeoutException e) {
            throw new AssertionError("no restart reminder after save; #ftp-message says: "
                    + textOf("ftp-message"), e);
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-state"), "restart pending"));
        for (String tab : List.of("common", "features", "tls")) {
            showTab(tab);
            screenshot(tab);
        }

        // restart: the reminder goes away once the site runs the saved configuration
        driver.findElement(By.cssSelector("button#restart-site")).click();
        try {
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("restart-reminder")));
        } catch (TimeoutException e) {
            throw new AssertionError("the restart reminder stayed; #ftp-message says: "
                    + textOf("ftp-message"), e);
        }

        // on the wire
        FTPClient ftp = new FTPClient();
        ftp.setConnectTimeout(5000);
        ftp.setDefaultTimeout(10000);
        ftp.connect("127.0.0.1", server.ftpPort);
        try {
            assertEquals(220, ftp.getReplyCode());
            assertEquals("220 " + NEW_BANNER, ftp.getReplyString().strip());
            assertTrue(ftp.login("e2e", "e2e-password"), ftp.getReplyString());
            assertEquals(502, ftp.sendCommand("HASH x"), ftp.getReplyString());
            assertTrue(FTPReply.isPositiveCompletion(ftp.feat()), ftp.getReplyString());
            assertTrue(Arrays.stream(ftp.getReplyStrings()).noneMatch(l -> l.strip().startsWith("HASH")),
                    "FEAT lists no HASH: " + ftp.getReplyString());
            ftp.logout();
        } finally {
            ftp.disconnect();
        }

        // in the site's file
        String cfg = Files.readString(server.home.resolve("etc/ftp.site-default.cfg"), StandardCharsets.UTF_8);
        assertTrue(cfg.contains("banner.connect = " + NEW_BANNER), cfg);
        assertTrue(cfg.contains("feature.hash = false"), cfg);
    }

    private static By feature(String key) {
        return By.cssSelector("input[type=checkbox][data-feature='" + key + "']");
    }

    private void showTab(String tab) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ftp-tab-" + tab))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ftp-panel-" + tab)));
    }

    /** Clears a field so that the page sees input events (clear() alone may not fire them), then types. */
    private static void replaceText(WebElement field, String text) {
        field.clear();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        assertEquals(text, field.getAttribute("value"));
    }

    private String textOf(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "(no #" + id + ")" : found.get(0).getText();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
