package org.opendms.platform.api;

import java.util.List;

/** The shop roles known to the platform; JAAS role names are these strings. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String ADVISOR = "advisor";
    public static final String TECHNICIAN = "technician";
    public static final String PARTS = "parts";
    public static final String CASHIER = "cashier";
    public static final String MANAGER = "manager";
    /** 车间主管/调度: dispatches jobs, keeps the skill table, records the foreman's QC check. */
    public static final String FOREMAN = "foreman";
    /** 质检员: records the final QC check. */
    public static final String INSPECTOR = "inspector";

    /** Every shop role, in the order a console lists them. */
    public static final List<String> ALL = List.of(ADMIN, ADVISOR, TECHNICIAN, PARTS, CASHIER, MANAGER, FOREMAN,
            INSPECTOR);

    private Roles() {
    }
}
