/**
 * Vigil's findings in analysts' formats and back: STIX 2.1 bundles out ({@link org.vigil.exchange.StixExporter})
 * and in ({@link org.vigil.exchange.StixImporter}), every table as CSV or Parquet
 * ({@link org.vigil.exchange.TableExport}), and the graph of a stored coordination run ({@link org.vigil.exchange.StoredRun}).
 */
package org.vigil.exchange;
