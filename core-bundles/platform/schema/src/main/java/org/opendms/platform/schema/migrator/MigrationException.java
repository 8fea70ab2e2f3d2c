package org.opendms.platform.schema.migrator;

/** A changelog could not be brought up to date; the bundle's services must not start. */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
