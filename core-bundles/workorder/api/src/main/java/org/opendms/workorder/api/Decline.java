package org.opendms.workorder.api;

import java.time.Instant;

/** The customer declined a job (客户拒绝): why, when, and which user recorded it. */
public record Decline(String reason, Instant at, String recordedBy) {
}
