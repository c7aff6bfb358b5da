/**
 * CPU accounting while a run goes: samples of the machine's busy time ({@code /proc/stat} on Linux)
 * and of this process's own CPU time, so that results can say how much other processes used.
 */
package dev.benchdeck.engine.cpu;
