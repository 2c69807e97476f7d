package dev.rekindle.guard;

import dev.rekindle.api.ContactKind;
import java.util.Map;

/**
 * A customer as the guard sees them: contact addresses (full; never print them unmasked) and the latest
 * consent decision per channel ({@code *} = every channel; true = granted, false = refused).
 */
public record Recipient(long customerId, String buyerId, Map<ContactKind, String> addresses, Map<String, Boolean> consents) {

    public Recipient {
        addresses = addresses == null ? Map.of() : addresses;
        consents = consents == null ? Map.of() : consents;
    }

    public String address(ContactKind kind) {
        return addresses.get(kind);
    }
}
