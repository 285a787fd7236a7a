/**
 * Streaming readers for social-media post exports (CSV and JSON lines, gzip or not) into
 * {@link org.vigil.model.Post}s; entry point {@link org.vigil.ingest.posts.PostReaders}.
 * Everything here other than {@code PostReaders}, {@code PostFormat} and {@code ReadSummary}
 * is internal and may change without notice.
 */
package org.vigil.ingest.posts;
