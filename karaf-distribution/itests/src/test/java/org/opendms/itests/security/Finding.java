package org.opendms.itests.security;

/**
 * Something the security suite saw that must not happen.
 *
 * @param check
 *                  which rule: see {@link Check}
 * @param operation
 *                  "METHOD /path/{template}" of the operation, or a scenario's name
 * @param kind
 *                  what was tried (the probe's kind)
 * @param detail
 *                  what came back
 */
public record Finding(Check check, String operation, String kind, String detail) {

    /** The rules the suite holds every answer to; each is counted on its own. */
    public enum Check {
        /** 5xx, or no answer at all. */
        SERVER_ERROR("server errors"),
        /** A 4xx that is not application/problem+json. */
        NOT_PROBLEM_JSON("4xx not problem+json"),
        /** A refusal of one broken field that does not name it. */
        FIELD_NOT_NAMED("refusals not naming the field"),
        /** An invalid request answered 2xx. */
        INVALID_ACCEPTED("invalid inputs accepted"),
        /** A refused request after which the stored data differ. */
        DATA_CHANGED("data changes after refusals"),
        /** An answer that disagrees with the permission table (403 exactly when the role lacks the permission). */
        ROLE_TABLE("role-table mismatches"),
        /** Without or with wrong credentials: anything but a 401 that shows no data. */
        UNAUTHENTICATED("answers without valid credentials other than a bare 401"),
        /** Acting on someone else's record, or naming a person or record that does not exist, was allowed. */
        OBJECT_LEVEL("object-level violations"),
        /** Same-If-Match writers: not exactly one 2xx and the rest 409. */
        CONCURRENCY("concurrency violations"),
        /**
         * A schema name that two bundles' OpenAPI fragments define differently: the merged document keeps one, so the
         * other's operations are documented (and probed) with the wrong body.
         */
        OPENAPI_SCHEMA("schema names defined twice in /api/openapi.json");

        public final String label;

        Check(String label) {
            this.label = label;
        }
    }

    @Override
    public String toString() {
        return check + " " + operation + " [" + kind + "] " + detail;
    }
}
