package org.vigil.app.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line it cannot parse, an address or headers too long, an
 * ambiguous path) never reach Javalin; this handler makes them look like every other answer of the
 * server: problem+json, the security headers, no stack trace and no server name.
 */
final class ProblemErrorHandler extends ErrorHandler {
    ProblemErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        HttpFields.Mutable headers = response.getHeaders();
        DashboardServer.SECURITY_HEADERS.forEach(headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_TYPE, DashboardServer.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        DashboardServer.SECURITY_HEADERS.forEach(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, DashboardServer.PROBLEM_JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        return Json.bytes(Json.obj().with("type", "about:blank").with("title", title(status)).with("status", status)
                .with("detail", detail(status, reason)));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    private static final Map<Integer, String> WHAT_TO_DO = Map.of(
            400, "the request is malformed",
            413, "this read-only server takes no request body",
            414, "the address is longer than this server reads; shorten the query",
            431, "the request headers are larger than this server reads; send fewer or shorter headers (cookies?)",
            500, "an unexpected error occurred; the server log has the details");

    private static String detail(int status, String reason) {
        String base = WHAT_TO_DO.getOrDefault(status, "the request could not be served");
        if (status == 400 && reason != null && !reason.isBlank() && !reason.equalsIgnoreCase("Bad Request")) {
            String r = reason.length() <= 120 ? reason : reason.substring(0, 120) + "...";
            return base + ": " + r;
        }
        return base;
    }
}
