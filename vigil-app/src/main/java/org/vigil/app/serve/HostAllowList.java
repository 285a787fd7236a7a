package org.vigil.app.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a request may give in its {@code Host} header, compared whole: the loopback names
 * ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}), plus, when the server is exposed, the
 * address it is bound to (every address of this machine for a wildcard bind) and the names given
 * with {@code --allow-host}. A port, when given, must be the server's own. A web page that rebinds
 * its domain to 127.0.0.1 still sends its own name, so it is refused; a prefix test such as "starts
 * with 127." let {@code 127.evil.com} through.
 */
final class HostAllowList {
    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final Set<String> names;

    private HostAllowList(Set<String> names) {
        this.names = Collections.unmodifiableSet(names);
    }

    static HostAllowList of(ServerSettings settings) {
        Set<String> names = new TreeSet<>(LOOPBACK);
        if (!settings.loopback()) {
            String bind = normalise(settings.bind());
            if (bind.equals("0.0.0.0") || bind.equals("[::]") || bind.equals("[0:0:0:0:0:0:0:0]")) {
                names.addAll(localAddresses());
            } else {
                names.add(bind);
            }
        }
        for (String h : settings.allowedHosts()) {
            names.add(normalise(h));
        }
        return new HostAllowList(names);
    }

    Set<String> names() {
        return names;
    }

    /**
     * Null when {@code host} (the header as sent, null when absent) names this server on
     * {@code port}; otherwise the reason it does not, for a 403.
     */
    String refusal(String host, int port) {
        if (host == null) {
            return null; // HTTP/1.0 clients; every browser sends Host
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        String name;
        String portText;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            name = end > 0 ? h.substring(0, end + 1) : h;
            portText = end > 0 && end + 1 < h.length() ? h.substring(end + 1) : null;
        } else {
            int colon = h.indexOf(':');
            name = colon >= 0 ? h.substring(0, colon) : h;
            portText = colon >= 0 ? h.substring(colon) : null;
        }
        boolean portOk = portText == null || portText.equals(":" + port);
        if (names.contains(name) && portOk) {
            return null;
        }
        String shown = host.length() <= 80 ? host : host.substring(0, 80) + "...";
        return "Host '" + shown + "' is not a name of this Vigil server, which answers to " + String.join(", ", names)
                + " on port " + port + " (a page on another site may be reaching it through DNS rebinding); "
                + "to serve another name, restart with --bind and --token, and --allow-host NAME";
    }

    /** Lower case, IPv6 literals in brackets and in their short form. */
    static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            try {
                InetAddress a = InetAddress.getByName(h);
                return "[" + shortForm(a.getHostAddress()) + "]";
            } catch (UnknownHostException e) {
                return "[" + h + "]";
            }
        }
        return h;
    }

    private static String shortForm(String ipv6) {
        String s = ipv6.replaceAll("%.*$", "");
        // the longest run of zero groups becomes "::", as browsers write it
        String[] groups = s.split(":", -1);
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].replaceAll("^0+", "").isEmpty()) {
                int j = i;
                while (j < groups.length && groups[j].replaceAll("^0+", "").isEmpty()) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart && bestLen > 1) {
                b.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            b.append(groups[i].replaceAll("^0+(?=.)", ""));
            if (i < groups.length - 1) {
                b.append(':');
            }
        }
        return b.toString();
    }

    private static Set<String> localAddresses() {
        Set<String> out = new TreeSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    out.add(a instanceof Inet6Address ? "[" + shortForm(a.getHostAddress()) + "]" : a.getHostAddress());
                }
            }
        } catch (SocketException e) {
            // no interface list: only the loopback names and --allow-host are answered
        }
        try {
            out.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // this machine has no resolvable name
        }
        return out;
    }
}
