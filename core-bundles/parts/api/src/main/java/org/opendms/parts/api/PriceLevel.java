package org.opendms.parts.api;

/** Which of a part's {@link Prices} applies: by the pay type of the work-order job. */
public enum PriceLevel {
    RETAIL, WARRANTY, INSURANCE, INTERNAL
}
