/** Wiring, configuration, the picocli command line and the server. */
package org.vigil.app;
