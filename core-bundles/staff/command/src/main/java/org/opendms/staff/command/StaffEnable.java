package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffService;

@Service
@Command(scope = "dms", name = "staff-enable", description = "重新启用账号 Enable a staff account")
public class StaffEnable extends AccountSwitch {

    @Override
    StaffAccount apply(StaffService staff, long version, Actor actor) {
        return staff.enable(login, version, actor);
    }
}
