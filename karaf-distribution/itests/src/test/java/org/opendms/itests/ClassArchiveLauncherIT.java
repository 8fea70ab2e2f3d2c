package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;

/**
 * bin/dms-java, the launcher bin/setenv gives Karaf's scripts, run with a stand-in for java that records the command
 * it gets: what a start of the platform really runs, without a JVM. DistributionRestartIT covers the real JVM.
 */
public class ClassArchiveLauncherIT {

    private static final Path LAUNCHER = Path.of("../assembly/src/main/resources/bin/dms-java").toAbsolutePath();
    /** A HotSpot in words only: says so on -version, refuses an archive holding "refused", records everything else. */
    private static final String STAND_IN = """
            #!/bin/sh
            for a; do case $a in -XX:SharedArchiveFile=*) archive=${a#*=} ;; -Xshare:on) check=yes ;; esac; done
            for a; do
                if [ "$a" = -version ]; then
                    echo 'OpenJDK 64-Bit Server VM (stand-in)' >&2
                    if [ -n "$check" ] && grep -q refused "$archive"; then exit 1; fi
                    exit 0
                fi
            done
            for a; do echo "$a"; done > "$RECORD"
            """;

    private Path dir;
    private Path data;
    private Path locator;
    private String classpath;
    /** The command Karaf's bin/karaf runs on Java 17, shortened. */
    private List<String> karafStart;

    @Before
    public void standIn() throws Exception {
        dir = Path.of("target/class-archive-launcher").toAbsolutePath();
        UnpackedDistribution.run(Path.of("."), "rm", "-rf", dir.toString());
        Files.createDirectories(dir.resolve("lib/boot"));
        Files.createDirectories(dir.resolve("lib/endorsed"));
        Files.writeString(dir.resolve("java"), STAND_IN);
        Files.setPosixFilePermissions(dir.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        data = dir.resolve("data");
        Path main = Files.writeString(dir.resolve("lib/boot/org.apache.karaf.main.jar"), "a jar");
        locator = Files.writeString(dir.resolve("lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar"), "a jar");
        Path xml = Files.writeString(dir.resolve("lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar"), "a jar");
        classpath = main.toString();
        karafStart = List.of("-Xmx512m", "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED", "--patch-module",
                "java.base=" + locator, "--patch-module", "java.xml=" + xml, "--add-opens",
                "java.base/java.lang=ALL-UNNAMED", "-Dkaraf.data=" + data, "-classpath", classpath,
                "org.apache.karaf.main.Main", "server");
    }

    @Test
    public void theFirstStartRunsWithoutKarafsPatchAndWritesTheArchiveAtItsStop() throws Exception {
        List<String> ran = launch(karafStart, Map.of());
        assertTrue(ran.toString(),
                ran.get(0).matches("-XX:ArchiveClassesAtExit=" + data + "/cds/opendms-[0-9]+\\.jsa\\.new"));
        assertFalse("Karaf's patch turns class sharing off", ran.contains("--patch-module"));
        assertFalse(ran.toString(),
                ran.stream().anyMatch(a -> a.contains("specs.locator=") || a.startsWith("--add-reads")));
        // the locator's registry stays on the class path: Karaf's specs activator fills it
        assertEquals(classpath + ":" + locator, ran.get(ran.indexOf("-classpath") + 1));
        assertEquals(List.of("-Xmx512m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dkaraf.data=" + data,
                "-classpath", classpath + ":" + locator, "org.apache.karaf.main.Main", "server"),
                ran.subList(1, ran.size()));
    }

    @Test
    public void anArchiveTheJvmAcceptsIsMappedAtEveryLaterStart() throws Exception {
        Path written = Path.of(launch(karafStart, Map.of()).get(0).split("=", 2)[1]);
        Files.writeString(written, "classes");
        String archive = written.toString().replaceFirst("\\.new$", "");
        for (int start = 0; start < 2; start++) {
            List<String> ran = launch(karafStart, Map.of());
            assertEquals("-XX:SharedArchiveFile=" + archive, ran.get(0));
            assertFalse(ran.contains("--patch-module"));
        }
        assertTrue(Files.exists(Path.of(archive)));
    }

    @Test
    public void anArchiveTheJvmRefusesIsNotWrittenAgainAtEveryStop() throws Exception {
        Path written = Path.of(launch(karafStart, Map.of()).get(0).split("=", 2)[1]);
        Files.writeString(written, "refused");
        for (int start = 0; start < 2; start++) {
            List<String> ran = launch(karafStart, Map.of());
            assertTrue(ran.toString(), ran.stream().noneMatch(a -> a.contains("Archive")));
        }
        try (Stream<Path> left = Files.list(data.resolve("cds"))) {
            assertEquals(List.of(Path.of(written.toString().replaceFirst("\\.new$", ".refused")).getFileName()),
                    left.map(Path::getFileName).toList());
        }
        // deleting data/cds tries again
        UnpackedDistribution.run(dir, "rm", "-rf", data.resolve("cds").toString());
        assertTrue(launch(karafStart, Map.of()).get(0).startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    public void switchedOffOrAnythingButKarafsMainRunsAsGiven() throws Exception {
        assertEquals(karafStart, launch(karafStart, Map.of("DMS_CLASS_ARCHIVE", "off")));
        List<String> stop = List.of("-Dkaraf.data=" + data, "-classpath", classpath, "org.apache.karaf.main.Stop");
        assertEquals(stop, launch(stop, Map.of()));
        List<String> own = new ArrayList<>(karafStart);
        own.add(0, "-Xshare:off");
        assertEquals(own, launch(own, Map.of()));
        assertFalse(Files.exists(data.resolve("cds")));
    }

    @Test
    public void aNativeAgentRunsAsGivenForTheJdkWouldNotStartWritingAnArchive() throws Exception {
        // bin/karaf debug (KARAF_DEBUG) adds jdwp; a profiler adds -agentpath: "CDS dumping does not support native
        // JVMTI agent" and the JVM exits before Karaf starts
        for (String agent : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005",
                "-agentpath:/opt/profiler/libasyncProfiler.so=start,event=cpu")) {
            List<String> withAgent = new ArrayList<>(karafStart);
            withAgent.add(1, agent);
            assertEquals(withAgent, launch(withAgent, Map.of()));
        }
        assertFalse(Files.exists(data.resolve("cds")));
    }

    /** Runs bin/dms-java with these arguments; the command the stand-in java got. */
    private List<String> launch(List<String> args, Map<String, String> env) throws Exception {
        Path record = dir.resolve("ran.txt");
        Files.deleteIfExists(record);
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("DMS_JAVA", dir.resolve("java").toString());
        b.environment().put("RECORD", record.toString());
        b.environment().remove("DMS_CLASS_ARCHIVE");
        b.environment().putAll(env);
        Process p = b.start();
        assertTrue("bin/dms-java did not finish", p.waitFor(30, TimeUnit.SECONDS));
        assertEquals("bin/dms-java exit code", 0, p.exitValue());
        return Files.readAllLines(record, StandardCharsets.UTF_8);
    }
}
