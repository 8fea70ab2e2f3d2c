package org.opendms.workorder.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.workorder.api.WalkAroundPhotos;
import org.opendms.workorder.api.Reception;
import org.opendms.workorder.api.WorkOrders;

@Service
@Command(scope = "dms", name = "wo-show", description = "工单详情 A work order: reminders, jobs, lines, totals and every step with who and when")
public class WorkOrderShow implements Action {

    @Reference
    WorkOrders workOrders;

    @Reference
    Reception reception;

    @Reference
    ShopClock clock;

    @Reference(optional = true)
    WalkAroundPhotos photos;

    @Argument(index = 0, name = "id", required = true, description = "工单编号 work-order id")
    long id;

    @Override
    public Object execute() {
        try {
            WorkOrderPrinter.details(ConsoleText.out(), workOrders.get(id), workOrders.timeline(id),
                    reception.receptionBrief(id),
                    clock.zone());
            if (photos != null) {
                ConsoleText.out().println("环车照片 Walk-around photos: " + photos.list(id).size());
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
