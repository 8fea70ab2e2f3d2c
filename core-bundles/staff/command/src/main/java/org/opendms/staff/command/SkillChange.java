package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.SkillDraft;

@Service
@Command(scope = "dms", name = "skill-change", description = "修改、停用或恢复工种 Rename, retire or bring back a skill")
public class SkillChange implements Action {

    @Reference
    SkillCatalogue skills;

    @Argument(index = 0, name = "code", required = true)
    String code;

    @Option(name = "--name", aliases = "-n", description = "新的中文名称 new Chinese name")
    String name;

    @Option(name = "--name-en", aliases = "-e", description = "new English name")
    String nameEn;

    @Option(name = "--retire", description = "停用：旧记录保留，不能再分配 retire: stays on old records, never newly assigned")
    boolean retire;

    @Option(name = "--restore", description = "恢复已停用的工种 bring a retired skill back")
    boolean restore;

    @Override
    public Object execute() {
        try {
            SkillDefinition s = skills.get(code);
            boolean active = retire ? false : restore || s.active();
            SkillDefinition changed = skills.save(new SkillDraft(s.code(), name == null ? s.name() : name,
                    nameEn == null ? s.nameEn() : nameEn, active), s.version(), ConsoleActor.current());
            System.out.println("已修改工种 Changed " + changed.code() + " " + ConsolePrinter.cell(changed.name(), 30) + " "
                    + (changed.active() ? "active" : "retired"));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
