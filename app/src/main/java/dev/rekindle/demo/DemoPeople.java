package dev.rekindle.demo;

import java.util.SplittableRandom;

/** Plausible Chinese names, contacts and places for demo customers. Pure functions of the random source. */
final class DemoPeople {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建华文辉力斌宇浩凯晨欣怡梓涵子轩雨桐思远嘉怡佳琪晓梅婷雪颖琳晶瑶倩慧婧蕾璐楠鑫鹏飞俊杰志强海燕春梅冬梅丹丹";
    private static final String[] PINYIN = {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
            "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "xiaomei", "tingting", "lele",
            "doudou", "xiaoyu", "sunny", "coco", "amy", "lucky", "momo"};
    private static final String[] MAIL = {"qq.com", "qq.com", "qq.com", "163.com", "163.com", "126.com", "sina.com",
            "foxmail.com", "gmail.com", "outlook.com"};
    private static final String[] CITIES = {"上海", "北京", "杭州", "广州", "深圳", "成都", "南京", "武汉", "苏州",
            "重庆", "西安", "天津", "长沙", "郑州", "宁波", "青岛", "厦门", "合肥", "昆明", "福州", "济南", "沈阳",
            "大连", "无锡", "佛山", "东莞", "温州", "哈尔滨", "南宁", "贵阳"};
    private static final String[] MOBILE_PREFIX = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "155", "156", "157", "158", "159", "166", "170", "173", "176", "177", "180", "181",
            "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"};

    private DemoPeople() {
    }

    static String name(SplittableRandom r) {
        String surname = String.valueOf(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        int len = r.nextInt(10) < 7 ? 2 : 1;
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < len; i++) {
            given.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return surname + given;
    }

    static String mobile(SplittableRandom r) {
        return MOBILE_PREFIX[r.nextInt(MOBILE_PREFIX.length)] + String.format("%08d", r.nextInt(100_000_000));
    }

    static String email(SplittableRandom r, String mobile) {
        String domain = MAIL[r.nextInt(MAIL.length)];
        if (domain.equals("qq.com") && r.nextBoolean()) {
            return (100_000_000L + r.nextLong(2_800_000_000L)) + "@qq.com";
        }
        return PINYIN[r.nextInt(PINYIN.length)] + mobile.substring(7) + "@" + domain;
    }

    static String wechatId(SplittableRandom r) {
        return "wxid_" + Long.toString(r.nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
    }

    static String city(SplittableRandom r) {
        // big cities more often: square the uniform draw
        double u = r.nextDouble();
        return CITIES[(int) (u * u * CITIES.length)];
    }

    static String buyerId(int n) {
        // Taobao member names are free text; demo ones are stable and unique.
        return "tb" + (1_000_000 + n * 7_919L % 9_000_000);
    }
}
