package org.opendms.webtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution unpacked into a folder of its own, as a dealer installs it, its ports moved out of the way
 * of the other test distributions on the machine, started with its own bin/start and stopped with bin/stop.
 */
final class ShopInstallation {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    final Path home;
    final int httpPort;

    private ShopInstallation(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Empties {@code home}, unpacks the archive there and moves HTTP to 37181, SSH and RMI likewise, plus offset. */
    static ShopInstallation unpack(Path archive, Path home, int offset) throws Exception {
        run(home.getParent(), "rm", "-rf", home.toString());
        Files.createDirectories(home);
        run(home, "tar", "xzf", archive.toString(), "--strip-components=1");
        ShopInstallation shop = new ShopInstallation(home, 37181 + offset);
        shop.replace("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + shop.httpPort);
        shop.replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = " + (37101 + offset));
        shop.replace("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = 1099",
                "rmiRegistryPort = " + (37099 + offset));
        shop.replace("etc/org.apache.karaf.management.cfg", "rmiServerPort = 44444",
                "rmiServerPort = " + (37444 + offset));
        return shop;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** How long the shop may take to start: a machine shared by several builds may need longer. */
    private static final int START_SECONDS = Integer.getInteger("webtests.startSeconds", 180);

    /**
     * bin/start, then waits until /api/health says UP and the admin account logs in. Logins are tried slowly: health
     * can be UP before the staff accounts are imported, and every failed login counts towards the lockout.
     */
    void start() throws Exception {
        run(home, "bin/start");
        long deadline = System.currentTimeMillis() + START_SECONDS * 1000L;
        String last = "no answer";
        while (!answers("/api/health", null, "\"UP\"")) {
            last = "health not UP";
            await(deadline, 200, last);
        }
        while (!answers("/api/staff", "admin:demo", null)) {
            last = "admin cannot log in";
            await(deadline, 2000, last);
        }
    }

    private void await(long deadline, long millis, String what) throws InterruptedException {
        if (System.currentTimeMillis() > deadline) {
            throw new AssertionError(
                    what + " within " + START_SECONDS + " s; see " + home.resolve("data/log/karaf.log"));
        }
        Thread.sleep(millis);
    }

    private boolean answers(String path, String user, String bodyContains) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            b.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && (bodyContains == null || r.body().contains(bodyContains));
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** bin/stop, then waits up to a minute for the process to go; kills it if it does not. */
    void stop() throws Exception {
        run(home, "bin/stop");
        String marker = "-Dkaraf.home=" + home;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            var karaf = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).findFirst();
            if (karaf.isEmpty()) {
                return;
            }
            if (System.currentTimeMillis() > deadline - 5_000) {
                karaf.get().destroyForcibly();
            }
            Thread.sleep(250);
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = home.resolve(file);
        String s = Files.readString(p);
        if (!s.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(p, s.replace(from, to));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
    }
}
