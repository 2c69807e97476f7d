package dev.rekindle.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Which fault the next requests meet: scripted ones first ("the next 3 requests get HTTP 500"), then a
 * random fault at a given rate (seeded, so a demo or benchmark run can be repeated).
 */
public final class FaultPlan {

    private final Deque<Fault> scripted = new ArrayDeque<>();
    private Fault randomFault = Fault.NONE;
    private Fault[] randomMix = {};
    private double randomRate;
    private Random random = new Random(42);

    /** The next {@code count} requests meet {@code fault}, after any already scripted. */
    public synchronized FaultPlan next(Fault fault, int count) {
        for (int k = 0; k < count; k++) scripted.addLast(fault);
        return this;
    }

    /** After the scripted ones, each request meets {@code fault} with probability {@code rate}. */
    public synchronized FaultPlan random(Fault fault, double rate, long seed) {
        this.randomFault = fault;
        this.randomMix = new Fault[0];
        this.randomRate = rate;
        this.random = new Random(seed);
        return this;
    }

    /**
     * After the scripted ones, each request meets a fault with probability {@code rate}, one of {@code kinds}
     * drawn with equal chance: a provider on a bad day fails in more than one way at once.
     */
    public synchronized FaultPlan randomMix(double rate, long seed, Fault... kinds) {
        if (kinds.length == 0) throw new IllegalArgumentException("name at least one fault");
        this.randomFault = kinds[0];
        this.randomMix = kinds.clone();
        this.randomRate = rate;
        this.random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        scripted.clear();
        randomFault = Fault.NONE;
        randomMix = new Fault[0];
        randomRate = 0;
    }

    synchronized Fault take() {
        if (!scripted.isEmpty()) return scripted.removeFirst();
        if (randomRate > 0 && random.nextDouble() < randomRate) {
            return randomMix.length == 0 ? randomFault : randomMix[random.nextInt(randomMix.length)];
        }
        return Fault.NONE;
    }
}
