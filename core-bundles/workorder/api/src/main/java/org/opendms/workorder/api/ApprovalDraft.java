package org.opendms.workorder.api;

/**
 * The customer's approval of a job's estimate.
 *
 * @param approvedBy the name of the customer (or their representative) who approved, at most 50 characters
 * @param channel    how they approved
 */
public record ApprovalDraft(String approvedBy, ApprovalChannel channel) {
}
