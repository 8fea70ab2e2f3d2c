package ${package};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The plugin's settings. Change them in the console ({@code config:edit ${package}}, {@code config:property-set
 * maxLength 200}, {@code config:update}) or in {@code etc/${package}.cfg}; they apply without a restart, and the
 * platform keeps them in the dealer profile.
 */
@ObjectClassDefinition(name = "${pluginId}: notes", description = "车辆备注设置 Settings of vehicle notes")
public @interface NotesConfig {

    String PID = "${package}";
    int DEFAULT_MAX_LENGTH = 500;
    /** The column holds 2000 characters. */
    int LONGEST = 2000;

    @AttributeDefinition(min = "1", max = "" + LONGEST,
            description = "备注最多字数 Longest note, in characters (1–2000); another value is logged and 500 used")
    int maxLength() default DEFAULT_MAX_LENGTH;
}
