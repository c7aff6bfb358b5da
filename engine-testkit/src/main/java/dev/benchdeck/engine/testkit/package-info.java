/**
 * The driver compatibility kit: {@link dev.benchdeck.engine.testkit.DriverCompatibilityKit}, an abstract
 * JUnit 5 test that every driver's session test extends, and the
 * {@link dev.benchdeck.engine.testkit.FaultyProxy} it puts in front of the driver's real target to make
 * it stall, hang up or go away; {@link dev.benchdeck.engine.testkit.RedisProcess} and
 * {@link dev.benchdeck.engine.testkit.KafkaProcess}, real servers a test starts on free ports and kills. Test code:
 * drivers and services depend on this module at test scope.
 */
package dev.benchdeck.engine.testkit;
