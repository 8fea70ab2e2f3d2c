package org.opendms.settlement.api;

/** A tender method a payment dialog offers: its code and names; {@code plugin} true when a plugin provides it. */
public record TenderOption(String method, String nameZh, String nameEn, boolean plugin) {
}
