/**
 * The co-action detectors: what object each post shares (normalised URLs, hashtags, texts, re-shared
 * post ids, near-duplicate text buckets), and pure functions over the time-ordered shares of one object.
 */
package org.vigil.coordination.detect;
