package dev.rekindle.plugins.strategies;

import dev.rekindle.api.Stage;
import java.util.Map;
import org.pf4j.Extension;

/** 睡眠期唤醒: sleeping customers (180–270 days) need a stronger reason: an exclusive 20–30% offer. */
@Extension
public class WinbackSleeping extends StageWinback {

    public WinbackSleeping() {
        super("winback-sleeping", "Win back sleeping customers 睡眠期唤醒 (stronger exclusive offer)", Stage.SLEEPING, "coupon-20");
        declare("offer.important_keep", "coupon-30");
        declare("offer.important_retain", "coupon-30");
        declare("offer.important_value", "coupon-30");
        declare("offer.important_develop", "coupon-30");
        configure(Map.of());
    }
}
