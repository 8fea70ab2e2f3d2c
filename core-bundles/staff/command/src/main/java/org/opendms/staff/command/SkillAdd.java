package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.SkillDraft;

@Service
@Command(scope = "dms", name = "skill-add", description = "新增工种 Add a skill to the catalogue")
public class SkillAdd implements Action {

    @Reference
    SkillCatalogue skills;

    @Argument(index = 0, name = "code", description = "代码 code, e.g. EV_BATTERY", required = true)
    String code;

    @Argument(index = 1, name = "name", description = "中文名称 Chinese name, e.g. 动力电池", required = true)
    String name;

    @Argument(index = 2, name = "nameEn", description = "English name, e.g. traction battery", required = true)
    String nameEn;

    @Override
    public Object execute() {
        try {
            SkillDefinition s = skills.save(new SkillDraft(code, name, nameEn, true), null, ConsoleActor.current());
            System.out.println("已添加工种 Added " + s.code() + " " + ConsolePrinter.cell(s.name(), 30));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
