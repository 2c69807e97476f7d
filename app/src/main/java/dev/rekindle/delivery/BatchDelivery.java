package dev.rekindle.delivery;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.customer.MobileNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Hands claimed messages of one channel to it — one message, or a provider batch — so that one bad
 * recipient costs only its own message:
 * <ul>
 * <li>a mobile number that cannot receive SMS (libphonenumber) fails for good before any call, alone;</li>
 * <li>a batch call refused as a whole with one permanent code (Aliyun's SendBatchSms fails entirely for
 *     one illegal number) is split: each message goes again alone, so only the bad one fails — safe, as a
 *     permanent failure means the provider took nothing;</li>
 * <li>a failed call counts once toward the run's halt rule, however many messages it carried.</li>
 * </ul>
 */
final class BatchDelivery {

    /** Codes of messages refused before the channel was called. */
    static final String INVALID_NUMBER = "invalid-number";
    static final String NOT_MOBILE = "not-a-mobile";

    /**
     * The answers, in the order of the requests.
     *
     * @param failedCall whether answer k stands for a failed provider call (transient or unknown): one per call
     */
    record Results(List<DeliveryResult> answers, boolean[] failedCall) {
        DeliveryResult get(int k) {
            return answers.get(k);
        }

        boolean countsTowardHalt(int k) {
            return failedCall[k];
        }
    }

    private BatchDelivery() {
    }

    /** @param call one provider call for the given requests (one answer each, never throwing) */
    static Results send(Channel channel, ChannelTraits traits, List<DeliveryRequest> requests,
            BiFunction<Channel, List<DeliveryRequest>, List<DeliveryResult>> call) {
        DeliveryResult[] answers = new DeliveryResult[requests.size()];
        boolean[] failedCall = new boolean[requests.size()];
        List<Integer> go = new ArrayList<>();
        for (int k = 0; k < requests.size(); k++) {
            DeliveryResult refused = traits.contact() == ContactKind.MOBILE ? refusedNumber(requests.get(k).recipient()) : null;
            if (refused != null) answers[k] = refused;
            else go.add(k);
        }
        if (go.size() > 1) {
            List<DeliveryResult> r = call.apply(channel, go.stream().map(requests::get).toList());
            if (refusedAsAWhole(r)) {
                go.forEach(k -> single(channel, requests, k, answers, failedCall, call));
            } else {
                boolean counted = false;
                for (int i = 0; i < go.size(); i++) {
                    answers[go.get(i)] = r.get(i);
                    if (!counted && failing(r.get(i))) {
                        failedCall[go.get(i)] = true;
                        counted = true;
                    }
                }
            }
        } else if (go.size() == 1) {
            single(channel, requests, go.get(0), answers, failedCall, call);
        }
        return new Results(Arrays.asList(answers), failedCall);
    }

    private static void single(Channel channel, List<DeliveryRequest> requests, int k, DeliveryResult[] answers, boolean[] failedCall,
            BiFunction<Channel, List<DeliveryRequest>, List<DeliveryResult>> call) {
        answers[k] = call.apply(channel, List.of(requests.get(k))).get(0);
        failedCall[k] = failing(answers[k]);
    }

    /** Null when the number can receive SMS; otherwise the permanent failure of its message. */
    static DeliveryResult refusedNumber(String recipient) {
        return switch (MobileNumbers.check(recipient)) {
            case MOBILE -> null;
            case NOT_MOBILE -> DeliveryResult.permanentFailure(NOT_MOBILE, "a landline or service number cannot receive SMS");
            case INVALID -> DeliveryResult.permanentFailure(INVALID_NUMBER, "not a valid mobile number (no such number exists)");
        };
    }

    /** Every answer the same permanent failure: the provider refused the call, not each message. */
    private static boolean refusedAsAWhole(List<DeliveryResult> r) {
        DeliveryResult first = r.get(0);
        return first.outcome() == DeliveryResult.Outcome.PERMANENT
                && r.stream().allMatch(x -> x.outcome() == DeliveryResult.Outcome.PERMANENT && java.util.Objects.equals(x.code(), first.code()));
    }

    private static boolean failing(DeliveryResult r) {
        return r.outcome() == DeliveryResult.Outcome.TRANSIENT || r.outcome() == DeliveryResult.Outcome.UNKNOWN;
    }
}
