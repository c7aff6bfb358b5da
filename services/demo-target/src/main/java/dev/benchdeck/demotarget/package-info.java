/** The demo target: HTTP endpoints made for trying Benchdeck out, shared by the CLI and the server. */
package dev.benchdeck.demotarget;
