package org.opendms.customer.impl;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.customer.api.CustomerService;

/** The real customer service over a template; in this package because DS wants its fields package-private. */
public final class CustomerServiceOn {

    private CustomerServiceOn() {
    }

    public static CustomerService template(JpaTemplate jpa) {
        JpaCustomerService service = new JpaCustomerService();
        service.jpa = jpa;
        return service;
    }
}
