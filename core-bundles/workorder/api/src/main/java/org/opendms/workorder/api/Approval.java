package org.opendms.workorder.api;

import java.time.Instant;

/** A recorded approval: who approved, how, when, and which user recorded it. */
public record Approval(String approvedBy, ApprovalChannel channel, Instant at, String recordedBy) {
}
