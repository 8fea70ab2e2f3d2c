package org.opendms.itests.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One operation of /api/openapi.json as the security suite walks it: method, path template, its parameters and the
 * schema of its request body ($refs resolved against the document's components).
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema,
        JsonNode document) {

    /** A path, query or header parameter of the operation. */
    public record Parameter(String name, String in) {
    }

    private static final Set<String> WRITING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Every operation of the document, in the document's order. */
    public static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                op.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(),
                        p.path("in").asText())));
                String bodyType = null;
                JsonNode bodySchema = MissingNode.getInstance();
                Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = first.getValue().path("schema");
                }
                operations.add(new ApiOperation(method.getKey().toUpperCase(), path.getKey(), parameters, bodyType,
                        bodySchema, document));
            }
        }
        return operations;
    }

    public String key() {
        return method + " " + path;
    }

    public boolean writes() {
        return WRITING.contains(method);
    }

    public boolean takesJson() {
        return bodyType != null && bodyType.contains("json");
    }

    public boolean takesIfMatch() {
        return parameters.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("If-Match"));
    }

    public List<String> parameterNames(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).map(Parameter::name).toList();
    }

    /** The schema with a $ref followed (once per level; the document's schemas are not recursive). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asText();
            s = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }
}
