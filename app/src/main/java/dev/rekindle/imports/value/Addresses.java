package dev.rekindle.imports.value;

/**
 * The city of a Chinese delivery address as Taobao writes it ("浙江省 杭州市 西湖区 文三路 …",
 * "上海 上海市 浦东新区 …"), in the store's short form ("杭州", "上海"). Null when the address does not say
 * plainly: a wrong city is worse than none.
 */
public final class Addresses {

    private static final String[] MUNICIPALITIES = {"北京", "上海", "天津", "重庆"};

    private Addresses() {
    }

    public static String city(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.strip();
        for (String m : MUNICIPALITIES) {
            if (a.startsWith(m)) return m;
        }
        String rest = a;
        int province = indexAfter(a, "省");
        if (province < 0) province = indexAfter(a, "自治区");
        if (province > 0) rest = a.substring(province).strip();
        String first = rest.split("[\\s,，]+", 2)[0];
        for (String suffix : new String[] {"市", "自治州", "地区", "盟"}) {
            int end = first.indexOf(suffix);
            if (end > 0) {
                String city = first.substring(0, end + (suffix.equals("市") ? 0 : suffix.length()));
                return city.length() <= 12 ? city : null;
            }
        }
        return null;
    }

    private static int indexAfter(String s, String marker) {
        int i = s.indexOf(marker);
        return i < 0 || i > 12 ? -1 : i + marker.length();
    }
}
