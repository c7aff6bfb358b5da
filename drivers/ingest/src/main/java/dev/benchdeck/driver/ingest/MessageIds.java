package dev.benchdeck.driver.ingest;

import java.security.SecureRandom;

/**
 * Message ids: a run-unique prefix and the message's sequence in 12 digits ({@code bd-k3x9q0m2ab-000000000042}), so
 * ids sort as their sequences and a run's ids are one range of the sink's id index.
 */
public record MessageIds(String prefix) {

    static final int DIGITS = 12;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** A new random prefix: ten base-36 characters (about 52 bits), so two runs never share ids. */
    public static MessageIds random() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder("bd-");
        for (int i = 0; i < 10; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new MessageIds(b.append('-').toString());
    }

    public String id(long seq) {
        String digits = Long.toString(seq);
        return prefix + "0".repeat(Math.max(0, DIGITS - digits.length())) + digits;
    }

    /** The sequence of one of this run's ids, or -1 for any other id. */
    public long sequence(String id) {
        if (id == null || id.length() != prefix.length() + DIGITS || !id.startsWith(prefix)) {
            return -1;
        }
        long seq = 0;
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seq = seq * 10 + (c - '0');
        }
        return seq;
    }
}
