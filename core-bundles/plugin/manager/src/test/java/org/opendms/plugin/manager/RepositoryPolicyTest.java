package org.opendms.plugin.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendms.platform.api.DmsException;

class RepositoryPolicyTest {

    @TempDir
    Path home;

    @Test
    void byDefaultMavenCoordinatesAndTheDealersPluginFolderOnly() throws Exception {
        RepositoryPolicy policy = new RepositoryPolicy(RepositoryPolicy.DEFAULT, home);
        Files.createDirectories(home.resolve("plugins"));
        assertTrue(policy.allows(URI.create("mvn:com.example/tyre-hotel/1.0.0/xml/features")));
        assertTrue(policy.allows(home.resolve("plugins/tyre/features.xml").toUri()));

        assertFalse(policy.allows(URI.create("mvn:http://evil.example!org.evil/x/1.0/xml/features")));
        assertFalse(policy.allows(URI.create("mvn:org.evil/x")));
        assertFalse(policy.allows(URI.create("file:///etc/passwd")));
        assertFalse(policy.allows(URI.create(home.resolve("plugins").toUri() + "../secret.xml")));
        assertFalse(policy.allows(home.resolve("plugins-other/features.xml").toUri()));
        assertFalse(policy.allows(URI.create("http://169.254.169.254/latest/meta-data")));
        assertFalse(policy.allows(URI.create("https://example.com/features.xml")));
        assertFalse(policy.allows(URI.create("ftp://example.com/features.xml")));
    }

    @Test
    void aLinkInsideTheFolderPointingOutsideIsRefused() throws Exception {
        Files.createDirectories(home.resolve("plugins"));
        Path outside = Files.writeString(home.resolve("outside.xml"), "<features/>");
        Path link = Files.createSymbolicLink(home.resolve("plugins/link.xml"), outside);
        assertFalse(new RepositoryPolicy(RepositoryPolicy.DEFAULT, home).allows(link.toUri()));
    }

    @Test
    void aConfiguredServerPathIsAllowedButNotAnotherHostOrPathOrUserInfo() {
        RepositoryPolicy policy = new RepositoryPolicy("https://repo.example.com/dms/", home);
        assertTrue(policy.allows(URI.create("https://repo.example.com/dms/tyre/features.xml")));
        assertFalse(policy.allows(URI.create("https://repo.example.com/other/features.xml")));
        assertFalse(policy.allows(URI.create("https://repo.example.com/dms/../other/features.xml")));
        assertFalse(policy.allows(URI.create("https://repo.example.com.evil.net/dms/features.xml")));
        assertFalse(policy.allows(URI.create("https://repo.example.com@evil.net/dms/features.xml")));
        assertFalse(policy.allows(URI.create("http://repo.example.com/dms/features.xml")));
        assertFalse(policy.allows(URI.create("mvn:com.example/tyre-hotel/1.0.0/xml/features")));
    }

    @Test
    void aRefusalNamesTheAllowedLocations() {
        DmsException e = assertThrows(DmsException.class,
                () -> new RepositoryPolicy("mvn:", home).check(URI.create("file:///etc/passwd")));
        assertEquals("plugin.repository.not_allowed", e.violations().get(0).code());
        assertEquals("repository", e.violations().get(0).field());
        assertTrue(e.violations().get(0).messageEn().contains("allowed: mvn:"));
    }
}
