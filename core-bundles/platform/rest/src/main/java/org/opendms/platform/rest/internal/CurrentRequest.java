package org.opendms.platform.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ResourceInfo;

import org.apache.cxf.jaxrs.impl.ResourceInfoImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * The request this thread is answering, as CXF holds it, for the filters. They ask here instead of declaring
 * {@code @Context} fields: CXF fills every context field of every filter before each request, used or not (a
 * servlet request takes a search of the context providers), about 2 % of a key lookup's CPU; asked here, only the
 * requests that need it pay, and a request without a query or a body never does.
 */
final class CurrentRequest {

    private CurrentRequest() {
    }

    /** The servlet request; null outside a request. */
    static HttpServletRequest servletRequest() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        return message == null ? null
                : message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest r ? r : null;
    }

    /** The resource method and class matched (after matching; their getters answer null before). */
    static ResourceInfo matched() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        return message == null || message.getExchange() == null ? null : new ResourceInfoImpl(message);
    }
}
