package org.vigil.app.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.vigil.model.VigilException;

/**
 * Where the dashboard listens and whether it asks for a token. A loopback address is reachable only
 * from this machine, so a token is optional there; any other address exposes the store's contents,
 * so it is refused without one.
 *
 * @param bind  an IP address or host name of this machine ({@code 127.0.0.1} by default)
 * @param port  0 to 65535; 0 picks a free port
 * @param token the access token, or null for none
 * @param allowedHosts further names the server answers to in the {@code Host} header (a reverse
 *                     proxy's public name, say), besides the loopback names and the bound address
 */
public record ServerSettings(String bind, int port, String token, List<String> allowedHosts) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** Shorter tokens are too easy to guess for a server that holds a whole store; longer ones must also carry 128 bits. */
    public static final int MIN_TOKEN_CHARS = 16;

    public ServerSettings {
        if (bind == null || bind.isBlank()) {
            throw new VigilException("--bind is empty: give an address of this machine such as 127.0.0.1");
        }
        bind = bind.strip();
        if (port < 0 || port > 65_535) {
            throw new VigilException("--port " + port + " is not a TCP port: use 1 to 65535 (or 0 for any free port)");
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && (token.length() < MIN_TOKEN_CHARS || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new VigilException("the access token must be at least " + MIN_TOKEN_CHARS
                    + " printable ASCII characters without spaces; generate one with 'openssl rand -hex 24'");
        }
        String weakness = token == null ? null : TokenStrength.weakness(token);
        if (weakness != null) {
            throw new VigilException(weakness);
        }
        allowedHosts = List.copyOf(allowedHosts == null ? List.of() : allowedHosts);
        for (String h : allowedHosts) {
            if (h.isBlank() || !h.strip().matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
                throw new VigilException("--allow-host '" + h + "' is not a host name or address: give a name such as "
                        + "vigil.example.org (no port, no scheme)");
            }
        }
        if (token == null && !isLoopback(bind)) {
            throw new VigilException("refusing to serve on " + bind + " without an access token: anyone who can reach it could "
                    + "read the store; pass --token or set VIGIL_TOKEN, or bind to 127.0.0.1");
        }
    }

    /** No names beyond the loopback ones and the bound address. */
    public ServerSettings(String bind, int port, String token) {
        this(bind, port, token, List.of());
    }

    /** Loopback on the defaults. */
    public static ServerSettings local(int port) {
        return new ServerSettings(DEFAULT_BIND, port, null);
    }

    public boolean loopback() {
        return isLoopback(bind);
    }

    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new VigilException("--bind " + bind + " is not an address of this machine: " + e.getMessage()
                    + "; give an IP address such as 127.0.0.1");
        }
    }

    @Override
    public String toString() {
        return "ServerSettings[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "set")
                + ", allowedHosts=" + allowedHosts + "]";
    }
}
