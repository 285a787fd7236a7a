package org.vigil.model;

import java.util.List;

/** Everything extracted from one article. */
public record Extraction(Article article, List<Claim> claims, List<Incident> incidents) {
    public Extraction {
        claims = List.copyOf(claims);
        incidents = List.copyOf(incidents);
    }
}
