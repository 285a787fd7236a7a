package org.vigil.store.query;

/** How many claims and incidents are about one election cycle (null: neither text nor date says). */
public record CycleCount(Integer cycle, long claims, long incidents) {
}
