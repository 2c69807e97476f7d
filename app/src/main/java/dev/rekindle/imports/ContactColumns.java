package dev.rekindle.imports;

import dev.rekindle.api.ContactKind;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code contact:<kind>} columns of a customers file: addresses of kinds the host has no column for
 * (a LINE or DingTalk user id…), for a channel plugin whose traits name that kind. The kind id follows
 * {@link ContactKind#of}; the known kinds have their own columns (mobile, email, wechat).
 */
record ContactColumns(Map<Integer, ContactKind> byIndex) {

    static final String PREFIX = "contact:";

    /** The header's contact columns; a clear error (file, line 1, column, how to fix) for a malformed one. */
    static ContactColumns of(String file, List<String> header) {
        Map<Integer, ContactKind> found = new LinkedHashMap<>();
        Map<ContactKind, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            if (!name.toLowerCase(Locale.ROOT).startsWith(PREFIX)) continue;
            String id = name.substring(PREFIX.length()).strip();
            ContactKind kind;
            try {
                kind = ContactKind.of(id);
            } catch (IllegalArgumentException e) {
                throw new UserException(Tr.f("%s line 1, column %d '%s': '%s' is not a contact kind. Name the column "
                        + "contact:<kind> with the kind the channel plugin declares: lower-case letters, digits and '-', "
                        + "starting with a letter (e.g. contact:line).", file, i + 1, name, id));
            }
            if (kind.isKnown()) {
                throw new UserException(Tr.f("%s line 1, column %d '%s': %s addresses have their own column; "
                        + "rename it to %s.", file, i + 1, name, kind.id(), ownColumn(kind)));
            }
            Integer before = seen.put(kind, i);
            if (before != null) {
                throw new UserException(Tr.f("%s line 1: columns %d and %d are both '%s%s'; keep one of them.",
                        file, before + 1, i + 1, PREFIX, kind.id()));
            }
            found.put(i, kind);
        }
        return new ContactColumns(Map.copyOf(found));
    }

    private static String ownColumn(ContactKind kind) {
        if (ContactKind.MOBILE.equals(kind)) return "mobile";
        if (ContactKind.EMAIL.equals(kind)) return "email";
        if (ContactKind.WECHAT.equals(kind)) return "wechat";
        return Tr.t("nothing: a group is the shop's, not a customer's; remove the column");
    }

    boolean isEmpty() {
        return byIndex.isEmpty();
    }

    /** The non-blank addresses on a row, trimmed, by kind id. */
    List<String[]> addresses(List<String> fields) {
        List<String[]> out = new ArrayList<>(byIndex.size());
        for (Map.Entry<Integer, ContactKind> e : byIndex.entrySet()) {
            String v = e.getKey() < fields.size() ? fields.get(e.getKey()) : null;
            if (v != null && !v.isBlank()) out.add(new String[]{e.getValue().id(), v.strip()});
        }
        return out;
    }

    /** For the import summary: the contact kinds the file brought. */
    String describe() {
        return byIndex.values().stream().map(k -> PREFIX + k.id()).sorted().reduce((a, b) -> a + ", " + b).orElse("");
    }
}
