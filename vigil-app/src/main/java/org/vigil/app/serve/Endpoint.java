package org.vigil.app.serve;

import java.util.List;

/**
 * One GET endpoint of the API: its path (Javalin and OpenAPI both write parameters as
 * {@code {name}}), what it answers, its parameters and the handler that computes the JSON body.
 */
record Endpoint(String path, String tag, String summary, String description, List<Param> params, Handler handler) {

    /** Computes the response body from checked parameters; throws {@link ApiProblem} for 4xx answers. */
    @FunctionalInterface
    interface Handler {
        Object handle(Args args);
    }

    Endpoint {
        params = List.copyOf(params);
    }

    Param param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    List<String> queryNames() {
        return params.stream().filter(p -> p.in().equals("query")).map(Param::name).toList();
    }
}
