package org.opendms.audit.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS audit trail", description = "How long the trail is kept and which fields are personal")
public @interface AuditConfig {

    String PID = "org.opendms.audit";

    @AttributeDefinition(description = "Days an entry is kept; older ones are deleted once a day (at least 183: six months)")
    int retentionDays() default 400;

    @AttributeDefinition(description = "Fields kept as a masked mobile (138****1234)")
    String[] mobileFields() default { "mobile", "mobileMasked", "phone", "ownerMobile" };

    @AttributeDefinition(description = "Fields kept as a masked ID number (first 3 and last 4 characters)")
    String[] idNumberFields() default { "idNumber", "idCard", "licenceNumber", "bankAccount" };

    @AttributeDefinition(description = "Fields kept as a shortened address")
    String[] addressFields() default { "address" };

    @AttributeDefinition(description = "Characters of an address kept (e.g. 6: 北京市朝阳区…)")
    int addressKeep() default 6;

    @AttributeDefinition(description = "Other personal fields, kept as their first character and ***")
    String[] otherPersonalFields() default { "wechatId", "email" };
}
