package org.opendms.platform.api;

/** Where an action came from; recorded with personal-data access and changes. */
public enum Channel {
    REST, CONSOLE, SYSTEM
}
