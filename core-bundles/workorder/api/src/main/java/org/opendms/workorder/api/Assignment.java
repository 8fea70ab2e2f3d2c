package org.opendms.workorder.api;

import java.time.Instant;
import java.util.List;

/**
 * Who works a job and where (派工).
 *
 * @param technicians usernames, in the order the dispatcher gave them
 * @param bay         the bay (工位), null if none was given
 */
public record Assignment(long jobId, List<String> technicians, String bay, Instant assignedAt, String assignedBy) {

    public Assignment {
        technicians = List.copyOf(technicians);
    }
}
