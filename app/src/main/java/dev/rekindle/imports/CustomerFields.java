package dev.rekindle.imports;

import dev.rekindle.imports.source.Field;
import java.util.List;

/** The profile fields a customer import understands (Qianniu's member export, CRM exports, Excel sheets). */
final class CustomerFields {

    static final Field CUSTOMER_ID = Field.of("customer_id", "the buyer's id", "customer_id", "买家会员名", "buyer_id",
            "buyer", "customer", "member_id", "user_id", "buyer_nick", "买家昵称", "会员名", "客户编号", "客户id", "用户id",
            "会员id", "买家id", "id");
    static final Field NAME = Field.of("name", "the person's name", "name", "customer_name", "姓名", "客户姓名", "会员姓名",
            "买家姓名", "收货人姓名", "full_name");
    static final Field MOBILE = Field.of("mobile", "mobile number (masked or virtual numbers are kept and flagged)",
            "mobile", "手机", "手机号", "手机号码", "联系手机", "phone", "联系电话", "cellphone", "telephone", "tel");
    static final Field EMAIL = Field.of("email", "email address", "email", "e_mail", "邮箱", "电子邮箱", "电子邮件", "mail");
    static final Field WECHAT = Field.of("wechat", "WeChat id", "wechat", "wechat_id", "weixin", "微信", "微信号", "wx");
    static final Field BIRTHDAY = Field.of("birthday", "YYYY-MM-DD or MM-DD", "birthday", "birth_date", "date_of_birth",
            "dob", "生日", "出生日期");
    static final Field GENDER = Field.of("gender", "男/女, M/F", "gender", "sex", "性别");
    static final Field CITY = Field.of("city", "city", "city", "城市", "所在城市", "所在地");
    static final Field ADDRESS = Field.of("address", "address (gives the city)", "address", "收货地址", "地址", "详细地址");
    static final Field LEVEL = Field.of("member_level", "normal, senior, vip, svip (普通会员 … 至尊VIP会员)",
            "member_level", "level", "tier", "会员等级", "店铺会员等级", "会员级别", "等级");
    static final Field POINTS = Field.of("points", "loyalty points", "points", "积分", "会员积分", "可用积分");
    static final Field SINCE = Field.of("created_at", "customer since", "created_at", "since", "registered_at",
            "register_time", "signup_date", "注册时间", "入会时间", "成为会员时间", "created");

    static final List<Field> ALL = List.of(CUSTOMER_ID, NAME, MOBILE, EMAIL, WECHAT, BIRTHDAY, GENDER, CITY, ADDRESS,
            LEVEL, POINTS, SINCE);

    private CustomerFields() {
    }
}
