package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.junit.jupiter.api.Test;
import org.opendms.platform.rest.api.RequiresPermission;

class RestOperationTest {

    @Path("appointments")
    public static class Appointments {
        @GET
        @Path("slots")
        @RequiresPermission("appointment.read")
        public String slots() {
            return "";
        }

        @GET
        @Path("{id}")
        @RequiresPermission("appointment.read")
        public String get(@PathParam("id") String id) {
            return id;
        }

        @POST
        @Path("/{id}/arrive/")
        @RequiresPermission({ "appointment.arrive", "appointment.book" })
        public String arrive(@PathParam("id") String id) {
            return id;
        }

        @GET
        @Path("{code: [A-Z]+}/unnamed")
        public String unnamed() {
            return "";
        }

        @Path("{id}/sub")
        public Object locator() {
            return this;
        }
    }

    @Test
    void readsMethodPathAndPermissionsOfEachResourceMethodButNotLocators() {
        List<RestOperation> ops = RestOperation.of(Appointments.class, "");
        assertEquals(4, ops.size());
        RestOperation arrive = ops.stream().filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("/appointments/{id}/arrive", arrive.path());
        assertEquals(List.of("appointment.arrive", "appointment.book"), arrive.permissions());
        RestOperation unnamed = ops.stream().filter(o -> o.path().endsWith("unnamed")).findFirst().orElseThrow();
        assertEquals("/appointments/{code}/unnamed", unnamed.path(), "shown as OpenAPI shows it, without the regex");
        assertEquals(List.of(), unnamed.permissions());
        assertTrue(unnamed.matches("GET", "/appointments/ABC/unnamed"));
        assertFalse(unnamed.matches("GET", "/appointments/abc/unnamed"), "the template's own regex");
    }

    @Test
    void aPluginsOperationsAreUnderItsId() {
        assertEquals("/insurance/appointments/{id}", RestOperation.of(Appointments.class, "/insurance").stream()
                .filter(o -> o.method().equals("GET")).map(RestOperation::path).filter(p -> p.endsWith("{id}"))
                .findFirst().orElseThrow());
    }

    @Test
    void theTemplateWithMoreLiteralTextWinsAsInJaxRs() {
        OperationCatalogue catalogue = new OperationCatalogue();
        catalogue.put(1L, RestOperation.of(Appointments.class, ""));
        assertEquals("/appointments/slots", catalogue.match("GET", "appointments/slots").orElseThrow().path());
        assertEquals("/appointments/{id}", catalogue.match("HEAD", "/appointments/7").orElseThrow().path());
        assertEquals("/appointments/{id}/arrive",
                catalogue.match("POST", "appointments/7/arrive").orElseThrow().path());
        assertTrue(catalogue.match("DELETE", "appointments/7").isEmpty());
        assertTrue(catalogue.match("GET", "appointments/7/arrive/more").isEmpty());
    }

    @Test
    void findsOperationsUnderEveryPrefixIncludingATemplatedFirstSegment() {
        OperationCatalogue catalogue = new OperationCatalogue();
        catalogue.put(1L, RestOperation.of(Appointments.class, ""));
        catalogue.put(2L, RestOperation.of(Appointments.class, "/insurance"));
        catalogue.put(3L, RestOperation.of(Appointments.class, "/{shop}"));
        assertEquals("/appointments/{id}", catalogue.match("GET", "/appointments/7").orElseThrow().path());
        assertEquals("/insurance/appointments/{id}",
                catalogue.match("GET", "/insurance/appointments/7").orElseThrow().path());
        assertEquals("/{shop}/appointments/{id}", catalogue.match("GET", "/bj01/appointments/7").orElseThrow().path());
        assertTrue(catalogue.match("GET", "/vehicles/7").isEmpty());
    }
}
