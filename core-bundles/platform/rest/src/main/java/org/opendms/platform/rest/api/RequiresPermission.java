package org.opendms.platform.rest.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission (see {@code org.opendms.platform.api.security.Permissions}) a REST method needs. Every resource
 * method under /api names one; the platform refuses a user without it with 403 before the request body is read, and
 * lists the method with its permission at {@code GET /api/permissions}.
 *
 * <pre>
 * &#64;POST
 * &#64;RequiresPermission("customer.create")
 * public Response create(CustomerDraft draft, &#64;Context SecurityContext security, …)
 * </pre>
 *
 * Several names mean any one of them will do; the service then checks the one the request needs (e.g. which QC
 * level is recorded).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {

    String[] value();
}
