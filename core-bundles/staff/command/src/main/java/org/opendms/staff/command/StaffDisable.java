package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffService;

@Service
@Command(scope = "dms", name = "staff-disable", description = "停用账号（不能再登录） Disable a staff account")
public class StaffDisable extends AccountSwitch {

    @Override
    StaffAccount apply(StaffService staff, long version, Actor actor) {
        return staff.disable(login, version, actor);
    }
}
