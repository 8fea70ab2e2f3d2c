package ${package};

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.console.api.ConsoleText;

/** ${pluginId}:notes [--limit n] [vehicleId]: options go before the argument, as in every Karaf command. */
@Service
@Command(scope = NotesPlugin.ID, name = "notes", description = "车辆备注 Notes on vehicles, newest first")
public class NotesCommand implements Action {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Reference
    NoteService notes;

    /** Times are stored in UTC and shown in the shop's zone. */
    @Reference
    ShopClock shop;

    @Option(name = "--limit", aliases = "-n", description = "最多条数 at most this many, 1–200")
    int limit = 20;

    @Argument(index = 0, name = "vehicleId", description = "车辆编号；缺省为全部车辆 vehicle id; absent: every vehicle")
    Long vehicleId;

    @Override
    public Object execute() {
        // what staff typed is printed with escape codes shown, not obeyed by the terminal
        try {
            List<VehicleNote> found = notes.list(vehicleId, limit);
            for (VehicleNote n : found) {
                ConsoleText.out().printf("%6d  车辆 vehicle %-6d  %s  %-10s  %s%n", n.id(), n.vehicleId(),
                        SHOWN.format(n.createdAt().atZone(shop.zone())), n.createdBy(), n.text());
            }
            ConsoleText.out().println("共 " + found.size() + " 条 " + found.size() + " note(s)");
        } catch (DmsException e) {
            for (Violation v : e.violations()) {
                ConsoleText.out().println(v.messageZh() + " / " + v.messageEn());
            }
        }
        return null;
    }
}
