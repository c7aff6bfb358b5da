/** Benchdeck's streaming gateway seen from outside: its admin API client, its connection check and its telemetry during runs. */
package dev.benchdeck.driver.llm.gateway;
