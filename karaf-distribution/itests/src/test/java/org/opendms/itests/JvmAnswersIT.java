package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;

/**
 * bin/setenv and bin/dms-java ask the JDK what it takes (the compiler directives, the native heap trim) and which
 * version it is once per JDK, not at every start: each question is a JVM start. Run as Karaf's scripts run them
 * (sourced,
 * then {@code $JAVA -version} twice, as Karaf's version check does), with a stand-in JDK that records each question.
 */
public class JvmAnswersIT {

    private static final Path BIN = Path.of("../assembly/src/main/resources/bin").toAbsolutePath();
    /** Answers -version like a HotSpot; refuses the trim option when NO_TRIM is set; records every command. */
    private static final String STAND_IN = """
            #!/bin/sh
            echo "$*" >> "$ASKED"
            for a; do case $a in -XX:TrimNativeHeapInterval=*) [ -n "$NO_TRIM" ] && exit 1 ;; esac; done
            echo 'openjdk version "17.0.99" 2026-10-20' >&2
            echo 'OpenJDK 64-Bit Server VM (stand-in)' >&2
            """;
    /** What Karaf's bin/karaf does with the file, reduced: source it, then check the JVM's version. */
    private static final String KARAF = """
            . "$DIRNAME/setenv"
            echo "$EXTRA_JAVA_OPTS"
            "$JAVA" -version 2>&1 | grep '^IBM' > /dev/null
            "$JAVA" -version 2>&1 | awk -F '"' '/version/ {print $2}'
            """;

    private Path dir;
    private Path jdk;
    private Path asked;

    @Before
    public void standIn() throws Exception {
        dir = Path.of("target/jvm-answers").toAbsolutePath();
        UnpackedDistribution.run(Path.of("."), "rm", "-rf", dir.toString());
        Files.createDirectories(dir.resolve("home/bin"));
        Files.createDirectories(dir.resolve("home/etc"));
        for (String script : List.of("setenv", "dms-java")) {
            Files.copy(BIN.resolve(script), dir.resolve("home/bin").resolve(script),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(dir.resolve("home/etc/jvm-compiler-directives.json"), "[]");
        jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("lib"));
        Files.writeString(jdk.resolve("bin/java"), STAND_IN);
        Files.setPosixFilePermissions(jdk.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("lib/modules"), "modules");
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.99\"");
        asked = dir.resolve("asked.txt");
    }

    @Test
    public void theFirstStartAsksTheJdkAndEveryLaterStartAsksNothing() throws Exception {
        List<String> first = start(Map.of());
        assertEquals("17.0.99", first.get(first.size() - 1));
        assertTrue(first.get(0), first.get(0).contains("-XX:TrimNativeHeapInterval=5000"));
        assertTrue(first.get(0), first.get(0).contains("-XX:CompilerDirectivesFile="));
        assertEquals("the two options and the version, once each", 3, questions());

        List<String> again = start(Map.of());
        assertEquals(first, again);
        assertEquals("a restart starts no JVM to ask", 0, questions());
    }

    @Test
    public void aRefusedOptionStaysOffAndIsNotAskedAgain() throws Exception {
        assertFalse(start(Map.of("NO_TRIM", "1")).get(0).contains("TrimNativeHeapInterval"));
        assertFalse(start(Map.of("NO_TRIM", "1")).get(0).contains("TrimNativeHeapInterval"));
        assertEquals(0, questions());
    }

    @Test
    public void anotherJdkOrAnEditedDirectivesFileIsAskedAgain() throws Exception {
        start(Map.of("NO_TRIM", "1"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.100\"");
        assertTrue("the new JDK takes the trim", start(Map.of()).get(0).contains("TrimNativeHeapInterval"));
        assertEquals(3, questions());

        Files.writeString(dir.resolve("home/etc/jvm-compiler-directives.json"), "[ ]");
        start(Map.of());
        assertEquals("only the directives are asked again", 1, questions());
    }

    /** One start's setenv and version check; the lines it printed (the JVM options, then the version). */
    private List<String> start(Map<String, String> env) throws Exception {
        Files.deleteIfExists(asked);
        Files.createFile(asked);
        ProcessBuilder b = new ProcessBuilder("sh", "-c", KARAF).directory(dir.toFile()).redirectErrorStream(true);
        b.environment().keySet().removeAll(List.of("JAVA", "EXTRA_JAVA_OPTS", "KARAF_DATA", "DMS_JAVA",
                "DMS_JAVA_VERSION", "DMS_CLASS_ARCHIVE", "DMS_DEALER_HOME"));
        b.environment().put("JAVA_HOME", jdk.toString());
        b.environment().put("DIRNAME", dir.resolve("home/bin").toString());
        b.environment().put("ASKED", asked.toString());
        b.environment().putAll(env);
        Process p = b.start();
        assertTrue("the scripts did not finish", p.waitFor(30, TimeUnit.SECONDS));
        List<String> out = List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        assertEquals(out.toString(), 0, p.exitValue());
        return out;
    }

    private long questions() throws Exception {
        return Files.readAllLines(asked).stream().filter(l -> !l.isBlank()).count();
    }
}
