package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.testing.Needs;

/**
 * Headless Chromium against a real server over the demo data: every page loads and shows what it
 * should, a click on a heat-map cell leads to the evidence sentence, hostile records render as text
 * and run nothing, and each page is photographed (into docs/screenshots/ with -Dvigil.screenshots=docs/screenshots). When
 * Debian's chromium-driver is not installed each test fails under CI=true and is skipped, saying why, elsewhere
 * ({@link Needs}); the browser starts once, for the first test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    static final Path CHROMEDRIVER = Path.of(System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("vigil.chromium", "/usr/bin/chromium"));
    static ChromeDriver driver;
    static String base;
    static Path userData;

    @BeforeEach
    void startBrowser() throws IOException {
        Needs.present(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM), CHROMEDRIVER + " and " + CHROMIUM,
                "install them with 'apt-get install chromium chromium-driver', as .ci/run does");
        if (driver != null) {
            return;
        }
        base = TestServer.base();
        userData = Files.createTempDirectory("vigil-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userData, "--window-size=1400,1000", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Each test reads only its own console messages. */
    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierConsoleMessages() {
        if (driver != null) {
            driver.manage().logs().get(LogType.BROWSER);
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens a page and waits until its script says it is ready; fails with the page's error box otherwise. */
    private static void open(String path) {
        driver.get(base + path);
        waitReady();
    }

    private static void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            Object state = js("return document.body && document.body.dataset.ready;");
            return "true".equals(state) || "error".equals(state);
        });
        String state = (String) js("return document.body.dataset.ready;");
        assertThat(state).as("page %s failed: %s", driver.getCurrentUrl(), text("#error")).isEqualTo("true");
        assertNothingRan();
    }

    private static String text(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void waitFor(String what, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage(what).until(d -> condition.get());
    }

    /** No payload ran: none set window.__pwned or the title, and no markup became an element. */
    private static void assertNothingRan() {
        assertThat(js("return typeof window.__pwned;")).as("window.__pwned on %s", driver.getCurrentUrl()).isEqualTo("undefined");
        assertThat(driver.getTitle()).doesNotContain("pwned");
        assertThat(((Number) js("return document.querySelectorAll('main img, main svg, main script, main iframe').length;")).intValue())
                .as("elements built from data on %s", driver.getCurrentUrl()).isZero();
        assertThat(((Number) js("return document.querySelectorAll('a[href^=\"javascript\" i]').length;")).intValue()).isZero();
    }

    /**
     * Saves the whole page as NAME.png in target/screenshots, or in the folder named by the system
     * property {@code vigil.screenshots} (the README refreshes docs/screenshots that way), so an
     * ordinary test run does not rewrite the committed pictures.
     */
    private static void screenshot(String name) throws IOException {
        String chosen = System.getProperty("vigil.screenshots");
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path dir = Files.createDirectories(chosen == null || chosen.isBlank()
                ? base.resolve("target/screenshots") : base.resolve("..").resolve(chosen).normalize());
        long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight);")).longValue();
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height + 140, 800), 3200)));
        js("window.scrollTo(0, 0); window.dispatchEvent(new Event('resize'));");
        try {
            Thread.sleep(300); // let charts redraw at the new size
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    /** Console errors other than the favicon are failures of ours (a CSP violation shows up here). */
    private static void assertNoConsoleErrors() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("favicon.ico")) {
                throw new AssertionError("browser console error on " + driver.getCurrentUrl() + ": " + e.getMessage());
            }
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsEachStatesPreferenceBesideItsNetworks() throws IOException {
        open("/");
        String table = text("#states");
        assertThat(table).contains("Russia").contains("favours Donald Trump").contains("network");
        assertThat(table).doesNotContain("no preference 0/0");
        assertThat(driver.findElements(By.cssSelector("#states-chart canvas"))).isNotEmpty();
        assertThat(text("#stats")).contains("articles").contains("coord-");
        assertNoConsoleErrors();
        screenshot("overview");
    }

    @Test
    @Order(2)
    void clickingAHeatMapCellReachesTheEvidenceSentenceInItsArticle() throws IOException {
        open("/matrix");
        assertThat(driver.findElements(By.cssSelector("#heatmap canvas"))).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>) js("""
                const node = document.getElementById('heatmap');
                const chart = echarts.getInstanceByDom(node);
                const opt = chart.getOption();
                const x = opt.xAxis[0].data.indexOf('Donald Trump');
                const y = opt.yAxis[0].data.indexOf('Russia');
                const p = chart.convertToPixel({seriesIndex: 0}, [x, y]);
                const r = node.getBoundingClientRect();
                return [Math.round(p[0] - r.width / 2), Math.round(p[1] - r.height / 2)];
                """);
        WebElement heatmap = driver.findElement(By.id("heatmap"));
        js("arguments[0].scrollIntoView({block: 'center'});", heatmap);
        new Actions(driver).moveToElement(heatmap, offset.get(0).intValue(), offset.get(1).intValue()).click().perform();
        waitFor("the claims behind the clicked cell", () -> !driver.findElements(By.cssSelector("#cell-claims li.claim")).isEmpty()
                && driver.findElement(By.id("cell")).isDisplayed());
        assertThat(text("#cell-title")).startsWith("Russia → Donald Trump");
        List<WebElement> claims = driver.findElements(By.cssSelector("#cell-claims li.claim"));
        for (WebElement c : claims) {
            assertThat(c.getText()).contains("Russia").contains("Donald Trump");
        }
        assertThat(driver.getCurrentUrl()).contains("cellHolder=RU").contains("cellTarget=trump");
        // the cell's trend: one point per month; a click on one narrows the claims to that month
        waitFor("the trend chart", () -> "ready".equals(js("return document.getElementById('trend').dataset.state;")));
        int months = Integer.parseInt((String) js("return document.getElementById('trend').dataset.points;"));
        assertThat(months).isPositive();
        @SuppressWarnings("unchecked")
        List<Object> point = (List<Object>) js("""
                const node = document.getElementById('trend');
                const chart = echarts.getInstanceByDom(node);
                const months = chart.getOption().xAxis[0].data;
                const p = chart.convertToPixel({seriesIndex: 2}, [0, chart.getOption().series[2].data[0]]);
                const r = node.getBoundingClientRect();
                return [months[0], Math.round(p[0] - r.width / 2), Math.round(p[1] - r.height / 2)];
                """);
        WebElement trend = driver.findElement(By.id("trend"));
        js("arguments[0].scrollIntoView({block: 'center'});", trend);
        new Actions(driver).moveToElement(trend, ((Number) point.get(1)).intValue(), ((Number) point.get(2)).intValue()).click().perform();
        String month = (String) point.get(0);
        waitFor("the claims of " + month, () -> month.equals(js("return document.getElementById('cell-period').dataset.month;")));
        for (WebElement c : driver.findElements(By.cssSelector("#cell-claims li.claim"))) {
            assertThat(c.getText()).contains(month);
        }
        assertNoConsoleErrors();
        screenshot("matrix");
        open("/matrix?cellHolder=RU&cellTarget=trump");
        claims = driver.findElements(By.cssSelector("#cell-claims li.claim"));

        WebElement first = claims.get(0);
        String sentence = first.findElement(By.cssSelector("blockquote.sentence")).getText();
        first.findElement(By.cssSelector("a.evidence-link")).click();
        waitReady();
        assertThat(driver.getCurrentUrl()).contains("/evidence?claim=");
        WebElement mark = driver.findElement(By.cssSelector("#article-text mark.current"));
        assertThat(mark.getText()).isEqualTo(sentence);
        assertThat(text("#claim-sentence")).isEqualTo(sentence);
        assertThat(text("#claim-title")).startsWith("Russia");
        assertThat(driver.findElements(By.cssSelector("#sources tbody tr"))).isNotEmpty();
        assertNoConsoleErrors();
        screenshot("evidence");
    }

    @Test
    @Order(3)
    void theIncidentPageChartsAndFiltersIncidentsWithDisarmIds() throws IOException {
        open("/incidents");
        assertThat(driver.findElements(By.cssSelector("#timeline canvas"))).isNotEmpty();
        List<WebElement> rows = driver.findElements(By.cssSelector("#incidents tbody tr"));
        assertThat(rows).hasSizeGreaterThan(5);
        // a real date axis, and each technique keeps its colour whatever the filter
        assertThat(js("return echarts.getInstanceByDom(document.getElementById('timeline')).getOption().xAxis[0].type;")).isEqualTo("time");
        String colours = "const o = echarts.getInstanceByDom(document.getElementById('timeline')).getOption();"
                + " return Object.fromEntries(o.series.filter(s => s.type === 'scatter').map(s => [s.name, s.itemStyle.color]));";
        @SuppressWarnings("unchecked")
        Map<String, String> before = (Map<String, String>) js(colours);
        assertThat(new java.util.HashSet<>(before.values())).hasSameSizeAs(before.values());
        assertThat(text("#incidents")).containsPattern("T[0-9]{4}");
        assertNoConsoleErrors();
        screenshot("incidents");
        new Select(driver.findElement(By.name("actor"))).selectByValue("RU");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitFor("only Russian incidents", () -> driver.getCurrentUrl().contains("actor=RU")
                && Boolean.TRUE.equals(js("const cells = [...document.querySelectorAll('#incidents tbody tr td:nth-child(3)')];"
                + " return cells.length > 0 && cells.every(td => td.textContent === 'Russia');")));
        assertThat(((Number) js("return document.querySelectorAll('#incidents tbody tr').length;")).intValue())
                .isLessThan(rows.size());
        waitFor("the timeline redrawn", () -> "ready".equals(js("return document.getElementById('timeline').dataset.state;")));
        @SuppressWarnings("unchecked")
        Map<String, String> after = (Map<String, String>) js(colours);
        after.forEach((technique, colour) -> assertThat(colour).as(technique).isEqualTo(before.get(technique)));
        assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void searchShowsHitsWithTheMatchesMarked() throws IOException {
        open("/search?q=Kremlin");
        assertThat(driver.findElements(By.cssSelector("#results li.hit"))).isNotEmpty();
        List<WebElement> marks = driver.findElements(By.cssSelector("#results mark"));
        // stemming marks every form of the word: Kremlin, Kremlin's
        assertThat(marks).isNotEmpty().allSatisfy(m -> assertThat(m.getText().toLowerCase(java.util.Locale.ROOT)).startsWith("kremlin"));
        assertThat(text("#search-summary")).contains("match");
        assertNoConsoleErrors();
        screenshot("search");
    }

    @Test
    @Order(5)
    void theNetworkPagesShowTheListAGraphMembersAndAnAccount() throws IOException {
        open("/networks");
        assertThat(driver.findElements(By.cssSelector("#networks tbody tr"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(text("#run")).contains("coord-");
        assertNoConsoleErrors();
        screenshot("networks");

        driver.findElement(By.cssSelector("#networks tbody tr a")).click();
        waitReady();
        assertThat(text("#title")).startsWith("Network ");
        waitFor("the graph to draw", () -> js("return document.getElementById('graph').dataset.nodes;") != null);
        assertThat(Integer.parseInt((String) js("return document.getElementById('graph').dataset.nodes;"))).isPositive();
        assertThat(driver.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#activity canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#members tbody tr"))).isNotEmpty();
        assertThat(text("#objects")).contains("Hashtags");
        assertNoConsoleErrors();
        screenshot("network");

        WebElement member = driver.findElement(By.cssSelector("#members tbody tr a"));
        String account = member.getText();
        member.click();
        waitReady();
        assertThat(text("#title")).isEqualTo("Account " + account);
        assertThat(driver.findElements(By.cssSelector("#links tbody tr"))).isNotEmpty();
        assertNoConsoleErrors();
        screenshot("account");
    }

    @Test
    @Order(6)
    void aHostileArticleClaimAndIncidentRenderAsTextAndRunNothing() throws IOException {
        JsonNode claims = TestServer.get("/api/claims?holder=BY").json();
        String claimId = claims.get("items").get(0).get("id").asText();
        open("/evidence?claim=" + claimId);
        assertThat(text("#article-title")).isEqualTo(DemoStore.HOSTILE_TITLE);
        assertThat(text("#claim-sentence")).isEqualTo(DemoStore.HOSTILE_SENTENCE);
        assertThat(text("#article-text mark.current")).isEqualTo(DemoStore.HOSTILE_SENTENCE);
        assertThat(text("#article-text")).contains(DemoStore.SVG);
        assertThat(text("#sources")).contains("javascript:window.__pwned").contains("Source " + DemoStore.SCRIPT);
        assertThat(driver.findElements(By.cssSelector("#sources .unsafe-url"))).isNotEmpty();
        assertThat(text("#claim-flags")).contains("named as: Minsk " + DemoStore.SVG);
        screenshot("evidence-hostile");

        open("/matrix");
        driver.findElement(By.cssSelector("#matrix-table button[data-holder=BY]")).click();
        waitFor("the hostile claim", () -> text("#cell-claims").contains(DemoStore.HOSTILE_SENTENCE));
        assertNothingRan();

        open("/search?q=Belarus");
        assertThat(text("#results")).contains("<script>");
        open("/incidents?actor=BY");
        assertThat(text("#incidents")).contains(DemoStore.HOSTILE_INCIDENT);
        js("const c = echarts.getInstanceByDom(document.getElementById('timeline'));"
                + " c.dispatchAction({type: 'showTip', seriesIndex: c.getOption().series.findIndex(s => s.type === 'scatter'), dataIndex: 0});");
        waitFor("the hostile tooltip", () -> ((Number) js("return document.querySelectorAll('#timeline div').length;")).intValue() > 1);
        assertNoConsoleErrors();
        driver.findElement(By.cssSelector("#incidents button.event-open")).click();
        waitFor("the hostile event", () -> text("#event-reports").contains(DemoStore.HOSTILE_INCIDENT));
        driver.findElement(By.cssSelector("#event-reports button.cite")).click();
        waitFor("the citation", () -> js("return document.querySelector('#event-reports button.cite').dataset.citation;") != null);
        assertThat((String) js("return document.querySelector('#event-reports button.cite').dataset.citation;"))
                .startsWith("\"" + DemoStore.HOSTILE_INCIDENT + "\"");
        assertNothingRan();
        open("/");
        assertThat(text("#states")).contains("Belarus");
    }

    @Test
    @Order(8)
    void hostileAccountsAndPostsRenderAsTextAndRunNothing() throws IOException {
        open("/networks?run=" + DemoStore.HOSTILE_RUN);
        assertThat(text("#networks")).contains("pushes trump" + DemoStore.SVG);
        open("/network?id=1&run=" + DemoStore.HOSTILE_RUN);
        assertThat(text("#members")).contains(DemoStore.HOSTILE_ACCOUNT);
        assertThat(text("#objects")).contains(DemoStore.HOSTILE_POST).contains("#" + DemoStore.SCRIPT);
        assertThat(text("#leans")).contains(DemoStore.SVG);
        // a chart tooltip is the one place text goes through HTML: show one over a hostile object
        js("echarts.getInstanceByDom(document.getElementById('activity')).dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});");
        waitFor("the tooltip", () -> ((Number) js("return document.querySelectorAll('#activity div').length;")).intValue() > 1);
        assertNothingRan();
        assertThat(((Number) js("return document.querySelectorAll('#activity img, #activity script, #activity svg').length;")).intValue()).isZero();
        screenshot("network-hostile");

        driver.findElement(By.linkText(DemoStore.HOSTILE_ACCOUNT)).click();
        waitReady();
        assertThat(text("#title")).isEqualTo("Account " + DemoStore.HOSTILE_ACCOUNT);
        assertThat(text("#links")).contains("calm-account");
        assertNothingRan();
    }

    @Test
    @Order(20)
    void theAlertsPageListsTheLatestAlertsWithEvidenceAndRendersHostileTextAsText() throws IOException {
        driver.manage().logs().get(LogType.BROWSER); // drain what earlier pages logged: this page is checked alone
        open("/alerts");
        List<WebElement> items = driver.findElements(By.cssSelector("ol.alerts > li.alert"));
        assertThat(items).hasSize(2);
        // newest first
        assertThat(items.get(0).findElement(By.cssSelector(".alert-summary")).getText()).isEqualTo(DemoAlerts.HOSTILE_SUMMARY);
        assertThat(items.get(1).findElement(By.cssSelector(".alert-summary")).getText()).isEqualTo(DemoAlerts.CALM_SUMMARY);
        assertThat(items.get(1).findElement(By.cssSelector(".alert-evidence q")).getText())
                .isEqualTo("Officials said Moscow wants Trump to win.");
        assertThat(items.get(1).findElement(By.cssSelector(".alert-evidence a")).getAttribute("href"))
                .isEqualTo("https://news.example/ru-trump");
        assertThat(items.get(0).findElements(By.cssSelector(".alert-evidence a"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Alerts");
        assertNothingRan();
        assertNoConsoleErrors();
        screenshot("alerts");
    }

    @Test
    @Order(7)
    void theCycleSelectorChangesTheMatrixToTheClaimsAboutThatElection() throws IOException {
        open("/matrix");
        String all = text("#matrix-table");
        new Select(driver.findElement(By.name("cycle"))).selectByValue("2016");
        waitFor("the 2016 matrix", () -> driver.getCurrentUrl().contains("cycle=2016")
                && "ready".equals(js("return document.getElementById('heatmap').dataset.state;")));
        String of2016 = text("#matrix-table");
        System.out.println("the 2016 matrix of the demo:\n" + of2016);
        assertThat(of2016).isNotEqualTo(all);
        // the download holds what the page shows: the 2016 cells, full names and codes
        driver.findElement(By.cssSelector("#matrix-downloads button.csv")).click();
        // (line ends are CRLF in the file; compared as plain newlines, however the driver hands them over)
        String csv = ((String) js("return document.getElementById('matrix-downloads').dataset.csv;")).replace("\r\n", "\n");
        assertThat(csv).startsWith("state,state_code,candidate,candidate_code,favours,opposes,no_preference,balance,")
                .contains("\nRussia,RU,Hillary Clinton,clinton,0,1,0,-1,");
        assertThat(csv.strip().split("\n")).hasSize(1 + ((Number) js("return echarts.getInstanceByDom(document.getElementById('heatmap'))"
                + ".getOption().series[0].data.length;")).intValue());
        driver.findElement(By.cssSelector("#matrix-table button[data-holder]")).click();
        waitFor("the 2016 claims", () -> !driver.findElements(By.cssSelector("#cell-claims li.claim")).isEmpty());
        for (WebElement c : driver.findElements(By.cssSelector("#cell-claims li.claim"))) {
            assertThat(c.findElement(By.cssSelector(".flag.cycle")).getText()).isEqualTo("2016 election");
        }
        new Select(driver.findElement(By.name("cycle"))).selectByValue("2024");
        waitFor("the 2024 matrix", () -> driver.getCurrentUrl().contains("cycle=2024") && !text("#matrix-table").equals(of2016));
        assertNoConsoleErrors();
        screenshot("matrix-2016");
    }

    @Test
    @Order(9)
    void anEventReportedByThreeOutletsShowsAllThreeAndItsStatusHistory() throws IOException {
        open("/incidents?actor=VE");
        assertThat(driver.findElements(By.cssSelector("#incidents tbody tr"))).hasSize(1);
        assertThat(js("return document.getElementById('timeline').dataset.events;")).isEqualTo("1");
        // click the event's dot on the chart
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) js("""
                const node = document.getElementById('timeline');
                const chart = echarts.getInstanceByDom(node);
                const series = chart.getOption().series.findIndex(s => s.type === 'scatter' && s.data.length > 0);
                const p = chart.convertToPixel({seriesIndex: series}, chart.getOption().series[series].data[0].value);
                const r = node.getBoundingClientRect();
                return [Math.round(p[0] - r.width / 2), Math.round(p[1] - r.height / 2)];
                """);
        WebElement timeline = driver.findElement(By.id("timeline"));
        js("arguments[0].scrollIntoView({block: 'center'});", timeline);
        new Actions(driver).moveToElement(timeline, at.get(0).intValue(), at.get(1).intValue()).click().perform();
        waitFor("the event", () -> driver.findElement(By.id("event")).isDisplayed());
        assertThat(driver.findElements(By.cssSelector("#event-reports li.report"))).hasSize(3);
        String reports = text("#event-reports");
        DemoStore.EVENT_SENTENCES.forEach(sentence -> assertThat(reports).contains(sentence));
        String sources = text("#event-sources");
        DemoStore.EVENT_OUTLETS.forEach(outlet -> assertThat(sources).contains(outlet));
        assertThat(driver.findElements(By.cssSelector("#event-sources tbody tr"))).hasSize(3);
        assertThat(text("#event-statuses")).contains("alleged since 2024-10-02").contains("attributed since 2024-10-05")
                .contains("charged since 2024-10-20");
        assertThat(text("#event-summary")).contains("2024-10-02 to 2024-10-20").contains("3 reports, 3 sources");
        assertNoConsoleErrors();
        screenshot("incident-event");
    }

    @Test
    @Order(10)
    void theNetworkGraphHasALegendHoverDetailsAndSaysWhenItThinsDenseLinks() throws IOException {
        open("/network?id=1");
        waitFor("the graph to draw", () -> js("return document.getElementById('graph').dataset.nodes;") != null);
        String legend = text("#graph-legend");
        assertThat(legend).contains("account: size = posts").contains("thicker = more co-actions");
        assertThat(driver.findElements(By.cssSelector("#graph-legend [data-kind]"))).isNotEmpty();
        int edges = Integer.parseInt((String) js("return document.getElementById('graph').dataset.edges;"));
        if ("true".equals(js("return document.getElementById('graph-note').dataset.dense;"))) {
            assertThat(text("#graph-note")).contains("strongest links").contains("of " );
        }
        assertThat(edges).isPositive();
        // hover: Cytoscape turns pointer moves into mouseover events on its elements; emit those
        String account = (String) js("const n = window.vigilGraph.nodes()[0]; n.emit('mouseover'); return n.data('account');");
        waitFor("the account's hover card", () -> driver.findElement(By.id("graph-tip")).isDisplayed());
        assertThat(text("#graph-tip")).contains(account).contains("score").contains("posts").contains("partners");
        assertThat(((Number) js("return window.vigilGraph.elements('.faded').length;")).intValue()).isPositive();
        js("window.vigilGraph.nodes()[0].emit('mouseout');");
        waitFor("the card to go", () -> !driver.findElement(By.id("graph-tip")).isDisplayed());
        js("window.vigilGraph.edges()[0].emit('mouseover');");
        waitFor("the link's hover card", () -> driver.findElement(By.id("graph-tip")).isDisplayed());
        assertThat(text("#graph-tip")).contains("weight").contains(" — ");
        driver.findElement(By.id("graph-fit")).click();
        driver.findElement(By.id("graph-reset")).click();
        assertNoConsoleErrors();
        screenshot("network");
    }

    @Test
    @Order(11)
    void everyPageFitsA400PixelWindowWithoutSidewaysScrolling() throws IOException {
        String claim = TestServer.get("/api/claims?holder=RU&target=trump&limit=1").json().get("items").get(0).get("id").asText();
        String account = TestServer.get("/api/networks/1/members?limit=1").json().get("items").get(0).get("accountId").asText();
        List<String> pages = List.of("/", "/matrix", "/matrix?cellHolder=RU&cellTarget=trump", "/evidence?claim=" + claim,
                "/incidents", "/incidents?actor=VE&event=" + TestServer.get("/api/incidents/events?actor=VE").json()
                        .get("items").get(0).get("id").asText(),
                "/search?q=Kremlin", "/networks", "/network?id=1", "/account?id=" + TestServer.enc(account), "/no-such-page");
        driver.manage().window().setSize(new Dimension(400, 900));
        try {
            for (String page : pages) {
                try {
                    open(page);
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError("page " + page + " never became ready at 400 px: " + text("#error"), e);
                }
                long width = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
                long window = ((Number) js("return document.documentElement.clientWidth;")).longValue();
                assertThat(width).as("page width at 400 px of %s", page).isEqualTo(window);
                assertThat(window).isLessThanOrEqualTo(400);
            }
            open("/matrix?cellHolder=RU&cellTarget=trump");
            Files.write(screenshotDir().resolve("matrix-400px.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
        open("/no-such-page");
        assertThat(driver.getTitle()).isEqualTo("Not found · Vigil");
        assertThat(text("main")).contains("No such page");
    }

    @Test
    @Order(13)
    void aBadFilterValueShowsTheApisMessageInsteadOfAnEmptyChart() {
        driver.get(base + "/incidents?disarm=nonsense");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "error".equals(js("return document.body.dataset.ready;")));
        assertThat(text("#error")).isEqualTo("Could not load: parameter 'disarm' has an invalid value 'nonsense': "
                + "DISARM technique id such as T0086 or T0086.002.");
        assertThat(text("#timeline-status")).startsWith("Could not load: parameter 'disarm'");
        assertNothingRan();
        // the page stays usable: fixing the field and applying it loads the events
        WebElement disarm = driver.findElement(By.name("disarm"));
        disarm.clear();
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitFor("the events", () -> "ready".equals(js("return document.getElementById('timeline').dataset.state;"))
                && "true".equals(js("return document.body.dataset.ready;")));
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#incidents tbody tr"))).isNotEmpty();
    }

    @Test
    @Order(12)
    void theDemoThenServePathShowsData(@org.junit.jupiter.api.io.TempDir Path work) throws IOException {
        Path demo = DemoStore.get();
        String said = DemoStore.demoOutput().strip();
        String last = said.substring(said.lastIndexOf('\n') + 1).strip();
        assertThat(last).isEqualTo("./vigil serve --db " + demo + "   (then open http://127.0.0.1:7070/)");
        // the newcomer's folder after 'vigil demo': the demo's store where serve looks for it, nothing else
        Path data = Files.createDirectories(work.resolve("vigil-data"));
        Files.copy(demo, data.resolve("demo.duckdb"));
        Path index = demo.resolveSibling("demo.lucene");
        try (var files = Files.walk(index)) {
            for (Path f : files.toList()) {
                Path to = data.resolve("demo.lucene").resolve(index.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        ServeCommand serve = new ServeCommand();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        serve.out = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        serve.workDir = work;
        Path chosen = serve.chooseStore();
        assertThat(chosen).isEqualTo(data.resolve("demo.duckdb"));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).strip()).isEqualTo("No store at "
                + work.resolve("vigil-data/vigil.duckdb") + ": serving the demo store " + chosen
                + " (made by 'vigil demo'); pass --db FILE for another.");
        String before = base;
        try (org.vigil.store.VigilStore store = org.vigil.store.VigilStore.openReadOnly(chosen);
             DashboardServer server = DashboardServer.start(store, ServerSettings.local(0))) {
            base = server.url().replaceAll("/$", "");
            open("/");
            assertThat(text("#states")).contains("Russia");
            open("/matrix");
            assertThat(Integer.parseInt((String) js("return document.getElementById('heatmap').dataset.cells;"))).isGreaterThan(3);
            open("/search?q=hacking");
            assertThat(driver.findElements(By.cssSelector("#results li.hit"))).isNotEmpty();
        } finally {
            base = before;
        }
    }

    private static Path screenshotDir() throws IOException {
        String chosen = System.getProperty("vigil.screenshots");
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return Files.createDirectories(chosen == null || chosen.isBlank()
                ? root.resolve("target/screenshots") : root.resolve("..").resolve(chosen).normalize());
    }
}
