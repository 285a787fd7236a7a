/**
 * Read-only, parameterised queries the dashboard needs beyond {@link org.vigil.store.VigilStore}'s
 * own: coordinated networks, their members, shared objects and graph, accounts, filtered incidents
 * and the evidence behind one claim. Every query runs through {@link org.vigil.store.VigilStore#read};
 * values are always bound, never spliced into SQL text.
 */
package org.vigil.store.query;
