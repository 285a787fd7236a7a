/** The coordination results' tables in the store: runs, networks, accounts, edges, evidence, leans. */
package org.vigil.store.coordination;
