// The archetype plugin checks validationRegex only when it asks interactively (ARCHETYPE-532), so batch generation
// checks the plugin id here, with the platform's rule (DmsPlugin.ID_PATTERN), and leaves nothing behind on refusal.
def id = request.properties.getProperty('pluginId')
if (!(id ==~ /[a-z][a-z0-9-]{0,39}/)) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("pluginId '" + id + "' is not a plugin id: lower-case letters, digits and dashes, "
            + "starting with a letter, at most 40 characters (for example tyre-hotel)")
}
