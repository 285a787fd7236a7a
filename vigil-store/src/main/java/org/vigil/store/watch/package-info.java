/**
 * What {@code vigil watch} remembers between polls (pages and feeds already read, with their
 * validators and versions; the picture the last alerts were raised against) and the alerts it raised.
 */
package org.vigil.store.watch;
