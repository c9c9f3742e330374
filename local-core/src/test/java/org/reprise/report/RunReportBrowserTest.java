package org.reprise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the demo report in headless Chromium and checks that it renders: the page's own script
 * ran to its end without an error, every SVG has drawn shapes, names were escaped by the parser's
 * judgement (not only by ours), and a screenshot shows the class colours.
 *
 * <p>Errors are read two ways, because each covers what the other misses: the page's first
 * script records any later uncaught error on the root element and its last statement sets
 * {@code data-report-status="ok"} (read back with {@code --dump-dom}; a script that fails to
 * parse never sets it), and Chromium's log on stderr is searched for console messages (the page
 * logs none of its own, so any, e.g. a Content-Security-Policy refusal, is a failure). The log's
 * wording varies between Chromium versions (this one logs console errors at INFO), so the search
 * is for the ":CONSOLE" tag, and a deliberately broken page checks that both ways see an error.
 *
 * <p>The browser is {@code chromium} (or {@code chromium-browser}, {@code google-chrome}) on the
 * PATH, or the executable named by the environment variable {@code REPRISE_CHROMIUM}. Without
 * one the test is skipped, unless the environment variable {@code CI} is set: then it fails.
 * The report and its screenshot are left in {@code target/report-demo/}.
 */
class RunReportBrowserTest {
    private static final Path OUT = Path.of("target", "report-demo");
    private Path browser;

    @TempDir
    Path tmp;

