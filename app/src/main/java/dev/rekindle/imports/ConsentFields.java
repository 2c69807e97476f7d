package dev.rekindle.imports;

import dev.rekindle.imports.source.Field;
import java.util.List;

/** Fields of a consent file: who (buyer id or mobile), the reply or decision, the channel, when, where from. */
final class ConsentFields {

    static final Field CUSTOMER_ID = Field.of("customer_id", "the buyer's id", "customer_id", "买家会员名", "buyer_id",
            "buyer", "customer", "member_id", "user_id", "买家昵称", "会员名", "客户编号", "客户id", "用户id");
    static final Field MOBILE = Field.of("mobile", "the mobile number that replied", "mobile", "phone", "手机", "手机号",
            "手机号码", "号码", "联系手机", "phone_number", "sender", "发送号码", "回复号码");
    static final Field REPLY = Field.of("reply", "the reply or decision (T, TD, N, 退订 = refusal; Y, 同意 = consent)",
            "reply", "decision", "consent", "content", "message", "回复内容", "短信内容", "上行内容", "内容", "回复",
            "opt_in", "subscribed", "是否同意", "意愿", "status", "状态");
    static final Field CHANNEL = Field.of("channel", "sms, email, wechat … (empty: every channel)", "channel", "渠道", "通道");
    static final Field TIME = Field.of("time", "when the decision was made", "time", "reply_time", "received_at",
            "recorded_at", "回复时间", "接收时间", "上行时间", "时间", "date", "日期", "created_at");
    static final Field SOURCE = Field.of("source", "where the decision came from (kept as proof)", "source", "来源", "gateway");

    static final List<Field> ALL = List.of(CUSTOMER_ID, MOBILE, REPLY, CHANNEL, TIME, SOURCE);

    private ConsentFields() {
    }
}
