package dev.rekindle.plugins.strategies;

import dev.rekindle.api.Stage;
import java.util.Map;
import org.pf4j.Extension;

/** 沉默期唤醒: silent customers (90–180 days) — still easy to wake; 20% off for the valuable ones. */
@Extension
public class WinbackSilent extends StageWinback {

    public WinbackSilent() {
        super("winback-silent", "Win back silent customers 沉默期唤醒 (targeted exclusive offer)", Stage.SILENT, "coupon-10");
        declare("offer.important_keep", "coupon-20");
        declare("offer.important_retain", "coupon-20");
        declare("offer.important_value", "coupon-20");
        declare("offer.important_develop", "coupon-20");
        configure(Map.of());
    }
}
