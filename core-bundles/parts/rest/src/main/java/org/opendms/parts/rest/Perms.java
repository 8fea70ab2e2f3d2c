package org.opendms.parts.rest;

/** The permissions (rows of the platform's permission table) the parts resources name. */
final class Perms {
    static final String CATALOGUE_READ = "parts.catalogue.read";
    static final String CATALOGUE_EDIT = "parts.catalogue.edit";
    static final String WAREHOUSE_EDIT = "parts.warehouse.edit";
    static final String STOCK_READ = "parts.stock.read";
    static final String STOCK_LIMITS = "parts.stock.limits";
    static final String RECEIVE = "parts.receive";
    static final String ISSUE = "parts.issue";
    static final String RETURN = "parts.return";
    static final String TRANSFER = "parts.transfer";
    static final String LEDGER_READ = "parts.ledger.read";
    static final String IMPORT = "parts.import";

    private Perms() {
    }
}
