/** What Vigil writes for people and spreadsheets: the one CSV writer (formula-guarded) and terminal-safe text. */
package org.vigil.app.output;
