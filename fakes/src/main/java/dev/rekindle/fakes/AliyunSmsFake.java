package dev.rekindle.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for Aliyun's SMS API (Dysmsapi, version 2017-05-25): {@code SendSms},
 * {@code SendBatchSms} and {@code QuerySendDetails} over the RPC style (GET query or POST form). It checks
 * what Aliyun checks — the HMAC-SHA1 signature, the common parameters, a fresh nonce, the timestamp, the
 * phone numbers, that template parameters are a JSON object of strings — answers with Aliyun's codes, and
 * records every message it takes, so that a test can count what a phone would have received.
 *
 * <p>Like Aliyun, {@code QuerySendDetails} answers for the last 30 days only ({@link #keepsDays}): asked
 * about an older day, it answers "OK" with no record, exactly as if the message had never been taken.
 */
public final class AliyunSmsFake extends FakeServer {

    public static final String VERSION = "2017-05-25";
    public static final String DEFAULT_KEY_ID = "fake-key-id";
    public static final String DEFAULT_KEY_SECRET = "fake-key-secret";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern MOBILE = Pattern.compile("(\\+?86|0086)?1[3-9]\\d{9}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One message as the provider took it (it would reach the phone). */
    public record Sms(String bizId, String phone, String signName, String templateCode, String templateParam,
            String outId, LocalDateTime at) {
    }

    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Sms> messages = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> perPhoneToday = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicLong> injected = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong firstTakenNanos = new AtomicLong();
    private final AtomicLong lastTakenNanos = new AtomicLong();
    private final AtomicLong bizIds = new AtomicLong(900_000_000_000L);
    private final Clock clock;
    private volatile int perNumberDailyLimit;
    private volatile int keepsDays = 30;

    public AliyunSmsFake(int port) {
        this(port, Clock.system(CHINA));
    }

    public AliyunSmsFake(int port, Clock clock) {
        super(port);
        this.clock = clock;
        accounts.put(DEFAULT_KEY_ID, DEFAULT_KEY_SECRET);
        http().createContext("/", this::handle);
    }

    @Override
    public AliyunSmsFake start() {
        super.start();
        return this;
    }

    @Override
    public AliyunSmsFake latency(long millis) {
        super.latency(millis);
        return this;
    }

    @Override
    public AliyunSmsFake slow(long millis) {
        super.slow(millis);
        return this;
    }

    @Override
    public AliyunSmsFake timeoutHold(long millis) {
        super.timeoutHold(millis);
        return this;
    }

    /** Adds (or replaces) an AccessKey pair the fake accepts. */
    public AliyunSmsFake account(String keyId, String secret) {
        accounts.put(keyId, secret);
        return this;
    }

    /** Like Aliyun's per-number daily cap for notices (50): more gets {@code isv.BUSINESS_LIMIT_CONTROL}. */
    public AliyunSmsFake perNumberDailyLimit(int limit) {
        this.perNumberDailyLimit = limit;
        return this;
    }

    /**
     * How many calendar days, today included, QuerySendDetails can see (Aliyun: "支持查询最近 30 天的记录");
     * older days answer with no record.
     */
    public AliyunSmsFake keepsDays(int days) {
        this.keepsDays = days;
        return this;
    }

    public List<Sms> messages() {
        return List.copyOf(messages);
    }

    public long received() {
        return messages.size();
    }

    /** How many messages each phone number received. */
    public Map<String, Long> countsByPhone() {
        Map<String, Long> m = new HashMap<>();
        for (Sms s : messages) m.merge(s.phone(), 1L, Long::sum);
        return m;
    }

    /** How many messages carried each OutId (more than 1 = a duplicate send). */
    public Map<String, Long> countsByOutId() {
        Map<String, Long> m = new HashMap<>();
        for (Sms s : messages) if (s.outId() != null) m.merge(s.outId(), 1L, Long::sum);
        return m;
    }

    @Override
    public Map<String, Object> stats() {
        Map<String, Long> byPhone = countsByPhone();
        Map<String, Long> byOutId = countsByOutId();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests());
        m.put("messages", messages.size());
        m.put("rejected", rejected.get());
        m.put("phones", byPhone.size());
        m.put("phonesWithMoreThanOne", byPhone.values().stream().filter(c -> c > 1).count());
        m.put("outIds", byOutId.size());
        m.put("duplicateOutIds", byOutId.values().stream().filter(c -> c > 1).count());
        m.put("takenPerSecond", Math.round(takenPerSecond() * 10) / 10.0);
        Map<String, Long> faults = new java.util.TreeMap<>();
        injected.forEach((f, n) -> faults.put(f.name(), n.get()));
        m.put("faults", faults);
        return m;
    }

    /**
     * The rate at which messages arrived, measured between the first and the last one (the sender's
     * start-up and wind-down do not count): what a rate limit should come out as.
     */
    public double takenPerSecond() {
        long first = firstTakenNanos.get();
        long last = lastTakenNanos.get();
        long n = messages.size();
        return n < 2 || last <= first ? 0 : (n - 1) / ((last - first) / 1e9);
    }

    @Override
    public void reset() {
        resetCommon();
        firstTakenNanos.set(0);
        lastTakenNanos.set(0);
        messages.clear();
        perPhoneToday.clear();
        injected.clear();
        rejected.set(0);
    }

    // ---- the API ---------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try {
            String method = ex.getRequestMethod();
            Map<String, String> p;
            if (method.equals("GET")) {
                p = params(ex.getRequestURI().getRawQuery());
            } else if (method.equals("POST")) {
                p = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                p.putAll(params(ex.getRequestURI().getRawQuery()));
            } else {
                error(ex, 405, "UnsupportedHTTPMethod", "Specified method is not supported.");
                return;
            }
            checkCommon(method, p);
            switch (p.get("Action")) {
                case "SendSms" -> send(ex, p, false);
                case "SendBatchSms" -> send(ex, p, true);
                case "QuerySendDetails" -> query(ex, p);
                default -> error(ex, 404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
            }
        } catch (ProviderError e) {
            error(ex, e.status, e.code, e.getMessage());
        } finally {
            ex.close();
        }
    }

    /** @throws ProviderError unless the request is complete, fresh and correctly signed */
    private void checkCommon(String method, Map<String, String> p) {
        for (String name : List.of("AccessKeyId", "Action", "Format", "SignatureMethod", "SignatureNonce",
                "SignatureVersion", "Timestamp", "Version", "Signature")) {
            if (p.get(name) == null || p.get(name).isEmpty()) {
                throw new ProviderError(400, "Missing" + name, name + " is mandatory for this action.");
            }
        }
        if (!p.get("SignatureMethod").equals("HMAC-SHA1") || !p.get("SignatureVersion").equals("1.0")) {
            throw new ProviderError(400, "InvalidSignatureMethod", "Specified signature method is not supported.");
        }
        if (!p.get("Version").equals(VERSION)) {
            throw new ProviderError(400, "InvalidVersion", "Specified parameter Version is not valid.");
        }
        String secret = accounts.get(p.get("AccessKeyId"));
        if (secret == null) {
            throw new ProviderError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        String toSign = RpcSignature.stringToSign(method, p);
        if (!RpcSignature.sign(secret, toSign).equals(p.get("Signature"))) {
            throw new ProviderError(400, "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + toSign);
        }
        try {
            Instant at = Instant.parse(p.get("Timestamp"));
            if (Duration.between(at, clock.instant()).abs().toMinutes() > 15) {
                throw new ProviderError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
            }
        } catch (DateTimeParseException e) {
            throw new ProviderError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }
        if (!nonces.add(p.get("SignatureNonce"))) {
            throw new ProviderError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    private void send(HttpExchange ex, Map<String, String> p, boolean batch) throws IOException {
        Fault fault = takeFault();
        if (fault != Fault.NONE) injected.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
        switch (fault) {
            case HTTP_500 -> {
                pause(fault);
                error(ex, 500, "InternalError", "The request processing has failed due to some unknown error.");
                return;
            }
            case THROTTLING -> {
                pause(fault);
                error(ex, 400, "Throttling.User", "Request was denied due to user flow control.");
                return;
            }
            case BUSINESS_LIMIT -> {
                pause(fault);
                answer(ex, "isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:50", null);
                return;
            }
            case TIMEOUT -> {
                holdAndHangUp(ex);
                return;
            }
            default -> {
            }
        }
        List<Sms> taken = batch ? batch(p) : single(p);
        for (Sms s : taken) {
            long today = perPhoneToday.computeIfAbsent(s.phone() + "@" + s.at().toLocalDate(), k -> new AtomicLong()).get();
            if (perNumberDailyLimit > 0 && today >= perNumberDailyLimit) {
                rejected.incrementAndGet();
                pause(fault);
                answer(ex, "isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:" + perNumberDailyLimit, null);
                return;
            }
        }
        long now = System.nanoTime();
        for (Sms s : taken) {
            perPhoneToday.get(s.phone() + "@" + s.at().toLocalDate()).incrementAndGet();
            messages.add(s);
        }
        firstTakenNanos.compareAndSet(0, now);
        lastTakenNanos.accumulateAndGet(now, Math::max);
        if (fault == Fault.DROP_AFTER_RECEIPT) {
            sleep(10);
            hangUp(ex);
            return;
        }
        pause(fault);
        answer(ex, "OK", "OK", taken.isEmpty() ? null : taken.get(0).bizId());
    }

    private List<Sms> single(Map<String, String> p) {
        String numbers = required(p, "PhoneNumbers");
        String sign = required(p, "SignName");
        String template = required(p, "TemplateCode");
        String param = p.get("TemplateParam");
        if (param != null && !param.isEmpty()) checkTemplateParam(param);
        String[] phones = numbers.split(",");
        if (phones.length > 1000) {
            throw new ProviderError(200, "isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
        }
        String bizId = nextBizId();
        LocalDateTime now = LocalDateTime.now(clock.withZone(CHINA));
        List<Sms> list = new ArrayList<>();
        for (String phone : phones) {
            list.add(new Sms(bizId, checkPhone(phone), sign, template, param, p.get("OutId"), now));
        }
        return list;
    }

    private List<Sms> batch(Map<String, String> p) {
        List<Object> phones = jsonArray(required(p, "PhoneNumberJson"), "PhoneNumberJson");
        List<Object> signs = jsonArray(required(p, "SignNameJson"), "SignNameJson");
        String template = required(p, "TemplateCode");
        List<Object> params = p.containsKey("TemplateParamJson") ? jsonArray(p.get("TemplateParamJson"), "TemplateParamJson") : null;
        if (phones.size() > 100) {
            throw new ProviderError(200, "isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
        }
        if (signs.size() != phones.size() || (params != null && params.size() != phones.size())) {
            throw new ProviderError(200, "isv.INVALID_PARAMETERS", "PhoneNumberJson, SignNameJson and TemplateParamJson must be aligned");
        }
        String bizId = nextBizId();
        LocalDateTime now = LocalDateTime.now(clock.withZone(CHINA));
        List<Sms> list = new ArrayList<>();
        for (int k = 0; k < phones.size(); k++) {
            String param = params == null ? null : Json.write(params.get(k));
            if (param != null) checkTemplateParam(param);
            list.add(new Sms(bizId, checkPhone(String.valueOf(phones.get(k))), String.valueOf(signs.get(k)), template,
                    param, p.get("OutId"), now));
        }
        return list;
    }

    private void query(HttpExchange ex, Map<String, String> p) throws IOException {
        String phone = checkPhone(required(p, "PhoneNumber"));
        String day = required(p, "SendDate");
        int pageSize = Integer.parseInt(required(p, "PageSize"));
        int page = Integer.parseInt(required(p, "CurrentPage"));
        if (pageSize < 1 || pageSize > 50 || page < 1) {
            throw new ProviderError(200, "isv.INVALID_PARAMETERS", "PageSize must be 1..50 and CurrentPage >= 1");
        }
        String bizId = p.get("BizId");
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(day, DAY);
        } catch (DateTimeParseException e) {
            throw new ProviderError(200, "isv.INVALID_PARAMETERS", "SendDate must be yyyyMMdd");
        }
        // records older than what Aliyun keeps are simply not there: the answer looks like "never sent"
        boolean kept = !date.isBefore(java.time.LocalDate.now(clock.withZone(CHINA)).minusDays(keepsDays - 1L));
        List<Map<String, Object>> found = new ArrayList<>();
        for (Sms s : kept ? messages : List.<Sms>of()) {
            if (!s.phone().equals(phone) || !s.at().format(DAY).equals(day)) continue;
            if (bizId != null && !bizId.isEmpty() && !bizId.equals(s.bizId())) continue;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("PhoneNum", s.phone());
            d.put("SendStatus", 3);
            d.put("ErrCode", "DELIVERED");
            d.put("TemplateCode", s.templateCode());
            d.put("Content", "【" + s.signName() + "】" + s.templateParam());
            d.put("SendDate", s.at().format(TIME));
            d.put("ReceiveDate", s.at().plusSeconds(3).format(TIME));
            d.put("OutId", s.outId());
            found.add(d);
        }
        int from = Math.min(found.size(), (page - 1) * pageSize);
        int to = Math.min(found.size(), from + pageSize);
        pause(Fault.NONE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", "OK");
        body.put("Message", "OK");
        body.put("RequestId", requestId());
        body.put("TotalCount", found.size());
        body.put("SmsSendDetailDTOs", Map.of("SmsSendDetailDTO", found.subList(from, to)));
        json(ex, 200, body);
    }

    // ---- checks ----------------------------------------------------------------------------------

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) throw new ProviderError(400, "Missing" + name, name + " is mandatory for this action.");
        return v;
    }

    private static String checkPhone(String phone) {
        String t = phone.trim();
        if (!MOBILE.matcher(t).matches()) {
            throw new ProviderError(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
        }
        return t.length() > 11 ? t.substring(t.length() - 11) : t;
    }

    /** Aliyun wants a JSON object whose values are strings ({"code":"123"}, never {"code":123}). */
    private static void checkTemplateParam(String json) {
        Object v;
        try {
            v = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ProviderError(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ProviderError(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
        }
        for (Object value : m.values()) {
            if (!(value instanceof String)) {
                throw new ProviderError(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
            }
        }
    }

    private static List<Object> jsonArray(String json, String name) {
        try {
            if (Json.parse(json) instanceof List<?> l) return new ArrayList<>(l);
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new ProviderError(200, "isv.INVALID_JSON_PARAM", name + " must be a JSON array");
    }

    private String nextBizId() {
        return bizIds.incrementAndGet() + "^0";
    }

    private static String requestId() {
        return java.util.UUID.randomUUID().toString().toUpperCase();
    }

    private static void answer(HttpExchange ex, String code, String message, String bizId) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", code);
        body.put("Message", message);
        body.put("RequestId", requestId());
        if (bizId != null) body.put("BizId", bizId);
        json(ex, 200, body);
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", code);
        body.put("Message", message);
        body.put("RequestId", requestId());
        body.put("HostId", "dysmsapi.aliyuncs.com");
        json(ex, status, body);
    }

    /** An answer in Aliyun's error shape; status 200 for business errors, as Aliyun does. */
    private static final class ProviderError extends RuntimeException {
        final int status;
        final String code;

        ProviderError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
