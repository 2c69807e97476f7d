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
        this.randomRate = rate;
        this.random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        scripted.clear();
        randomFault = Fault.NONE;
        randomRate = 0;
    }

    synchronized Fault take() {
        if (!scripted.isEmpty()) return scripted.removeFirst();
        if (randomRate > 0 && random.nextDouble() < randomRate) return randomFault;
        return Fault.NONE;
    }
}
