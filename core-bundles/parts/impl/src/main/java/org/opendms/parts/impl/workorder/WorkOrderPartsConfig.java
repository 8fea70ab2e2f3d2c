package org.opendms.parts.impl.workorder;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opendms.parts.workorder.cfg */
@ObjectClassDefinition(name = "OpenDMS parts for work orders", description = "配件与工单：预留与领料的仓库")
public @interface WorkOrderPartsConfig {

    String PID = "org.opendms.parts.workorder";

    @AttributeDefinition(description = "Code of the warehouse work orders reserve and issue from; empty: the first"
            + " active central or shop warehouse with the part available, else the first of them")
    String warehouse() default "";
}
