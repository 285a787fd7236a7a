package org.vigil.coordination.characterise;

import org.vigil.model.VigilException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state-media outlets of {@code state-media.csv}: web domains (a host matches its registered domain
 * and every subdomain) and platform handles (case-insensitive, without '@').
 */
public final class StateMediaRegistry {
    private final Map<String, String> domains = new HashMap<>();
    private final Map<String, String> accounts = new HashMap<>();

    private StateMediaRegistry() {
    }

    /** The list shipped with Vigil. */
    public static StateMediaRegistry bundled() {
        StateMediaRegistry r = new StateMediaRegistry();
        r.addAll(DataFiles.resource("state-media.csv", 4));
        return r;
    }

    /** The shipped list plus the rows of {@code extra} (same four columns). */
    public static StateMediaRegistry bundledPlus(Path extra) {
        StateMediaRegistry r = bundled();
        r.addAll(DataFiles.file(extra, 4));
        return r;
    }

    private void addAll(List<DataFiles.Row> rows) {
        for (DataFiles.Row row : rows) {
            String kind = row.cells()[0].toLowerCase(Locale.ROOT);
            String value = row.cells()[1].toLowerCase(Locale.ROOT);
            String outlet = row.cells()[2];
            if (value.isEmpty() || outlet.isEmpty()) {
                throw new VigilException(row.origin() + ":" + row.line() + ": value and outlet must not be empty");
            }
            switch (kind) {
                case "domain" -> domains.put(value.startsWith("www.") ? value.substring(4) : value, outlet);
                case "account" -> accounts.put(value.startsWith("@") ? value.substring(1) : value, outlet);
                default -> throw new VigilException(row.origin() + ":" + row.line() + ": kind must be domain or account, got '"
                        + row.cells()[0] + "'");
            }
        }
    }

    /** The outlet behind a host name, or null. */
    public String outletOfDomain(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        while (true) {
            String o = domains.get(h);
            if (o != null) {
                return o;
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return null; // stop at the registered domain: "com" alone never matches
            }
            h = h.substring(dot + 1);
        }
    }

    /** The outlet behind an account handle or id, or null. */
    public String outletOfAccount(String account) {
        if (account == null) {
            return null;
        }
        String a = account.strip().toLowerCase(Locale.ROOT);
        return accounts.get(a.startsWith("@") ? a.substring(1) : a);
    }

    public int size() {
        return domains.size() + accounts.size();
    }

    /** All outlets named in the registry, for reports. */
    public List<String> outlets() {
        List<String> out = new ArrayList<>(new java.util.TreeSet<>(domains.values()));
        return out;
    }
}
