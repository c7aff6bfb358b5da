/**
 * HTTP/1.1: sessions on blocking sockets ({@link dev.benchdeck.driver.http.h1.Http1Session}) and on the
 * {@link dev.benchdeck.driver.http.h1.EventLoop} ({@link dev.benchdeck.driver.http.h1.NonBlockingHttp1Session}),
 * own or shared connections, the in-place response parser, request rendering, and the journey runtime.
 */
package dev.benchdeck.driver.http.h1;
