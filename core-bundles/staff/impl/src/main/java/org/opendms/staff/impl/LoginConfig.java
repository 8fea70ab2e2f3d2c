package org.opendms.staff.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS login protection", description = "Slows down, then locks, repeated failed logins")
public @interface LoginConfig {

    String PID = "org.opendms.login";

    @AttributeDefinition(description = "Failed logins of one login after which each next attempt must wait")
    int slowDownAfter() default 3;

    @AttributeDefinition(description = "The first wait in seconds; it doubles with each further failure")
    int delaySeconds() default 2;

    @AttributeDefinition(description = "The longest wait in seconds")
    int maxDelaySeconds() default 60;

    @AttributeDefinition(description = "Failed logins of one login that lock it (0: never lock)")
    int lockAfter() default 10;

    @AttributeDefinition(description = "Minutes a lock lasts unless an admin unlocks sooner")
    int lockMinutes() default 15;

    @AttributeDefinition(description = "Failed logins from one address (any login) after which each next attempt must wait (0: off)")
    int addressSlowDownAfter() default 10;

    @AttributeDefinition(description = "Failed logins from one address (any login) that lock the address (0: never)")
    int addressLockAfter() default 30;

    @AttributeDefinition(description = "Minutes after the last failure when a login's or address's failures are forgotten")
    int forgetAfterMinutes() default 60;
}
