package org.opendms.plugin.api.event;

/** What happened to a record. */
public enum ChangeKind {
    /** The record was stored for the first time. */
    CREATED,
    /** An existing record was changed (an odometer reading counts as a change of the vehicle). */
    CHANGED
}
