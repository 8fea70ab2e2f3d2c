package org.opendms.staff.command;

import java.util.ArrayList;
import java.util.List;

import org.opendms.platform.api.DmsException;
import org.opendms.staff.api.SkillLevel;

/** Reads {@code --skill 机修:4} options; a level that is not a number is refused naming the option. */
final class SkillOptions {

    private SkillOptions() {
    }

    static List<SkillLevel> parse(List<String> options) {
        List<SkillLevel> skills = new ArrayList<>();
        if (options == null) {
            return skills;
        }
        for (String option : options) {
            int colon = option.lastIndexOf(':');
            try {
                skills.add(new SkillLevel(option.substring(0, colon),
                        Integer.parseInt(option.substring(colon + 1).trim())));
            } catch (RuntimeException e) {
                throw DmsException.invalid("--skill", "skill.format", "工种写作 代码:等级，如 机修:4（“" + option + "”）",
                        "write a skill as code:level, e.g. 机修:4 ('" + option + "')");
            }
        }
        return skills;
    }

    static String show(List<SkillLevel> skills) {
        return String.join(" ", skills.stream().map(s -> s.code() + ":" + s.level()).toList());
    }
}
