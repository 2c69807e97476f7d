package dev.rekindle.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a place from a member's city ("上海市", "深圳", "杭州") or a delivery address ("浙江省 杭州市 西湖区 …",
 * "广东省深圳市南山区…", "上海 上海市 浦东新区 …") with the table in {@code places/divisions.csv}: China's
 * provinces and prefecture-level divisions (GB/T 2260, trimmed from the open data set
 * modood/Administrative-divisions-of-China; licence beside it). Names are stored short: 上海市 → 上海,
 * 广东省 → 广东, 深圳市 → 深圳, 内蒙古自治区 → 内蒙古; autonomous prefectures, 地区 and 盟 keep their full
 * name (延边朝鲜族自治州), and their short form (延边) is understood. A city the table does not know is kept
 * as written, less a trailing 市: a wrong place is worse than an unfamiliar one.
 */
public final class Places {

    /** Short province name → its cities' short names; and every spelling of a city → its division. */
    private static final Map<String, Division> CITIES = new HashMap<>();
    private static final Map<String, String> PROVINCES = new HashMap<>();
    /** Spellings longest first, so that 海南藏族自治州 is tried before 海南. */
    private static final List<String> PROVINCE_SPELLINGS;
    private static final Map<String, List<String>> CITY_SPELLINGS_BY_PROVINCE = new HashMap<>();
    private static final List<String> CITY_SPELLINGS;
    private static final Map<String, String> MUNICIPALITIES = new LinkedHashMap<>();

    private static final String[] ETHNIC = {"朝鲜族", "土家族", "苗族", "藏族", "羌族", "彝族", "布依族", "侗族", "哈尼族",
            "壮族", "傣族", "白族", "景颇族", "傈僳族", "回族", "蒙古族", "蒙古", "柯尔克孜", "哈萨克"};

    private record Division(String province, String city) {
    }

