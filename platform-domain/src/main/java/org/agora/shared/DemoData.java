package org.agora.shared;

import java.time.Instant;

/**
 * A demo installation starts (agora.demo-data): each capability observes this event and seeds its own demo data
 * if it has none yet, in the order of these priorities, in the transaction of the start. The territory comes first,
 * which the others refer to.
 */
public record DemoData(Instant now) {

    public static final int TERRITORY = 100;
    public static final int CONSULTATIONS = 200;
    public static final int BUDGET = 300;
    public static final int COUNCILS = 400;
    public static final int MODERATION = 500;
}
