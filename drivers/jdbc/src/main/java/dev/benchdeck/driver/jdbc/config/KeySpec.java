package dev.benchdeck.driver.jdbc.config;

/**
 * Which existing ids the built-in operations touch: uniformly spread, or Zipfian with {@code skew}
 * (0 &lt; skew &lt; 1; the larger, the more operations hit the few hottest ids).
 */
public record KeySpec(boolean zipfian, double skew) {

    public static final double DEFAULT_SKEW = 0.99;

    public static KeySpec uniform() {
        return new KeySpec(false, DEFAULT_SKEW);
    }
}
