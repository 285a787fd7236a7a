/** Latency of the dashboard's API on a store of benchmark size (10,000 articles, coordination over 1M posts). */
package org.vigil.bench.serve;
