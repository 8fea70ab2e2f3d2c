package org.opendms.customer.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/** Implemented by plugins and registered as a service: told of every committed customer change. */
@ConsumerType
public interface CustomerListener {
    void customerChanged(CustomerEvent event);
}
