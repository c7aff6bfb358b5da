package dev.benchdeck.mockllm;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/** The injectable faults, with their names in the {@code X-Mock-Fault} header. */
enum Fault {
    RATE_LIMIT("429"),
    SERVER_ERROR("500"),
    ERROR_EVENT("error"),
    DROP("drop"),
    STALL("stall");

    private final String headerName;

    Fault(String headerName) {
        this.headerName = headerName;
    }

    /** Draws each fault on its own with its share. */
    static Set<Fault> draw(FaultShares shares, RandomGenerator random) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        addIf(faults, RATE_LIMIT, shares.rateLimit(), random);
        addIf(faults, SERVER_ERROR, shares.serverError(), random);
        addIf(faults, ERROR_EVENT, shares.errorEvent(), random);
        addIf(faults, DROP, shares.drop(), random);
        addIf(faults, STALL, shares.stall(), random);
        return faults;
    }

    /** Parses a header value: comma-separated names, or {@code none}. */
    static Set<Fault> parse(String header) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (String part : header.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.equals("none")) {
                continue;
            }
            faults.add(Arrays.stream(values()).filter(f -> f.headerName.equals(name)).findFirst()
                    .orElseThrow(() -> RefusedRequest.badRequest("X-Mock-Fault: unknown fault '" + name + "', expected one of "
                            + Arrays.stream(values()).map(f -> f.headerName).collect(Collectors.joining(", ")) + " or none")));
        }
        return faults;
    }

    private static void addIf(Set<Fault> faults, Fault fault, double share, RandomGenerator random) {
        if (share > 0 && random.nextDouble() < share) {
            faults.add(fault);
        }
    }
}
