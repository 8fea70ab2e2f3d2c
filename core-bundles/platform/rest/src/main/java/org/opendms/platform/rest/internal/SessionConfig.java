package org.opendms.platform.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS browser sessions", description = "Login sessions of the staff web app")
public @interface SessionConfig {

    String PID = "org.opendms.rest.session";

    @AttributeDefinition(description = "Seconds without a request after which a browser session ends")
    long idleTimeoutSeconds() default 1800;

    @AttributeDefinition(description = "Seconds after login when a browser session ends however busy it is")
    long lifetimeSeconds() default 43200;
}
