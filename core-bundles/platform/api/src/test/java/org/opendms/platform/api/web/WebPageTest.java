package org.opendms.platform.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebPageTest {

    @Test
    void aMenuEntryForEveryUserAfterCoresAreasUntilRefined() {
        WebPage page = WebPage.of("/tyre-hotel/stock", "stock.js", "轮胎寄存", "Tyre hotel");
        assertEquals(WebPage.DEFAULT_ORDER, page.order());
        assertEquals(null, page.permission());
        WebPage refined = page.icon("Box").permission("tyre-hotel.read").order(80).hidden();
        assertEquals(new WebPage("/tyre-hotel/stock", "stock.js", "轮胎寄存", "Tyre hotel", "Box", "tyre-hotel.read", 80,
                false), refined);
        assertFalse(refined.menu());
    }

    @Test
    void aDetailPageTakesRouteParameters() {
        assertEquals("/insurance/policies/:id",
                WebPage.of("/insurance/policies/:id", "policy.js", "保单", "Policy").hidden().path());
    }

    @Test
    void refusesPathsAndModulesABrowserCouldBeLedAwayWith() {
        assertThrows(IllegalArgumentException.class, () -> WebPage.of("insurance", "a.js", "x", "x"));
        assertThrows(IllegalArgumentException.class, () -> WebPage.of("/Insurance/../api", "a.js", "x", "x"));
        assertThrows(IllegalArgumentException.class, () -> WebPage.of("/insurance", "../secret.js", "x", "x"));
        assertThrows(IllegalArgumentException.class, () -> WebPage.of("/insurance", "https://cdn.example/a.js", "x",
                "x"));
        assertThrows(IllegalArgumentException.class, () -> WebPage.of("/insurance", "page.css", "x", "x"));
        assertThrows(NullPointerException.class, () -> WebPage.of("/insurance", "a.js", null, "x"));
    }
}
