/** vigil-store. */
package org.vigil.store;
