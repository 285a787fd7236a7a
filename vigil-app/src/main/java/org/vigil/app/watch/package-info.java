/**
 * {@code vigil watch}: polls feeds, sitemaps and folders, runs new articles through the same ingest
 * and extraction as {@code ingest news}, runs the coordination engine on new post exports, and
 * raises alerts for what changed (to a JSONL file, stdout and webhooks, and into the store).
 */
package org.vigil.app.watch;
