package org.opendms.settlement.api;

/** 抹零: the customer's payable amount cut down to the jiao or the yuan, within the shop's configured limit. */
public enum Rounding {
    NONE, JIAO, YUAN
}
