package org.opendms.parts.rest;

/**
 * The permissions (rows of the platform's permission table, CorePermissions) the parts resources name. Reads of
 * parts, stock and prices are everyone's; costs are left out by the services for roles without parts.cost.read.
 */
final class Perms {
    static final String CATALOGUE_READ = "parts.read";
    static final String CATALOGUE_EDIT = "parts.catalogue.edit";
    static final String WAREHOUSE_EDIT = "parts.warehouse.edit";
    static final String STOCK_READ = "parts.read";
    static final String STOCK_LIMITS = "parts.limits.edit";
    static final String RECEIVE = "parts.stock.receive";
    static final String ISSUE = "parts.stock.issue";
    static final String RETURN = "parts.stock.issue";
    static final String TRANSFER = "parts.stock.transfer";
    static final String LEDGER_READ = "parts.ledger.read";
    /** An import adds parts; its opening stock is received (parts.stock.receive, checked by the ledger). */
    static final String IMPORT = "parts.catalogue.edit";

    private Perms() {
    }
}
