package dev.rekindle.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AliyunSmsFakeTests {

    private AliyunSmsFake fake;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        fake = new AliyunSmsFake(0).start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldReproduceTheSignatureExampleOfAliyunsDocumentation() {
        Map<String, String> p = new TreeMap<>(Map.of("TimeStamp", "2016-02-23T12:46:24Z", "Format", "XML",
                "AccessKeyId", "testid", "Action", "DescribeRegions", "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "Version", "2014-05-26", "SignatureVersion", "1.0"));

        String toSign = RpcSignature.stringToSign("GET", p);

        assertTrue(toSign.startsWith("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions"), toSign);
        assertTrue(toSign.contains("TimeStamp%3D2016-02-23T12%253A46%253A24Z"), toSign);
        assertEquals("CT9X0VtwR86fNWSnsc6v8YGOjuE=", RpcSignature.sign("testsecret", toSign));
    }

    @Test
    void shouldTakeACorrectlySignedSendSmsAndCountIt() throws Exception {
        Map<String, Object> r = post(sendSms("13812345678", "{\"name\":\"王小明\"}", "k1"), null);

        assertEquals("OK", r.get("Code"), r.toString());
        assertTrue(String.valueOf(r.get("BizId")).endsWith("^0"));
        assertEquals(1, fake.received());
        assertEquals("k1", fake.messages().get(0).outId());
        assertEquals(1L, fake.countsByPhone().get("13812345678"));
    }

    @Test
    void shouldRejectAWrongSignature() throws Exception {
        Map<String, String> p = sendSms("13812345678", null, "k1");
        Map<String, Object> r = post(p, "another-secret");

        assertEquals("SignatureDoesNotMatch", r.get("Code"));
        assertEquals(0, fake.received());
    }

    @Test
    void shouldRejectAReusedNonce() throws Exception {
        Map<String, String> p = sendSms("13812345678", null, "k1");
        post(p, null);
        Map<String, Object> r = post(p, null);

        assertEquals("SignatureNonceUsed", r.get("Code"));
        assertEquals(1, fake.received());
    }

    @Test
    void shouldRejectNumbersInTemplateParameters() throws Exception {
        Map<String, Object> r = post(sendSms("13812345678", "{\"code\":123}", "k1"), null);

        assertEquals("isv.INVALID_JSON_PARAM", r.get("Code"));
        assertEquals(0, fake.received());
    }

    @Test
    void shouldRejectAnIllegalNumber() throws Exception {
        assertEquals("isv.MOBILE_NUMBER_ILLEGAL", post(sendSms("12345", null, "k1"), null).get("Code"));
    }

    @Test
    void shouldAnswerScriptedFaultsWithoutTakingTheMessage() throws Exception {
        fake.faults().next(Fault.THROTTLING, 1).next(Fault.BUSINESS_LIMIT, 1);

        assertEquals("Throttling.User", post(sendSms("13812345678", null, "k1"), null).get("Code"));
        assertEquals("isv.BUSINESS_LIMIT_CONTROL", post(sendSms("13812345678", null, "k1"), null).get("Code"));
        assertEquals(0, fake.received());
    }

    @Test
    void shouldTakeTheMessageAndHangUpWhenDroppingAfterReceipt() {
        fake.faults().next(Fault.DROP_AFTER_RECEIPT, 1);

        assertThrows(IOException.class, () -> post(sendSms("13812345678", null, "k-drop"), null));
        assertEquals(1, fake.received());
    }

    @Test
    void shouldFindASentMessageByPhoneAndDayWithItsOutId() throws Exception {
        post(sendSms("13812345678", null, "k-query"), null);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        Map<String, String> q = common("QuerySendDetails");
        q.put("PhoneNumber", "13812345678");
        q.put("SendDate", today);
        q.put("PageSize", "10");
        q.put("CurrentPage", "1");

        Map<String, Object> r = post(q, null);

        assertEquals(1, ((Number) r.get("TotalCount")).intValue(), r.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) ((Map<String, Object>) r.get("SmsSendDetailDTOs")).get("SmsSendDetailDTO");
        assertEquals("k-query", list.get(0).get("OutId"));
    }

    @Test
    void shouldKeepRecordsForThirtyDaysAndThenAnswerAsIfNothingWasSent() throws Exception {
        fake.close();
        Instant sentAt = Instant.parse("2027-03-01T02:00:00Z"); // 10:00 in China
        Instant[] now = {sentAt};
        fake = new AliyunSmsFake(0, new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneId.of("Asia/Shanghai"); // the fake asks for this zone only
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        }).start();
        Map<String, String> send = common("SendSms", sentAt);
        send.putAll(Map.of("PhoneNumbers", "13812345678", "SignName", "暖心小铺", "TemplateCode", "SMS_1", "OutId", "k-old"));
        post(send, null);

        now[0] = sentAt.plus(Duration.ofDays(29)); // 2027-03-30: the 30th day, 1 March included
        assertEquals(1, ((Number) post(query("20270301", now[0]), null).get("TotalCount")).intValue());
        now[0] = sentAt.plus(Duration.ofDays(30));
        Map<String, Object> r = post(query("20270301", now[0]), null);

        assertEquals("OK", r.get("Code"), "Aliyun does not say the day is too old: it just has nothing");
        assertEquals(0, ((Number) r.get("TotalCount")).intValue(), r.toString());
        assertEquals(1, fake.received());
    }

    private static Map<String, String> query(String day, Instant at) {
        Map<String, String> q = common("QuerySendDetails", at);
        q.putAll(Map.of("PhoneNumber", "13812345678", "SendDate", day, "PageSize", "10", "CurrentPage", "1"));
        return q;
    }

    @Test
    void shouldReportCountsOnTheControlEndpoint() throws Exception {
        post(sendSms("13812345678", null, "k1"), null);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/_fake/stats")).build(),
                HttpResponse.BodyHandlers.ofString());

        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) Json.parse(r.body());
        assertEquals(1, ((Number) stats.get("messages")).intValue());
        assertEquals(0, ((Number) stats.get("duplicateOutIds")).intValue());
    }

    private static Map<String, String> common(String action) {
        return common(action, Instant.now());
    }

    private static Map<String, String> common(String action, Instant at) {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", AliyunSmsFake.DEFAULT_KEY_ID);
        p.put("Action", action);
        p.put("Format", "JSON");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("Version", AliyunSmsFake.VERSION);
        return p;
    }

    private static Map<String, String> sendSms(String phone, String param, String outId) {
        Map<String, String> p = common("SendSms");
        p.put("PhoneNumbers", phone);
        p.put("SignName", "暖心小铺");
        p.put("TemplateCode", "SMS_1");
        if (param != null) p.put("TemplateParam", param);
        p.put("OutId", outId);
        return p;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(Map<String, String> p, String secret) throws IOException, InterruptedException {
        Map<String, String> signed = new TreeMap<>(p);
        signed.put("Signature", RpcSignature.sign(secret == null ? AliyunSmsFake.DEFAULT_KEY_SECRET : secret,
                RpcSignature.stringToSign("POST", p)));
        StringBuilder body = new StringBuilder();
        signed.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(RpcSignature.encode(k)).append('=').append(RpcSignature.encode(v)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        return (Map<String, Object>) Json.parse(r.body());
    }
}
