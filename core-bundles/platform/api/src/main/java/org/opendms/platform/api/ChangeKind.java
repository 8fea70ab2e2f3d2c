package org.opendms.platform.api;

/** What happened to a record, as told to listeners of any domain (customers, vehicles, and those to come). */
public enum ChangeKind {
    /** The record was stored for the first time. */
    CREATED,
    /** An existing record was changed (an odometer reading counts as a change of the vehicle). */
    CHANGED
}
