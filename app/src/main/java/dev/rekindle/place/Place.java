package dev.rekindle.place;

/**
 * A province and a city in the store's short form (广东 / 深圳, 上海 / 上海). Either may be null: an
 * address may name only a province, a member file a city the table does not know.
 */
public record Place(String province, String city) {

    public static final Place NONE = new Place(null, null);

    public boolean isEmpty() {
        return province == null && city == null;
    }
}
