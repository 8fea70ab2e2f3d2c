package org.opendms.platform.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS REST login", description = "How /api callers are authenticated")
public @interface SecurityConfig {

    String PID = "org.opendms.rest.security";

    @AttributeDefinition(description = "JAAS realm that checks user names and passwords")
    String realm() default "karaf";

    @AttributeDefinition(description = "Realm name shown by browsers in the login prompt")
    String challengeRealm() default "OpenDMS";

    @AttributeDefinition(description = "Seconds HTTP Basic credentials the realm accepted are trusted without asking it again; a change of the account ends the trust at once (0: ask every time)")
    long credentialCacheSeconds() default 60;
}
