package dev.rekindle.channel;

import dev.rekindle.api.Channel;

/**
 * How fast a channel is sent through, as {@code channels list/show} print it ("50/s; 1/s per sender").
 * The delivery package owns the rate settings and implements this, so channel does not depend on delivery.
 */
public interface SendRates {

    String describe(Channel channel);
}
