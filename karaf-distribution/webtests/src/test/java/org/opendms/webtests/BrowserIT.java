package org.opendms.webtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The staff web app in a real browser. One distribution is unpacked and started for all scripts; each script of
 * {@code browser/tests/} (node:test, playwright-core driving Debian's headless Chromium) is one test here, run with
 * Node so that its exit code decides and its output lands in the failsafe report. Screenshots go to
 * target/screenshots, each script's node:test report (JUnit XML) and output to target/browser-reports.
 */
class BrowserIT {

    private static final Path SCRIPTS = Path.of(System.getProperty("webtests.scripts", "browser"));
    private static final Path REPORTS = Path.of("target/browser-reports").toAbsolutePath();
    private static final Pattern COUNT = Pattern.compile("^\\S* ?(tests|pass|fail) (\\d+)$", Pattern.MULTILINE);
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();

    private static ShopInstallation shop;

    @BeforeAll
    static void startTheShop() throws Exception {
        Path archive = Path.of(System.getProperty("opendms.distribution"));
        shop = ShopInstallation.unpack(archive, Path.of("target/shop").toAbsolutePath(),
                Integer.getInteger("dms.it.portOffset", 0));
        long started = System.nanoTime();
        shop.start();
        System.out.printf("[figures] browser-test distribution: start to admin login %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        Files.createDirectories(REPORTS);
    }

    @AfterAll
    static void stopTheShop() throws Exception {
        System.out.printf("[browser] %d browser tests passed, %d failed%n", PASSED.get(), FAILED.get());
        if (shop != null) {
            shop.stop();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBrowserScript() throws IOException {
        List<Path> scripts;
        // -Dwebtests.only=parts: only the scripts whose name contains it, while working on one area's pages
        String only = System.getProperty("webtests.only", "").trim();
        try (Stream<Path> files = Files.list(SCRIPTS.resolve("tests"))) {
            scripts = files.filter(f -> f.getFileName().toString().endsWith(".test.mjs"))
                    .filter(f -> only.isEmpty() || f.getFileName().toString().contains(only)).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no browser test scripts in " + SCRIPTS.resolve("tests"));
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> run(s)));
    }

    /** Runs one script with node --test; fails with the end of its output unless every test in it passed. */
    private static void run(Path script) throws Exception {
        String name = script.getFileName().toString().replace(".test.mjs", "");
        Path log = REPORTS.resolve(name + ".log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec",
                "--test-reporter-destination=stdout", "--test-reporter=junit",
                "--test-reporter-destination=" + REPORTS.resolve("TEST-" + name + ".xml"), script.toString())
                        .directory(SCRIPTS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("DMS_URL", shop.url());
        node.environment().put("DMS_SCREENSHOTS", Path.of("target/screenshots").toAbsolutePath().toString());
        node.environment().put("DMS_LOCALES", System.getProperty("webtests.locales", ""));
        node.environment().put("DMS_CHROMIUM", System.getProperty("webtests.chromium", "/usr/bin/chromium"));
        Process p = node.start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        Matcher m = COUNT.matcher(output);
        while (m.find()) {
            if (m.group(1).equals("pass")) {
                PASSED.addAndGet(Integer.parseInt(m.group(2)));
            } else if (m.group(1).equals("fail")) {
                FAILED.addAndGet(Integer.parseInt(m.group(2)));
            }
        }
        if (!finished) {
            fail(name + " did not finish in 300 s:\n" + tail(output));
        }
        if (p.exitValue() != 0) {
            fail(name + " exited " + p.exitValue() + ":\n" + tail(output));
        }
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 80), lines.length));
    }
}
