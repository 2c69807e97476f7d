package dev.rekindle.imports.value;

import dev.rekindle.place.Place;
import dev.rekindle.place.Places;

/**
 * The city of a Chinese delivery address as Taobao writes it ("浙江省 杭州市 西湖区 文三路 …",
 * "上海 上海市 浦东新区 …", "广东省深圳市南山区…"), in the store's short form ("杭州", "上海", "深圳"), read
 * with the administrative-division table ({@link Places}). Null when the address does not say plainly: a
 * wrong city is worse than none.
 */
public final class Addresses {

    private Addresses() {
    }

    public static String city(String address) {
        return place(address).city();
    }

    /** Province and city at the start of the address. */
    public static Place place(String address) {
        return Places.ofAddress(address);
    }
}
