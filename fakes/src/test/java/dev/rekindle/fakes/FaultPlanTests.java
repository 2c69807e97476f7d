package dev.rekindle.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTests {

    @Test
    void aMixMeetsEveryNamedFaultAtAboutTheGivenRateAndNoOther() {
        FaultPlan plan = new FaultPlan().randomMix(0.05, 7, Fault.HTTP_500, Fault.THROTTLING, Fault.DROP_AFTER_RECEIPT);
        Map<Fault, Integer> met = new EnumMap<>(Fault.class);
        for (int k = 0; k < 20_000; k++) met.merge(plan.take(), 1, Integer::sum);

        int faults = 20_000 - met.getOrDefault(Fault.NONE, 0);
        assertTrue(faults > 800 && faults < 1200, "about 5 % of 20,000: " + met);
        for (Fault f : new Fault[] {Fault.HTTP_500, Fault.THROTTLING, Fault.DROP_AFTER_RECEIPT}) {
            assertTrue(met.getOrDefault(f, 0) > faults / 5, f + " among the faults: " + met);
        }
        assertEquals(4, met.size(), "only the named faults and NONE: " + met);
    }

    @Test
    void scriptedFaultsComeFirstAndClearEndsTheMix() {
        FaultPlan plan = new FaultPlan().randomMix(1.0, 7, Fault.HTTP_500).next(Fault.TIMEOUT, 1);
        assertEquals(Fault.TIMEOUT, plan.take());
        assertEquals(Fault.HTTP_500, plan.take());
        plan.clear();
        assertEquals(Fault.NONE, plan.take());
    }
}