    static {
        List<String> provinceSpellings = new ArrayList<>();
        List<String> citySpellings = new ArrayList<>();
        try (InputStream in = Places.class.getResourceAsStream("/places/divisions.csv")) {
            if (in == null) {
                throw new IllegalStateException("places/divisions.csv is missing from the application");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header: province_code,province,city
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                String province = shortProvince(f[1]);
                String city = shortCity(f[2]);
                for (String p : List.of(f[1], province)) {
                    if (PROVINCES.putIfAbsent(p, province) == null) provinceSpellings.add(p);
                }
                if (f[1].equals(f[2])) {
                    MUNICIPALITIES.put(province, province);
                }
                Division d = new Division(province, city);
                for (String spelling : cityNames(f[2])) {
                    if (!CITIES.containsKey(spelling)) {
                        CITIES.put(spelling, d);
                        citySpellings.add(spelling);
                    }
                    CITY_SPELLINGS_BY_PROVINCE.computeIfAbsent(province, k -> new ArrayList<>()).add(spelling);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // an alias that is also a province's name means the province (海南 is the island, not 海南藏族自治州)
        citySpellings.removeIf(c -> PROVINCES.containsKey(c) && !CITIES.get(c).city.equals(c) && CITIES.remove(c) != null);
        CITY_SPELLINGS_BY_PROVINCE.values().forEach(l -> l.removeIf(c -> !CITIES.containsKey(c)));
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        provinceSpellings.sort(longestFirst);
        citySpellings.sort(longestFirst);
        CITY_SPELLINGS_BY_PROVINCE.values().forEach(l -> l.sort(longestFirst));
        PROVINCE_SPELLINGS = Collections.unmodifiableList(provinceSpellings);
        CITY_SPELLINGS = Collections.unmodifiableList(citySpellings);
    }

    private Places() {
    }

    /** The place a member file's city field names ("上海市", "深圳", "广东深圳", "延边"), or {@link Place#NONE}. */
    public static Place ofCity(String city) {
        if (city == null) {
            return Place.NONE;
        }
        String s = squeeze(city);
        if (s.isEmpty()) {
            return Place.NONE;
        }
        Division d = CITIES.get(s);
        if (d != null) {
            return new Place(d.province, d.city);
        }
        Place p = ofAddress(s);
        if (p.city() != null) {
            return p;
        }
        // a place the table does not know (a county-level city, a town, somewhere abroad): kept as written
        String rest = s;
        if (p.province() != null) {
            for (String spelling : PROVINCE_SPELLINGS) {
                if (s.startsWith(spelling)) {
                    rest = s.substring(spelling.length());
                    break;
                }
            }
        }
        return new Place(p.province(), rest.isEmpty() ? null : shortCity(rest));
    }

    /**
     * The province and city at the start of a delivery address, or {@link Place#NONE} when the address does
     * not begin with a place the table knows (then nothing is guessed).
     */
    public static Place ofAddress(String address) {
        if (address == null) {
            return Place.NONE;
        }
        String s = squeeze(address);
        if (s.isEmpty()) {
            return Place.NONE;
        }
        for (String p : PROVINCE_SPELLINGS) {
            if (s.startsWith(p)) {
                String province = PROVINCES.get(p);
                String rest = s.substring(p.length());
                String city = cityAtStart(rest, CITY_SPELLINGS_BY_PROVINCE.getOrDefault(province, List.of()));
                if (city == null && MUNICIPALITIES.containsKey(province)) {
                    city = province;
                }
                if (city != null || !CITIES.containsKey(p) || !rest.isEmpty()) {
                    return new Place(province, city);
                }
                break; // "吉林" alone is the city as much as the province: the city's entry decides below
            }
        }
        String city = cityAtStart(s, CITY_SPELLINGS);
        return city == null ? Place.NONE : new Place(CITIES.get(city).province, city);
    }

    /** The store's province of a stored (short) city, or null when the table does not know the city. */
    public static String provinceOf(String city) {
        if (city == null) return null;
        Division d = CITIES.get(squeeze(city));
        return d == null ? null : d.province;
    }

    /** The store's form of a province name (广东省 → 广东), or the text as given when it is not a province. */
    public static String province(String name) {
        if (name == null) return null;
        String s = squeeze(name);
        return PROVINCES.getOrDefault(s, s.isEmpty() ? null : s);
    }

    /** Every spelling the table understands, with the store's city and province: for the V17 migration's check. */
    public static Map<String, Place> spellings() {
        Map<String, Place> m = new java.util.TreeMap<>();
        CITIES.forEach((k, d) -> m.put(k, new Place(d.province, d.city)));
        return m;
    }

    /** The city whose spelling begins {@code s}, not followed by 区 or 县 (朝阳区 is a district of Beijing, not 朝阳市). */
    private static String cityAtStart(String s, List<String> spellings) {
        for (String c : spellings) {
            if (s.startsWith(c)) {
                if (s.length() > c.length() && !c.endsWith("市") && "区县旗".indexOf(s.charAt(c.length())) >= 0) {
                    continue;
                }
                return CITIES.get(c).city;
            }
        }
        return null;
    }

    /** The spellings of one division's name: 深圳市 → 深圳市, 深圳; 延边朝鲜族自治州 → itself, 延边. */
    private static List<String> cityNames(String official) {
        List<String> names = new ArrayList<>();
        names.add(official);
        String s = shortCity(official);
        if (!s.equals(official)) names.add(s);
        String alias = null;
        if (official.endsWith("自治州")) {
            int cut = official.length() - 3;
            for (String e : ETHNIC) {
                int i = official.indexOf(e);
                if (i > 0 && i < cut) cut = i;
            }
            alias = official.substring(0, cut);
        } else if (official.endsWith("地区")) {
            alias = official.substring(0, official.length() - 2);
        } else if (official.endsWith("盟")) {
            alias = official.substring(0, official.length() - 1);
        }
        if (alias != null && alias.length() >= 2 && !names.contains(alias)) names.add(alias);
        return names;
    }

    /** 深圳市 → 深圳, 香港特别行政区 → 香港; autonomous prefectures, 地区 and 盟 keep their name. */
    static String shortCity(String name) {
        if (name.endsWith("特别行政区")) return name.substring(0, name.length() - 5);
        if (name.endsWith("省")) return name.substring(0, name.length() - 1);
        if (name.endsWith("市") && name.length() > 2) return name.substring(0, name.length() - 1);
        return name;
    }

    /** 广东省 → 广东, 上海市 → 上海, 广西壮族自治区 → 广西, 香港特别行政区 → 香港. */
    static String shortProvince(String name) {
        for (String suffix : new String[] {"特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Without spaces of any width: "浙江省 杭州市" and "浙江省杭州市" read alike. */
    private static String squeeze(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 40));
        for (int i = 0; i < s.length() && sb.length() < 40; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00A0' && c != ',' && c != '，' && c != '/') sb.append(c);
        }
        return sb.toString();
    }
}
