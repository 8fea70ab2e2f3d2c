package org.opendms.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution unpacked into a folder of its own, as a dealer installs it, with its HTTP, SSH and JMX ports
 * moved so that it runs beside the Pax Exam container. Tests start it with its own bin/start and stop it with bin/stop.
 */
final class UnpackedDistribution {

    final Path home;
    private final int sshPort;

    private UnpackedDistribution(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /** Empties {@code home} and unpacks the distribution (system property opendms.distribution) into it. */
    static UnpackedDistribution unpack(Path home, int httpPort, int sshPort, int rmiRegistryPort, int rmiServerPort)
            throws Exception {
        Files.createDirectories(home.getParent());
        run(home.getParent(), "rm", "-rf", home.toString());
        Files.createDirectories(home);
        run(home, "tar", "xzf", System.getProperty("opendms.distribution"), "--strip-components=1");
        UnpackedDistribution d = new UnpackedDistribution(home, sshPort);
        d.replace("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + httpPort);
        d.replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = " + sshPort);
        d.replace("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = 1099",
                "rmiRegistryPort = " + rmiRegistryPort);
        d.replace("etc/org.apache.karaf.management.cfg", "rmiServerPort = 44444", "rmiServerPort = " + rmiServerPort);
        return d;
    }

    /** Replaces text in a file of the distribution; fails when the text is not there (the file changed under us). */
    void replace(String file, String from, String to) throws IOException {
        Path p = home.resolve(file);
        String s = Files.readString(p);
        if (!s.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(p, s.replace(from, to));
    }

    /** The Karaf process of this copy, if it runs. */
    Optional<ProcessHandle> process() {
        String marker = "-Dkaraf.home=" + home;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).findFirst();
    }

    /** bin/stop, then waits until the process is gone; true if it went within the time. */
    boolean stop(int seconds) throws Exception {
        run(home, "bin/stop");
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (process().isEmpty()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** After a test: stops it if it still runs, by force if it must. */
    void shutDown() throws Exception {
        if (process().isPresent()) {
            stop(60);
            process().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Resident memory of the running process in KB; -1 when it does not run or this is not Linux. */
    long rssKb() {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + p.get().pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not on Linux: no figure
        }
        return -1;
    }

    /**
     * Whether the running JVM reads its classes from the class archive bin/dms-java keeps in data/cds (on Linux: the
     * archive is among its mapped files).
     */
    boolean mapsClassArchive() throws IOException {
        Optional<ProcessHandle> p = process();
        return p.isPresent() && Files.readString(Path.of("/proc/" + p.get().pid() + "/maps"))
                .contains(home.resolve("data/cds").toString() + "/opendms-");
    }

    /**
     * A console command through the distribution's own bin/client, as admin; returns what it printed (also kept beside
     * the distribution's folder, in {@code <folder>-console.log}).
     */
    String console(String command) throws Exception {
        Path out = home.resolveSibling(home.getFileName() + "-console.log");
        Process p = new ProcessBuilder("bin/client", "-h", "127.0.0.1", "-a", Integer.toString(sshPort), "-u", "admin",
                "-p", "demo", "-r", "10", command).directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/client " + command + " did not finish in 120 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
    }
}
