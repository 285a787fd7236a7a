/**
 * The embedded store: one DuckDB file for articles, sources, evidence, claims, incidents, runs
 * and quarantined input, plus a Lucene index beside it for full-text search. {@link
 * org.vigil.store.VigilStore} is the only entry point; everything else here is a value it returns.
 */
package org.vigil.store;
