/**
 * Support for the tests of every module (on their test classpath only): what a test needs from
 * outside the repository, and what happens when it is missing.
 */
package org.vigil.testing;
