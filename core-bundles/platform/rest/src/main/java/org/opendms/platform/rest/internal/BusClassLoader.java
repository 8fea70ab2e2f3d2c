package org.opendms.platform.rest.internal;

import org.apache.cxf.Bus;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * CXF's servlet asks its bus for the class loader to run a request with; a bus without one makes it ask the resource
 * manager on every request, which in OSGi is a failed resource lookup through the bundle's wiring, an exception
 * included (about 6 % of a key lookup's CPU), only to find nothing and keep the loader the request already runs with.
 * The first request therefore hands the bus that same loader: later requests run exactly as before, without the
 * lookup.
 */
final class BusClassLoader {

    private BusClassLoader() {
    }

    static void settle() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Exchange exchange = message == null ? null : message.getExchange();
        Bus bus = exchange == null ? null : exchange.getBus();
        if (bus != null && bus.getExtension(ClassLoader.class) == null) {
            ClassLoader current = Thread.currentThread().getContextClassLoader();
            if (current != null) {
                bus.setExtension(current, ClassLoader.class);
            }
        }
    }
}
