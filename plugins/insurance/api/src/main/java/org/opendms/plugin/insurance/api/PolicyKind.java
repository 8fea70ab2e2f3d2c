package org.opendms.plugin.insurance.api;

/**
 * The two motor policies every Chinese car carries, each for a year: 交强险 (compulsory traffic accident liability,
 * required by law) and 商业险 (commercial cover: own damage, third party above the compulsory limit, and so on).
 * A vehicle has at most one policy of each kind in force on any day.
 */
public enum PolicyKind {
    COMPULSORY("交强险"),
    COMMERCIAL("商业险");

    private final String label;

    PolicyKind(String label) {
        this.label = label;
    }

    /** The name staff use, e.g. 交强险. */
    public String label() {
        return label;
    }
}
