/** Results of runs: steps, the 1-second intervals and error samples as stored, and the overview figures. */
package dev.benchdeck.server.result;
