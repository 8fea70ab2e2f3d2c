package org.opendms.plugin.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RefusalReasonsTest {

    /** What Karaf 4.4's resolver says when a plugin bundle imports an API version the platform does not have. */
    static final String TOO_NEW_API = "Unable to resolve root: missing requirement [root] osgi.identity; "
            + "osgi.identity=dms-plugin-future; type=karaf.feature; version=\"[1.0.0,1.0.0]\"; "
            + "filter:=\"(&(osgi.identity=dms-plugin-future)(type=karaf.feature)(version>=1.0.0)(version<=1.0.0))\" "
            + "[caused by: Unable to resolve dms-plugin-future/1.0.0: missing requirement [dms-plugin-future/1.0.0] "
            + "osgi.identity; osgi.identity=org.example.future; type=osgi.bundle; version=\"[1.0.0,1.0.0]\"; "
            + "resolution:=mandatory [caused by: Unable to resolve org.example.future/1.0.0: missing requirement "
            + "[org.example.future/1.0.0] osgi.wiring.package; filter:=\"(&(osgi.wiring.package=org.opendms.plugin.api.event)"
            + "(version>=2.0.0)(!(version>=3.0.0)))\"]]";

    @Test
    void namesThePackageTheVersionWantedAndTheVersionThePlatformHas() {
        RefusalReasons.Reason r = RefusalReasons.explain("future", new Exception(TOO_NEW_API),
                pkg -> pkg.equals("org.opendms.plugin.api.event") ? List.of("1.0.0") : List.of());
        assertEquals("plugin future is incompatible with this platform: org.example.future/1.0.0 needs "
                + "org.opendms.plugin.api.event [2.0.0, 3.0.0); this platform has 1.0.0", r.en());
        assertEquals("插件 future 与本平台不兼容：org.example.future/1.0.0 需要 org.opendms.plugin.api.event [2.0.0, 3.0.0)，"
                + "本平台提供的是 1.0.0", r.zh());
    }

    @Test
    void saysWhenThePlatformHasNoSuchPackageAtAll() {
        String message = TOO_NEW_API.replace("org.opendms.plugin.api.event", "org.opendms.warranty.api");
        RefusalReasons.Reason r = RefusalReasons.explain("future", new Exception(message), pkg -> List.of());
        assertTrue(r.en().endsWith("needs org.opendms.warranty.api [2.0.0, 3.0.0); this platform has no such package"),
                r.en());
    }

    @Test
    void namesAMissingService() {
        String message = "Unable to resolve root: missing requirement [root] osgi.identity; osgi.identity=dms-plugin-x; "
                + "type=karaf.feature [caused by: Unable to resolve org.example.x/1.0.0: missing requirement "
                + "[org.example.x/1.0.0] osgi.service; filter:=\"(objectClass=org.opendms.sms.api.SmsGateway)\"; "
                + "effective:=active]";
        RefusalReasons.Reason r = RefusalReasons.explain("x", new Exception("wrapper", new Exception(message)),
                pkg -> List.of());
        assertEquals("plugin x is incompatible with this platform: org.example.x/1.0.0 needs service "
                + "org.opendms.sms.api.SmsGateway, which this platform does not offer", r.en());
    }

    @Test
    void namesAFileThatCannotBeFetched() {
        RefusalReasons.Reason r = RefusalReasons.explain("broken",
                new Exception("Error downloading mvn:org.example/broken-impl/1.0.0"), pkg -> List.of());
        assertEquals("a file of plugin broken cannot be fetched: mvn:org.example/broken-impl/1.0.0 "
                + "(check the repository address and that the file exists)", r.en());
    }

    @Test
    void versionRangesReadAsAnAdminWouldWriteThem() {
        assertEquals("[1.2.0, 2.0.0)",
                RefusalReasons.range("(&(osgi.wiring.package=a)(version>=1.2.0)(!(version>=2.0.0)))"));
        assertEquals("[1.0.0, ∞)", RefusalReasons.range("(&(osgi.wiring.package=a)(version>=1.0.0))"));
        assertEquals("(any version)", RefusalReasons.range("(osgi.wiring.package=a)"));
    }
}
