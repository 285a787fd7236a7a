/**
 * {@code vigil report}: the who-wants-whom matrix and the incident timeline from a Vigil store,
 * as a terminal table, JSON or CSV. {@link org.vigil.app.report.ReportPrinter} does the printing
 * for any command that shows them.
 */
package org.vigil.app.report;
