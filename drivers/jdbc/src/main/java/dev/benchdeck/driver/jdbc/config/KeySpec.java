package dev.benchdeck.driver.jdbc.config;

/**
 * Which existing ids the built-in operations touch: uniformly spread, or Zipfian with {@code skew}
 * (above 0, at most 10; the larger, the more operations hit the few hottest ids).
 */
public record KeySpec(boolean zipfian, double skew) {

    public static final double DEFAULT_SKEW = 0.99;
    public static final double MAX_SKEW = 10;

    public static KeySpec uniform() {
        return new KeySpec(false, DEFAULT_SKEW);
    }
}
