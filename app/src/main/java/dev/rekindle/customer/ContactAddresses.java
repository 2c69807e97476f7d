package dev.rekindle.customer;

import dev.rekindle.api.ContactKind;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where a customer can be reached, by contact kind, from the contact fields as stored: the rules a live
 * read and a row packed when planning both apply, so both find the same addresses. The group kind's
 * address is the shop's customer group, the same for everyone (none when its name is blank).
 */
@Component
public class ContactAddresses {

    private final String groupName;
    private final boolean hasGroup;

    @Autowired
    public ContactAddresses(GroupContactProperties group) {
        this(group.groupName() == null ? "" : group.groupName());
    }

    public ContactAddresses(String groupName) {
        this.groupName = groupName;
        this.hasGroup = !groupName.isBlank(); // asked per customer: isBlank on Chinese text is not free
    }

    /** The shop's group as an address, or null when it has none. */
    public String group() {
        return hasGroup ? groupName : null;
    }

    /**
     * The addresses of one customer's stored contact fields, in a new map the caller may add to (the
     * addresses of other kinds, customer_contacts: see OtherContacts).
     */
    public Map<ContactKind, String> of(String mobile, String mobileNote, String email, String wechat) {
        Map<ContactKind, String> a = new java.util.HashMap<>(8);
        String m = mobileAddress(mobile, mobileNote);
        if (m != null) a.put(ContactKind.MOBILE, m);
        String e = emailAddress(email);
        if (e != null) a.put(ContactKind.EMAIL, e);
        String w = wechatAddress(wechat);
        if (w != null) a.put(ContactKind.WECHAT, w);
        if (hasGroup) a.put(ContactKind.GROUP, groupName);
        return a;
    }

    public static String mobileAddress(String mobile, String note) {
        return usableMobile(mobile, note) ? mobile.strip() : null;
    }

    public static String emailAddress(String email) {
        return email != null && email.indexOf('@') > 0 ? email.strip() : null;
    }

    public static String wechatAddress(String wechat) {
        return wechat != null && !wechat.isBlank() ? wechat.strip() : null;
    }

    /** Masked (138****1234) and virtual (platform relay) numbers cannot receive an SMS from the shop. */
    static boolean usableMobile(String mobile, String note) {
        if (mobile == null || note != null || mobile.indexOf('*') >= 0) return false;
        int digits = 0;
        for (int i = 0; i < mobile.length(); i++) {
            if (Character.isDigit(mobile.charAt(i))) digits++;
        }
        return digits >= 11;
    }

    /** The kinds every host knows, in the order of {@link #CONTACT_SETS}' bits. */
    private static final java.util.List<ContactKind> KNOWN = ContactKind.known();

    /**
     * Every set of the known contact kinds, built once: CustomerView keeps an immutable set as it is instead
     * of copying it. A customer with an address of another kind (customer_contacts) gets a set of their own.
     */
    private static final Set<ContactKind>[] CONTACT_SETS = contactSets();

    @SuppressWarnings("unchecked")
    private static Set<ContactKind>[] contactSets() {
        Set<ContactKind>[] sets = new Set[1 << KNOWN.size()];
        for (int mask = 0; mask < sets.length; mask++) {
            java.util.List<ContactKind> s = new java.util.ArrayList<>();
            for (int k = 0; k < KNOWN.size(); k++) {
                if ((mask & (1 << k)) != 0) s.add(KNOWN.get(k));
            }
            sets[mask] = Set.copyOf(s);
        }
        return sets;
    }

    /** The same kinds as a shared immutable set (a set of its own when one is not a known kind). */
    public static Set<ContactKind> kinds(Set<ContactKind> kinds) {
        int mask = 0;
        for (ContactKind k : kinds) {
            int bit = KNOWN.indexOf(k);
            if (bit < 0) return Set.copyOf(kinds);
            mask |= 1 << bit;
        }
        return CONTACT_SETS[mask];
    }
}
