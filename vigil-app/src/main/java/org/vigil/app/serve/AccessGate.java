package org.vigil.app.serve;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may read. With a token, every request must carry it as {@code Authorization: Bearer TOKEN}
 * or hold a session cookie; a browser gets the cookie by opening any page once with
 * {@code ?token=TOKEN}, after which it is sent on to the same page without the token in its
 * address (so it stays out of history and logs). Every request, with a token or without, must name
 * this server in its {@code Host} header ({@link HostAllowList}), so a web page cannot reach the API
 * by rebinding its own domain to this machine's address.
 */
final class AccessGate {
    static final String COOKIE = "vigil_session";
    /** Sessions older than this must log in again. */
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** A cap on live sessions, so repeated logins cannot grow memory without bound. */
    static final int MAX_SESSIONS = 10_000;

    /** Thrown to end a request with a redirect that sets the session cookie. */
    static final class Login extends RuntimeException {
        final String location;
        final String session;

        Login(String location, String session) {
            super(null, null, false, false);
            this.location = location;
            this.session = session;
        }
    }

    private final byte[] token;
    private final HostAllowList hosts;
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    AccessGate(String token, HostAllowList hosts) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.hosts = hosts;
    }

    boolean enabled() {
        return token != null;
    }

    /** Passes the request, or throws the 403, 401 or login redirect that answers it; {@code query} is its decoded query. */
    void check(Context ctx, Map<String, List<String>> query) {
        String refusal = hosts.refusal(ctx.header("Host"), ctx.req().getLocalPort());
        if (refusal != null) {
            throw ApiProblem.forbidden(refusal);
        }
        if (token == null) {
            return;
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && matches(auth.substring(7).strip())) {
            return;
        }
        String session = ctx.cookie(COOKIE);
        if (session != null && live(session)) {
            return;
        }
        List<String> given = query.get("token");
        if (given != null && given.size() == 1 && matches(given.get(0)) && "GET".equals(ctx.method().name())) {
            throw new Login(withoutToken(ctx.path(), query), newSession());
        }
        throw ApiProblem.unauthorized("this Vigil server needs its access token: send 'Authorization: Bearer TOKEN', "
                + "or open /?token=TOKEN once in the browser");
    }

    private boolean matches(String candidate) {
        return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private boolean live(String session) {
        Instant created = sessions.get(session);
        if (created == null) {
            return false;
        }
        if (created.plus(SESSION_LIFETIME).isBefore(Instant.now())) {
            sessions.remove(session);
            return false;
        }
        return true;
    }

    private String newSession() {
        if (sessions.size() >= MAX_SESSIONS) {
            Instant cutoff = Instant.now().minus(SESSION_LIFETIME);
            sessions.values().removeIf(t -> t.isBefore(cutoff));
            Iterator<String> oldest = sessions.keySet().iterator();
            while (sessions.size() >= MAX_SESSIONS && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        sessions.put(id, Instant.now());
        return id;
    }

    /** The same path with every parameter but {@code token}; always a local path, never another site. */
    private static String withoutToken(String path, Map<String, List<String>> query) {
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            path = "/";
        }
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equals("token")) {
                continue;
            }
            for (String v : e.getValue()) {
                q.append(q.length() == 0 ? '?' : '&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return path + q;
    }

    static String cookieHeader(String session) {
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION_LIFETIME.toSeconds();
    }
}
