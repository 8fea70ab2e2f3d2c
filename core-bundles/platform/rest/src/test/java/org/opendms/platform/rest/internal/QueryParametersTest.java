package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.DmsException;

class QueryParametersTest {

    public static class Paging {
        @QueryParam("page")
        String page;
        @QueryParam("size")
        String size;
    }

    @Path("policies")
    public static class Policies {
        @QueryParam("lang")
        String lang;

        @GET
        public String search(@QueryParam("plate") String plate, @BeanParam Paging paging) {
            return "";
        }

        @GET
        @Path("{id: \\d+}")
        public String read(@PathParam("id") String id) {
            return "";
        }
    }

    private static Method method(String name) {
        return List.of(Policies.class.getMethods()).stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void refusesAMisspeltParameterNamingIt() {
        DmsException e = assertThrows(DmsException.class,
                () -> QueryParameters.refuseUnknown(Set.of("plat", "page"), method("search"), Policies.class));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(1, e.violations().size());
        assertEquals("plat", e.violations().get(0).field());
        assertEquals("query.unknown", e.violations().get(0).code());
        assertEquals("unknown query parameter plat (known: lang, page, plate, size)",
                e.violations().get(0).messageEn());
    }

    @Test
    void acceptsParametersOfTheMethodItsBeanParamsAndItsClass() {
        assertDoesNotThrow(() -> QueryParameters.refuseUnknown(Set.of("plate", "page", "size", "lang"),
                method("search"), Policies.class));
    }

    @Test
    void findsThePluginOperationByMethodAndPath() {
        assertEquals(List.of(method("read")), QueryParameters.answering(Policies.class, "GET", "/12"));
        assertEquals(List.of(method("search")), QueryParameters.answering(Policies.class, "GET", ""));
        assertEquals(List.of(), QueryParameters.answering(Policies.class, "GET", "/abc"));
        assertEquals(List.of(), QueryParameters.answering(Policies.class, "DELETE", ""));
    }
}
