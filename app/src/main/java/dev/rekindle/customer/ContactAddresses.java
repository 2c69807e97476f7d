package dev.rekindle.customer;

import dev.rekindle.api.ContactKind;
import java.util.EnumMap;
import java.util.EnumSet;
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

    /** Copied per customer: EnumMap's copy constructor skips the reflective look-up of the enum's constants. */
    private static final EnumMap<ContactKind, String> NO_ADDRESSES = new EnumMap<>(ContactKind.class);

    /** The addresses of one customer's stored contact fields. */
    public Map<ContactKind, String> of(String mobile, String mobileNote, String email, String wechat) {
        Map<ContactKind, String> a = new EnumMap<>(NO_ADDRESSES);
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

    /** Every set of contact kinds, built once: CustomerView keeps an immutable set as it is instead of copying it. */
    private static final Set<ContactKind>[] CONTACT_SETS = contactSets();

    @SuppressWarnings("unchecked")
    private static Set<ContactKind>[] contactSets() {
        ContactKind[] kinds = ContactKind.values();
        Set<ContactKind>[] sets = new Set[1 << kinds.length];
        for (int mask = 0; mask < sets.length; mask++) {
            EnumSet<ContactKind> s = EnumSet.noneOf(ContactKind.class);
            for (ContactKind k : kinds) {
                if ((mask & (1 << k.ordinal())) != 0) s.add(k);
            }
            sets[mask] = Set.copyOf(s);
        }
        return sets;
    }

    /** The same kinds as a shared immutable set. */
    public static Set<ContactKind> kinds(Set<ContactKind> kinds) {
        int mask = 0;
        for (ContactKind k : kinds) {
            mask |= 1 << k.ordinal();
        }
        return CONTACT_SETS[mask];
    }
}
