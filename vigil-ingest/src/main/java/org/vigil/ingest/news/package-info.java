/**
 * News ingest: reads scraped articles (HTML, flattened text, JSONL), strips the page around the
 * story, repairs scraper debris and groups duplicate stories. {@link org.vigil.ingest.news.NewsIngest}
 * and {@link org.vigil.ingest.news.NewsDedup} are the entry points; everything else is internal.
 */
package org.vigil.ingest.news;
