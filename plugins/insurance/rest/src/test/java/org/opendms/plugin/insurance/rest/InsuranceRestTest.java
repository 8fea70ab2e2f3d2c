package org.opendms.plugin.insurance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opendms.platform.api.DmsException;
import org.opendms.plugin.insurance.api.PolicyKind;

/**
 * What the resources check themselves, before any service is called (none is wired here): numbers and kinds in paths
 * and query strings, each refusal naming its field. JAX-RS would answer them with a bare 404.
 */
class InsuranceRestTest {

    private final PolicyResource policies = new PolicyResource();
    private final RenewalResource renewals = new RenewalResource();

    private static String refusedField(Executable call) {
        DmsException e = assertThrows(DmsException.class, call);
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        return e.violations().get(0).field();
    }

    @Test
    void readsAKindInAnyCase() {
        assertEquals(PolicyKind.COMPULSORY, InsuranceRest.kind("kind", " compulsory "));
        assertEquals(PolicyKind.COMMERCIAL, InsuranceRest.kind("kind", "COMMERCIAL"));
        assertNull(InsuranceRest.kind("kind", " "));
        assertEquals("kind", refusedField(() -> InsuranceRest.kind("kind", "交强险")));
    }

    @Test
    void namesTheSearchParameterThatCannotBeRead() {
        assertEquals("vehicleId", refusedField(() -> policies.search("京A12345", null, null, null, null, null, null)));
        assertEquals("kind", refusedField(() -> policies.search(null, null, null, "THEFT", null, null, null)));
        assertEquals("page", refusedField(() -> policies.search(null, null, null, null, "-1", null, null)));
        assertEquals("size", refusedField(() -> policies.search(null, null, null, null, null, "500", null)));
    }

    @Test
    void namesAPathIdThatIsNotANumber() {
        assertEquals("id", refusedField(() -> policies.get("abc", null)));
        assertEquals("id", refusedField(() -> policies.update("0", "\"1\"", null, null)));
    }

    @Test
    void aChangeNeedsTheVersionRead() {
        assertEquals("If-Match", refusedField(() -> policies.update("7", null, null, null)));
        assertEquals("If-Match", refusedField(() -> policies.update("7", "latest", null, null)));
    }

    @Test
    void namesDaysThatAreNotAWholeNumber() {
        assertEquals("days", refusedField(() -> renewals.renewals("30天", null)));
        assertEquals("days", refusedField(() -> renewals.renewals("1.5", null)));
    }
}
