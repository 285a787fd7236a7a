/** {@code vigil coordinate}: posts in, coordinated networks out (CSV, JSON, GEXF, the store). */
package org.vigil.app.coordinate;
