package org.opendms.workorder.api;

/** How the customer approved a job. */
public enum ApprovalChannel {
    IN_PERSON, PHONE, WECHAT, SMS
}
