/** The {@code vigil export} and {@code vigil import} commands and the dashboard's export and curated-intelligence endpoints. */
package org.vigil.app.exchange;
