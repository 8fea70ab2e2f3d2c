package org.opendms.customer.api;

/** 个人 a private person or 单位 a company (fleet, corporate account). */
public enum CustomerType {
    PERSON, COMPANY
}
