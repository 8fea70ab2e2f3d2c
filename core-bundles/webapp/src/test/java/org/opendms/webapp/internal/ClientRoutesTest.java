package org.opendms.webapp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientRoutesTest {

    @Test
    void aRouteOfTheAppOpensTheAppsPage() {
        assertEquals("/index.html", ClientRoutes.fileFor("/"));
        assertEquals("/index.html", ClientRoutes.fileFor("/desk"));
        assertEquals("/index.html", ClientRoutes.fileFor("/work-orders/42"));
        assertEquals("/index.html", ClientRoutes.fileFor("/insurance/policies"));
    }

    @Test
    void aFileIsItselfAndNeverThePage() {
        // a missing script must be a 404, not HTML the browser would try to run
        assertEquals("/assets/main-abc.js", ClientRoutes.fileFor("/assets/main-abc.js"));
        assertEquals("/favicon.svg", ClientRoutes.fileFor("/favicon.svg"));
    }

    @Test
    void aFolderWithoutItsSlashIsToldApart() {
        assertTrue(ClientRoutes.isFolder("/api-docs"));
        assertFalse(ClientRoutes.isFolder("/api-docs/"));
        assertFalse(ClientRoutes.isFolder("/"));
        assertFalse(ClientRoutes.isFolder("/favicon.svg"));
    }
}
