package org.opendms.staff.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS staff accounts", description = "Logins and the first import of users")
public @interface StaffConfig {

    String PID = "org.opendms.staff";

    @AttributeDefinition(description = "Seconds a verified login is trusted without checking its bcrypt hash again (0: always check)")
    long credentialCacheSeconds() default 60;

    @AttributeDefinition(description = "users.properties imported once when there is no staff account yet; empty: ${karaf.etc}/users.properties")
    String importUsersFrom() default "";
}
