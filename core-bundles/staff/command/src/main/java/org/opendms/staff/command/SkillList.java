package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.SkillGrade;

@Service
@Command(scope = "dms", name = "skill-list", description = "工种目录 List the skill catalogue and its level scale")
public class SkillList implements Action {

    @Reference
    SkillCatalogue skills;

    @Option(name = "--all", aliases = "-a", description = "含已停用工种 include retired skills")
    boolean all;

    @Override
    public Object execute() {
        System.out.printf("%-18s %-12s %-8s %s%n", "代码 Code", "名称 Name", "状态", "English");
        for (SkillDefinition s : skills.list(all)) {
            System.out.printf("%-18s %-12s %-8s %s%n", s.code(), ConsolePrinter.cell(s.name(), 12),
                    s.active() ? "active" : "retired", ConsolePrinter.cell(s.nameEn(), 40));
        }
        System.out.println("等级 Levels: " + String.join("  ",
                SkillCatalogue.LEVELS.stream().map(SkillGrade::level).map(l -> l + " " + SkillCatalogue.grade(l).name()
                        + " " + SkillCatalogue.grade(l).nameEn()).toList()));
        return null;
    }
}