    @BeforeEach
    void findBrowser() {
        String given = System.getenv("REPRISE_CHROMIUM");
        browser = given != null ? (Files.isExecutable(Path.of(given)) ? Path.of(given) : null)
                : findOnPath("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
        if (browser == null) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                fail("Chromium is not installed (CI is set, so this test must run): apt-get install chromium");
            }
            Assumptions.assumeTrue(false, "Chromium not found on PATH; to run this test: apt-get install chromium");
        }
    }

    @Test
    void demoReportRendersWithoutErrorsAndDrawsItsCharts() throws Exception {
        ReportData data = ReportFixture.realistic(42);
        for (FamilySummary f : data.families()) {
            assertTrue(f.divergenceCount() > 0, "fixture: every family has divergences");
        }
        assertTrue(data.families().size() > RunReport.SPARKLINES, "fixture: more families than sparklines");
        Files.createDirectories(OUT);
        Path html = OUT.resolve("demo.report.html").toAbsolutePath();
        RunReport.write(data, html);

        Browsed page = dumpDom(html);
        assertEquals("ok", page.attribute("data-report-status"), "the page's script did not run to its end");
        assertEquals(null, page.attribute("data-report-errors"), "script errors recorded by the page");
        assertEquals(List.of(), page.consoleLines, "console messages in Chromium's log");
        assertTrue(page.dom.contains("id=\"family-filter\""), "the script adds the table's filter box");

        // one SVG per chart: classes, scatter, landscape, longest contigs, contig histogram,
        // before/after, polishing steps, phases; then the small multiples and the sparklines
        List<String> svgs = svgBodies(page.dom);
        int expected = 8 + RunReport.SMALL_MULTIPLES + RunReport.SPARKLINES;
        assertEquals(expected, svgs.size(), "SVG elements");
        Pattern drawn = Pattern.compile("<(rect|circle)\\b[^>]*\\b(width|r)=\"(?!0\")[0-9.]+\"|<path\\b[^>]*\\bd=\"M");
        for (int i = 0; i < svgs.size(); i++) {
            assertTrue(drawn.matcher(svgs.get(i)).find(), "SVG " + i + " has no drawn shape");
        }

        // names reach the page as text: the parser made no element of them
        assertFalse(page.dom.contains("<img"), "a family name became an element");
        assertTrue(page.dom.contains("rnd9_family-&lt;img src=x onerror=alert(1)&gt;"), "escaped family name");
        assertFalse(page.dom.contains("chrUn_<b>"), "a contig name became an element");
        assertTrue(page.dom.contains(ReportFixture.NASTY_CONTIG.replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;")), "escaped contig name (it is among the longest contigs)");
        assertTrue(page.dom.contains("genome&lt;v2&gt;.fa.gz"), "escaped input name");

        Path png = OUT.resolve("demo.report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        screenshot(html, png, 1400, 3000);
        assertTrue(Files.size(png) > 50_000, "screenshot of " + Files.size(png) + " bytes");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        assertEquals(3000, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        long background = 0;
        int bg = img.getRGB(2, 2) & 0xffffff;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb == bg || rgb == 0xffffff) {
                    background++;
                }
            }
        }
        assertTrue(colours.size() > 200, colours.size() + " distinct colours");
        long pixels = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(background < pixels * 0.95, "mostly background: " + background + " of " + pixels);
        for (RepeatClass c : new RepeatClass[] {RepeatClass.LTR, RepeatClass.DNA, RepeatClass.LINE, RepeatClass.UNKNOWN}) {
            assertTrue(hasColour(img, Integer.parseInt(Palette.colour(c).substring(1), 16), 100),
                    "no " + c.label() + " colour on the screenshot");
        }
    }

    /**
     * The report of a real run (the CLI on the bundled yeast example, its families' divergence from
     * their own copies): it renders without errors and every chart has drawn shapes. Left in
     * {@code target/report-demo/yeast.report.html} with its screenshot.
     */
    @Test
    void theReportOfARunRendersWithoutErrorsAndDrawsItsCharts() throws Exception {
        String[] args = {"-input", org.reprise.discover.ReferenceFiles.bundledYeastPath().toString(),
            "-output", tmp.resolve("yeast").toString(), "-q", "--threads", "2"};
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = org.reprise.cli.RepriseCli.execute(args, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        Files.createDirectories(OUT);
        Path html = OUT.resolve("yeast.report.html").toAbsolutePath();
        Files.copy(tmp.resolve("yeast" + ReportAssembly.REPORT), html, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Browsed page = dumpDom(html);
        assertEquals("ok", page.attribute("data-report-status"), "the page's script did not run to its end");
        assertEquals(null, page.attribute("data-report-errors"), "script errors recorded by the page");
        assertEquals(List.of(), page.consoleLines, "console messages in Chromium's log");
        List<String> svgs = svgBodies(page.dom);
        assertTrue(svgs.size() >= 8, svgs.size() + " SVG elements");
        Pattern drawn = Pattern.compile("<(rect|circle)\\b[^>]*\\b(width|r)=\"(?!0\")[0-9.]+\"|<path\\b[^>]*\\bd=\"M");
        for (int i = 0; i < svgs.size(); i++) {
            assertTrue(drawn.matcher(svgs.get(i)).find(), "SVG " + i + " has no drawn shape");
        }
        Path png = OUT.resolve("yeast.report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        screenshot(html, png, 1400, 2400);
        assertTrue(Files.size(png) > 30_000, "screenshot of " + Files.size(png) + " bytes");
    }

    /**
     * The table's script: a probe appended to the page clicks the "copies" title twice and types
     * into the filter, and writes what it saw on the root element.
     */
    @Test
    void theFamilyTableSortsAndFilters() throws Exception {
        ReportData data = ReportFixture.realistic(42);
        java.io.StringWriter w = new java.io.StringWriter();
        RunReport.write(data, w);
        String probe = "<script>(function(){var r=document.documentElement;"
                + "var th=document.querySelectorAll('#family-table thead th')[4];"
                + "var first=function(){return document.querySelector('#family-table tbody tr').cells[4].textContent;};"
                + "th.click();r.setAttribute('data-desc',first()+'/'+th.getAttribute('aria-sort'));"
                + "th.click();r.setAttribute('data-asc',first()+'/'+th.getAttribute('aria-sort'));"
                + "var box=document.getElementById('family-filter');box.value='SINE/Unknown';"
                + "box.dispatchEvent(new Event('input'));"
                + "var shown=0;Array.prototype.forEach.call(document.querySelectorAll('#family-table tbody tr'),"
                + "function(tr){if(tr.style.display!=='none')shown++;});r.setAttribute('data-shown',String(shown));"
                + "})();</script>";
        String page = w.toString().replace("</body>", probe + "</body>");
        Path html = tmp.resolve("probe.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        Browsed b = dumpDom(html);
        assertEquals(List.of(), b.consoleLines);
        long most = 0;
        long least = Long.MAX_VALUE;
        long sines = 0;
        for (FamilySummary f : data.families()) {
            most = Math.max(most, f.copies());
            least = Math.min(least, f.copies());
            if (f.repeatClass() == RepeatClass.SINE) {
                sines++;
            }
        }
        assertEquals(Format.count(most) + "/descending", b.attribute("data-desc"));
        assertEquals(Format.count(least) + "/ascending", b.attribute("data-asc"));
        assertEquals(Long.toString(sines), b.attribute("data-shown"));
    }

    /** The checks above must be able to fail: a page with a script error is seen both ways. */
    @Test
    void aBrokenPageIsSeenAsBroken() throws Exception {
        Path html = tmp.resolve("broken.html");
        Files.writeString(html, "<!DOCTYPE html><html data-report-status=\"pending\"><head><script>"
                + "window.addEventListener('error',function(e){document.documentElement.setAttribute("
                + "'data-report-errors',e.message);});</script></head><body><script>noSuchFunction();"
                + "document.documentElement.setAttribute('data-report-status','ok');</script></body></html>",
                StandardCharsets.UTF_8);
        Browsed page = dumpDom(html);
        assertEquals("pending", page.attribute("data-report-status"));
        assertNotEquals(null, page.attribute("data-report-errors"));
        assertFalse(page.consoleLines.isEmpty(), "Chromium logged no console line for an uncaught error");
    }

    private record Browsed(String dom, List<String> consoleLines) {
        String attribute(String name) {
            Matcher m = Pattern.compile("<html\\b[^>]*\\b" + name + "=\"([^\"]*)\"").matcher(dom);
            return m.find() ? m.group(1) : null;
        }
    }

    private Browsed dumpDom(Path html) throws Exception {
        Path stdout = tmp.resolve("dom-" + System.nanoTime() + ".html");
        Path stderr = tmp.resolve("log-" + System.nanoTime() + ".txt");
        List<String> cmd = command("--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString());
        run(cmd, stdout, stderr);
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                console.add(line);
            }
        }
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        assertTrue(dom.contains("</html>"), "no DOM dumped; Chromium's log: " + Files.readString(stderr));
        return new Browsed(dom, console);
    }

    private void screenshot(Path html, Path png, int width, int height) throws Exception {
        List<String> cmd = command("--hide-scrollbars", "--screenshot=" + png, "--window-size=" + width + "," + height,
                html.toUri().toString());
        Path log = tmp.resolve("shot-" + System.nanoTime() + ".txt");
        run(cmd, log, log);
        assertTrue(Files.exists(png), "no screenshot; Chromium's log: " + Files.readString(log));
    }

    private List<String> command(String... args) throws IOException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(List<String> cmd, Path stdout, Path stderr) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile());
        if (stdout.equals(stderr)) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(stderr.toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            // the launcher is a shell script: end the browser it started too
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s: " + String.join(" ", cmd));
        }
    }

    private static List<String> svgBodies(String dom) {
        List<String> bodies = new ArrayList<>();
        Matcher m = Pattern.compile("<svg\\b(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        while (m.find()) {
            bodies.add(m.group(1));
        }
        return bodies;
    }

    /** Whether at least {@code min} pixels are within 3 of {@code rgb} in every channel. */
    private static boolean hasColour(BufferedImage img, int rgb, int min) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= 3
                        && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= 3
                        && Math.abs((p & 255) - (rgb & 255)) <= 3 && ++n >= min) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path findOnPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
