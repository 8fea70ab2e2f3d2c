package org.opendms.plugin.insurance.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opendms.plugin.insurance.api.InsuranceService;

/** Completes insurer names already on policies, so the same insurer is not typed three ways. */
@Service
public class InsurerCompleter implements Completer {

    @Reference
    InsuranceService insurance;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        try {
            return new StringsCompleter(insurance.insurers()).complete(session, commandLine, candidates);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
