/** HTTP/2 over TLS on the JDK client: one multiplexed connection per driver. */
package dev.benchdeck.driver.http.h2;
