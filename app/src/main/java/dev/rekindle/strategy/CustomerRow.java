package dev.rekindle.strategy;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A customer's columns as the readers select them, and how they travel: packed into one JSON array per
 * row (SQLite's json_array; MySQL has it too, PostgreSQL calls it json_build_array) — live reads pack them
 * in the query, planning packs them into {@code campaign_members.planned_row} with {@link #packed}.
 * sqlite-jdbc pays a native call per column, and twenty of them per row dominated million-row reads.
 * json_array keeps NULLs and types apart without CASTs and builds its text in one buffer. The amount
 * travels as its own REAL column: formatting it as text is the dearest conversion SQLite does.
 * Decoded whole here (a live read); {@link PackedCustomer} decodes a packed row field by field.
 */
record CustomerRow(long id, String buyerId, String name, String mobile, String mobileNote, String email, String wechat,
        String birthday, String gender, String city, String level, int points, String stage, String segment,
        Integer recency, int frequency, double monetary, Integer r, Integer f, Integer m, String mainCategory,
        String firstOrder, String lastOrder) {

    /** The packed fields, in order: {@link PackedCustomer} reads them by these positions. */
    private static final String[] FIELDS = {"c.id", "c.buyer_id", "c.name", "c.mobile", "c.mobile_note", "c.email", "c.wechat_id",
            "c.birthday", "c.gender", "c.city", "c.member_level", "c.points", "s.stage", "s.segment",
            "s.recency_days", "s.frequency", "s.r", "s.f", "s.m", "s.main_category", "s.first_order_at", "s.last_order_at"};
    static final int FIELD_COUNT = FIELDS.length;
    /** The select list of a live read without extra columns. */
    static final String COLUMNS = columns("");

    /** The select list of a live read: the packed fields and the caller's extra columns, then the amount. */
    static String columns(String extra) {
        return "SELECT json_array(" + String.join(", ", FIELDS) + (extra.isEmpty() ? "" : ", " + extra) + "), s.monetary";
    }

    /**
     * The packed row {@link PackedRows} reads, as an SQL expression over {@code customers c} and
     * {@code customer_snapshot s}: the customer's fields, the caller's {@code extras} (SQL expressions),
     * then the snapshot's amount (its text costs once, when the row is stored).
     */
    static String packed(String extras) {
        return "json_array(" + String.join(", ", FIELDS) + ", " + extras + ", s.monetary)";
    }

    /** A row of {@link #COLUMNS}. */
    static CustomerRow read(ResultSet rs) throws SQLException {
        return of(JsonRow.parse(rs.getString(1), FIELD_COUNT), rs.getDouble(2)); // a NULL amount reads 0, as before
    }

    /** The fields of a row (extra values after them are ignored) and its amount. */
    static CustomerRow of(String[] f, double monetary) {
        return new CustomerRow(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10],
                f[11] == null ? 0 : Integer.parseInt(f[11]), f[12], f[13], integer(f[14]), f[15] == null ? 0 : Integer.parseInt(f[15]),
                monetary, integer(f[16]), integer(f[17]), integer(f[18]), f[19], f[20], f[21]);
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }
}
