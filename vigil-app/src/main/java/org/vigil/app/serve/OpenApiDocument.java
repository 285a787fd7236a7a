package org.vigil.app.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of the API, generated from the same endpoint declarations that
 * validate requests, so the two cannot drift apart.
 */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static Map<String, Object> of(List<Endpoint> endpoints, String version) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            List<Object> params = new ArrayList<>();
            for (Param p : e.params()) {
                params.add(Json.obj().with("name", p.name()).with("in", p.in()).with("required", p.required())
                        .with("description", p.description()).with("schema", schema(p)));
            }
            Json.Obj responses = Json.obj()
                    .with("200", Json.obj().with("description", "OK").with("content",
                            Json.obj().with("application/json", Json.obj().with("schema", Json.obj().with("type", "object")))))
                    .with("400", problem("A parameter is unknown, repeated, of the wrong type or out of bounds; errors[] names each."))
                    .with("401", problem("The server has an access token and the request did not carry it."));
            if (e.path().contains("{") || e.params().stream().anyMatch(p -> p.name().equals("run"))) {
                responses.put("404", problem("No such claim, article, run, network or account."));
            }
            String operationId = e.path().replaceFirst("^/api/", "").replaceAll("[{}]", "").replaceAll("[/.]", "_");
            paths.put(e.path(), Json.obj().with("get", Json.obj().with("tags", List.of(e.tag())).with("summary", e.summary())
                    .with("description", e.description()).with("operationId", operationId).with("parameters", params)
                    .with("responses", responses)));
        }
        Json.Obj problem = Json.obj().with("type", "object").with("description", "RFC 9457 problem details.")
                .with("properties", Json.obj()
                        .with("type", Json.obj().with("type", "string"))
                        .with("title", Json.obj().with("type", "string"))
                        .with("status", Json.obj().with("type", "integer"))
                        .with("detail", Json.obj().with("type", "string"))
                        .with("instance", Json.obj().with("type", "string"))
                        .with("errors", Json.obj().with("type", "array").with("items", Json.obj().with("type", "object")
                                .with("properties", Json.obj().with("name", Json.obj().with("type", "string"))
                                        .with("message", Json.obj().with("type", "string"))))))
                .with("required", List.of("type", "title", "status"));
        return Json.obj().with("openapi", "3.1.0")
                .with("info", Json.obj().with("title", "Vigil API").with("version", version)
                        .with("description", "Read-only access to a Vigil store: the who-wants-whom matrix and its evidence, "
                                + "interference incidents, full-text search, and coordinated account networks. Lists are "
                                + "paginated with offset and limit (at most 1000); ids of claims and evidence are strings of digits.")
                        .with("license", Json.obj().with("name", "GPL-3.0-or-later").with("identifier", "GPL-3.0-or-later")))
                .with("paths", paths)
                .with("components", Json.obj().with("schemas", Json.obj().with("Problem", problem))
                        .with("securitySchemes", Json.obj().with("bearer", Json.obj().with("type", "http").with("scheme", "bearer")
                                .with("description", "Needed only when the server was started with a token."))));
    }

    private static Object problem(String description) {
        return Json.obj().with("description", description).with("content", Json.obj().with("application/problem+json",
                Json.obj().with("schema", Json.obj().with("$ref", "#/components/schemas/Problem"))));
    }

    private static Map<String, Object> schema(Param p) {
        Json.Obj s = Json.obj().with("type", p.type().jsonType);
        switch (p.type()) {
            case DATE -> s.put("format", "date");
            case INTEGER, NUMBER -> {
                if (p.min() != null) {
                    s.put("minimum", p.min());
                }
                if (p.max() != null) {
                    s.put("maximum", p.max());
                }
            }
            case STRING -> {
                if (p.max() != null) {
                    s.put("maxLength", p.max());
                }
                if (p.min() != null) {
                    s.put("minLength", p.min());
                }
                if (!p.allowed().isEmpty()) {
                    s.put("enum", p.allowed());
                }
                if (p.pattern() != null) {
                    s.put("pattern", "^" + p.pattern() + "$");
                }
            }
            default -> {
            }
        }
        if (p.defaultValue() != null) {
            s.put("default", p.defaultValue());
        }
        return s;
    }
}
