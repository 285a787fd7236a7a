/**
 * The dashboard's API: latency on a store of benchmark size (10,000 articles, coordination over 1M
 * posts; {@code ServeBench}) and throughput under concurrent load on loopback ({@code LoadBench}).
 */
package org.vigil.bench.serve;
