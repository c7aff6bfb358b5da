package dev.benchdeck.driver.http;

import java.util.BitSet;
import java.util.Collection;

/** Which response statuses count as success: the plan's {@code expect_status}, or any 2xx by default. */
public final class ExpectedStatus {

    public static final int MIN = 100;
    public static final int MAX = 599;
    public static final ExpectedStatus ANY_2XX = new ExpectedStatus(null);

    private final BitSet accepted;

    private ExpectedStatus(BitSet accepted) {
        this.accepted = accepted;
    }

    public static ExpectedStatus of(Collection<Integer> statuses) {
        BitSet accepted = new BitSet(MAX + 1);
        statuses.forEach(accepted::set);
        return new ExpectedStatus(accepted);
    }

    public boolean accepts(int status) {
        if (accepted == null) {
            return status >= 200 && status < 300;
        }
        return status >= 0 && accepted.get(status);
    }
}
