package org.opendms.parts.api;

/** How a part is superseded (替代). */
public enum SupersessionKind {
    /** Replaced 1:1 by one successor (with a quantity ratio): issuing the old number offers the new one. */
    REPLACED,
    /** Replaced by a kit: several parts together, each with its quantity per old part. */
    KIT,
    /** Other parts may be fitted instead; the old part stays current. */
    ALTERNATIVE
}
