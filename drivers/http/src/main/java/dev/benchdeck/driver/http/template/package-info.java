/**
 * Plan templates ({@code ${seq}}, {@code ${user}}, random values, data-file columns) compiled once
 * and rendered per request into reusable byte buffers; data files (CSV, JSON Lines) behind them.
 */
package dev.benchdeck.driver.http.template;
