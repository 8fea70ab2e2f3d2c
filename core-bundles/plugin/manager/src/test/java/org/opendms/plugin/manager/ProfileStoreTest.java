package org.opendms.plugin.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendms.platform.api.Channel;
import org.opendms.plugin.api.manage.PluginOperation;

class ProfileStoreTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartCopiesTheShippedProfileIntoTheDealerHomeAndLaterStartsReadOnlyThatCopy() throws IOException {
        Path shipped = dir.resolve("etc/dms-dealer-profile.json");
        Files.createDirectories(shipped.getParent());
        Files.writeString(shipped, "{\"dealer\":\"测试店\",\"plugins\":{\"insurance\":{\"enabled\":true,"
                + "\"config\":{\"org.opendms.insurance\":{\"renewalWindowDays\":45}}}}}", StandardCharsets.UTF_8);
        Path home = dir.resolve("dealer");
        ProfileStore store = new ProfileStore(home, shipped);

        DealerProfile first = store.load();
        assertTrue(first.plugins.get("insurance").enabled);
        assertEquals(45, first.plugins.get("insurance").config.get("org.opendms.insurance").get("renewalWindowDays"));
        assertTrue(Files.exists(home.resolve(ProfileStore.FILE_NAME)));

        first.plugins.get("insurance").enabled = false;
        store.save(first);
        // a newer distribution ships its own profile again; the dealer's choice in the dealer home still wins
        Files.writeString(shipped, "{\"plugins\":{\"insurance\":{\"enabled\":true}}}", StandardCharsets.UTF_8);
        DealerProfile again = new ProfileStore(home, shipped).load();
        assertFalse(again.plugins.get("insurance").enabled);
        assertEquals("测试店", again.dealer);
        assertEquals(List.of(ProfileStore.FILE_NAME), Files.list(home).map(p -> p.getFileName().toString()).toList(),
                "no temporary file is left behind");
    }

    @Test
    void aMistypedProfileIsRefusedWithWhereTheMistakeIs() throws IOException {
        Path home = dir.resolve("dealer");
        Files.createDirectories(home);
        Files.writeString(home.resolve(ProfileStore.FILE_NAME), "{\"plugins\":{\"insurance\":{\"enabeld\":true}}}");
        IOException e = assertThrows(IOException.class, () -> new ProfileStore(home, null).load());
        assertTrue(e.getMessage().contains("enabeld"), e.getMessage());

        Files.writeString(home.resolve(ProfileStore.FILE_NAME), "{\"plugins\":{\"Insurance!\":{\"enabled\":true}}}");
        e = assertThrows(IOException.class, () -> new ProfileStore(home, null).load());
        assertTrue(e.getMessage().contains("Insurance!"), e.getMessage());
    }

    @Test
    void withoutAnyProfileNoPluginIsEnabled() throws IOException {
        DealerProfile p = new ProfileStore(dir.resolve("dealer"), dir.resolve("missing.json")).load();
        assertEquals(Map.of(), p.plugins);
    }

    @Test
    void operationsAreReadBackNewestFirst() throws IOException {
        OperationLog log = new OperationLog(dir);
        Instant t = Instant.parse("2026-11-22T02:00:00Z");
        log.append(new PluginOperation(t, "admin", Channel.CONSOLE, "ENABLE", "insurance", null, true, "ok", 812));
        log.append(new PluginOperation(t.plusSeconds(60), "admin", Channel.REST, "DISABLE", "insurance", null, false,
                "另一个插件操作正在进行 / another operation is running", 3));
        List<PluginOperation> recent = log.recent(10);
        assertEquals(List.of("DISABLE", "ENABLE"), recent.stream().map(PluginOperation::action).toList());
        assertEquals(Channel.REST, recent.get(0).channel());
        assertEquals(1, log.recent(1).size());
    }

    @Test
    void featureVersionsCompareAsOsgiVersions() {
        assertTrue(PluginNames.sameVersion("0.1.0-SNAPSHOT", "0.1.0.SNAPSHOT"));
        assertTrue(PluginNames.version("0.2.0").compareTo(PluginNames.version("0.1.0.SNAPSHOT")) > 0);
        assertTrue(PluginNames.version("1.0").compareTo(PluginNames.version("0.9.9")) > 0);
        assertTrue(PluginNames.sameVersion("1.0-SNAPSHOT", "1.0.0.SNAPSHOT"));
    }
}
