/**
 * Gateway targets seen from the dashboard: their status pushed over the live feed while someone watches,
 * and their runtime configuration read and written through the server, which keeps the admin token.
 */
package dev.benchdeck.server.gateway;
