package org.opendms.platform.api.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

class LateServicesTest {

    /** A bound service as the component framework hands it over: asked for only when getService is called. */
    static final class Bound implements ComponentServiceObjects<String> {
        final String service;
        final int ranking;
        final List<String> asked;
        boolean gettable = true;
        final ServiceReference<String> ref;

        @SuppressWarnings("unchecked")
        Bound(String service, int ranking, List<String> asked) {
            this.service = service;
            this.ranking = ranking;
            this.asked = asked;
            this.ref = (ServiceReference<String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "compareTo" -> Integer.compare(ranking, ((Bound) bound(args[0])).ranking);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "ref " + service;
                    default -> null;
                    });
            REFS.add(this);
        }

        static final List<Bound> REFS = new ArrayList<>();

        static Bound bound(Object ref) {
            return REFS.stream().filter(b -> b.ref == ref).findFirst().orElseThrow();
        }

        @Override
        public String getService() {
            asked.add(service);
            return gettable ? service : null;
        }

        @Override
        public void ungetService(String s) {
        }

        @Override
        public ServiceReference<String> getServiceReference() {
            return ref;
        }
    }

    @Test
    void servicesAreGotWhenTheListIsFirstReadInServiceReferenceOrderAndOnlyOnce() {
        List<String> asked = new ArrayList<>();
        LateServices<String> late = new LateServices<>();
        late.bind(new Bound("low", 1, asked));
        List<String> list = late.bind(new Bound("high", 10, asked));
        assertTrue(asked.isEmpty(), "nothing is got at bind: " + asked);
        assertEquals(List.of("low", "high"), list, "as the component framework orders a list field");
        assertEquals(List.of("low", "high"), List.copyOf(list));
        assertEquals(List.of("low", "high"), asked);
        List<String> again = late.bind(new Bound("middle", 5, asked));
        assertEquals(List.of("low", "middle", "high"), again);
        assertEquals(List.of("low", "high", "middle"), asked, "a service already got is not got again");
    }

    @Test
    void anUnboundServiceIsGoneAndOneThatCannotBeGotIsLeftOutUntilItCan() {
        List<String> asked = new ArrayList<>();
        LateServices<String> late = new LateServices<>();
        Bound a = new Bound("a", 1, asked);
        Bound b = new Bound("b", 2, asked);
        late.bind(a);
        b.gettable = false;
        List<String> list = late.bind(b);
        assertEquals(List.of("a"), List.copyOf(list));
        b.gettable = true;
        assertEquals(List.of("a", "b"), List.copyOf(list), "asked again on the next read");
        assertEquals(List.of("b"), late.unbind(a));
        assertEquals(List.of(), late.unbind(b));
    }

    @Test
    void aListAssignedOutOfOrderStillReadsAsTheLastBindOrUnbind() {
        List<String> asked = new ArrayList<>();
        LateServices<String> late = new LateServices<>();
        Bound a = new Bound("a", 1, asked);
        List<String> afterBind = late.bind(a);
        late.unbind(a); // a second thread's unbind, whose list was assigned first
        assertEquals(List.of(), List.copyOf(afterBind), "the older list reads as the newer one");
        assertTrue(afterBind.isEmpty());
    }
}
