package dev.rekindle.plugins.sms;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.http.LazyHttpClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Aliyun SMS (Dysmsapi 2017-05-25) over its RPC API: signed form POSTs to the configured endpoint.
 *
 * <p>Always POST: the JDK HTTP client may silently repeat an idempotent GET on a broken connection, and
 * a repeated SendSms is a second SMS on the customer's phone. The idempotency key travels as
 * {@code OutId}, which {@code QuerySendDetails} returns, so an unknown outcome can be looked up later.
 */
final class AliyunGateway implements SmsGateway {

    static final String VERSION = "2017-05-25";
    /** The reserved message parameter that picks another approved template than the default. */
    static final String TEMPLATE_CODE_PARAM = "TemplateCode";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Gson GSON = new Gson();
    private static final int QUERY_PAGE = 50;
    private static final int QUERY_MAX_PAGES = 20;

    private final SmsSettings settings;
    private final LazyHttpClient http;
    private final Clock clock;

    AliyunGateway(SmsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = LazyHttpClient.of(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    @Override
    public DeliveryResult send(OutboundMessage m) {
        Map<String, String> p = common("SendSms");
        p.put("PhoneNumbers", phone(m.recipient()));
        p.put("SignName", settings.signName);
        p.put("TemplateCode", templateCode(m));
        Map<String, String> vars = templateParams(m);
        if (!vars.isEmpty()) p.put("TemplateParam", GSON.toJson(vars));
        p.put("OutId", m.idempotencyKey());
        return sendCall(p);
    }

    /** One SendBatchSms call; the caller groups messages by template code and campaign. */
    @Override
    public List<DeliveryResult> sendBatch(List<OutboundMessage> ms) {
        if (ms.size() == 1) return List.of(send(ms.get(0)));
        JsonArray phones = new JsonArray();
        JsonArray signs = new JsonArray();
        JsonArray vars = new JsonArray();
        boolean anyVars = false;
        for (OutboundMessage m : ms) {
            phones.add(phone(m.recipient()));
            signs.add(settings.signName);
            Map<String, String> v = templateParams(m);
            anyVars |= !v.isEmpty();
            vars.add(GSON.toJsonTree(v));
        }
        Map<String, String> p = common("SendBatchSms");
        p.put("PhoneNumberJson", phones.toString());
        p.put("SignNameJson", signs.toString());
        p.put("TemplateCode", templateCode(ms.get(0)));
        if (anyVars) p.put("TemplateParamJson", vars.toString());
        // one OutId per call: the campaign's batch tag, which queryStatus also recognises
        p.put("OutId", batchTag(ms.get(0)));
        return Collections.nCopies(ms.size(), sendCall(p));
    }

    @Override
    public DeliveryResult query(OutboundMessage m, Instant handedOverAt) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate oldest = today.minusDays(settings.queryDays - 1L);
        LocalDate first = oldest;
        if (handedOverAt != null) {
            LocalDate handed = LocalDate.ofInstant(handedOverAt, CHINA);
            if (handed.isBefore(oldest)) {
                // Aliyun answers "nothing" for those days: that would look like "never received"
                return DeliveryResult.unknown("handed over on " + handed + ", before the " + settings.queryDays
                        + " day(s) QuerySendDetails can look at");
            }
            // a day early: the host's and Aliyun's clocks may disagree around midnight
            first = handed.minusDays(1).isBefore(oldest) ? oldest : handed.minusDays(1);
            // handed over "after today": the shop's clock runs ahead of this one (a rehearsal with rekindle.clock.now);
            // look at yesterday too, so a message taken just before this clock's midnight is still found
            if (first.isAfter(today)) first = oldest.isBefore(today) ? today.minusDays(1) : today;
        }
        for (LocalDate date = today; !date.isBefore(first); date = date.minusDays(1)) {
            String day = date.format(DateTimeFormatter.BASIC_ISO_DATE);
            for (int page = 1; page <= QUERY_MAX_PAGES; page++) {
                Map<String, String> p = common("QuerySendDetails");
                p.put("PhoneNumber", phone(m.recipient()));
                p.put("SendDate", day);
                p.put("PageSize", String.valueOf(QUERY_PAGE));
                p.put("CurrentPage", String.valueOf(page));
                JsonObject body;
                try {
                    body = answer(post(p));
                } catch (IOException | JsonParseException e) {
                    return DeliveryResult.unknown("status query failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return DeliveryResult.unknown("status query interrupted");
                }
                String code = string(body, "Code");
                if (!"OK".equals(code)) {
                    return DeliveryResult.unknown("status query answered " + code + ": " + string(body, "Message"));
                }
                JsonArray details = details(body);
                for (JsonElement e : details) {
                    JsonObject d = e.getAsJsonObject();
                    String outId = string(d, "OutId");
                    if (m.idempotencyKey().equals(outId) || batchTag(m).equals(outId)) {
                        return fromDetail(d, day);
                    }
                }
                int total = body.has("TotalCount") ? body.get("TotalCount").getAsInt() : details.size();
                if (page * QUERY_PAGE >= total) break;
                if (page == QUERY_MAX_PAGES) {
                    // more records for this number and day than we read: no trace in them proves nothing
                    return DeliveryResult.unknown("more than " + QUERY_PAGE * QUERY_MAX_PAGES + " records for this number on " + day);
                }
            }
        }
        return DeliveryResult.notReceived("Aliyun has no message with OutId " + m.idempotencyKey() + " for this number from "
                + first + " to " + today);
    }

    private static DeliveryResult fromDetail(JsonObject d, String day) {
        int status = d.has("SendStatus") ? d.get("SendStatus").getAsInt() : 0;
        String err = string(d, "ErrCode");
        return switch (status) {
            case 3 -> DeliveryResult.accepted("delivered " + string(d, "SendDate"));
            case 1 -> DeliveryResult.accepted("taken " + day + ", waiting for the carrier's receipt");
            case 2 -> DeliveryResult.permanentFailure(err == null ? "undelivered" : err, "taken by Aliyun but not delivered: " + err);
            default -> DeliveryResult.accepted("taken " + day + " (status " + status + ")");
        };
    }

    // ---- one call --------------------------------------------------------------------------------

    private DeliveryResult sendCall(Map<String, String> p) {
        HttpResponse<String> r;
        try {
            r = post(p);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            // nothing left this machine: safe to try again
            return DeliveryResult.transientFailure("connect", "cannot reach " + settings.endpoint + ": " + e.getMessage(), null);
        } catch (HttpTimeoutException e) {
            return DeliveryResult.unknown("no answer from Aliyun within " + settings.timeout.toSeconds() + " s; the SMS may have been sent");
        } catch (IOException e) {
            return DeliveryResult.unknown("connection lost before Aliyun answered (" + e.getMessage() + "); the SMS may have been sent");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.unknown("interrupted while waiting for Aliyun's answer; the SMS may have been sent");
        }
        JsonObject body;
        try {
            body = answer(r);
        } catch (JsonParseException e) {
            body = null;
        }
        String code = body == null ? null : string(body, "Code");
        if ("OK".equals(code)) {
            return DeliveryResult.accepted(string(body, "BizId"));
        }
        if (code != null) {
            return AliyunCodes.failure(code, String.valueOf(string(body, "Message")));
        }
        Duration retryAfter = retryAfter(r);
        // No Aliyun answer at all: a proxy or a wrong endpoint. Aliyun did not take the message.
        return DeliveryResult.transientFailure("http-" + r.statusCode(),
                "HTTP " + r.statusCode() + " without an Aliyun answer from " + settings.endpoint, retryAfter);
    }

    private HttpResponse<String> post(Map<String, String> p) throws IOException, InterruptedException {
        p.put("Signature", RpcSigner.sign(settings.accessKeySecret, RpcSigner.stringToSign("POST", p)));
        StringBuilder body = new StringBuilder();
        p.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(RpcSigner.encode(k)).append('=').append(RpcSigner.encode(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.endpoint + "/"))
                .timeout(settings.timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        return http.get().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Map<String, String> common(String action) {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", settings.accessKeyId);
        p.put("Action", action);
        p.put("Format", "JSON");
        p.put("RegionId", settings.regionId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("Version", VERSION);
        return p;
    }

    private String templateCode(OutboundMessage m) {
        String code = m.params().get(TEMPLATE_CODE_PARAM);
        return code == null || code.isBlank() ? settings.templateCode : code.trim();
    }

    /** The template's variables: the message's params (strings, as Aliyun requires) and, if set, the text. */
    private Map<String, String> templateParams(OutboundMessage m) {
        Map<String, String> vars = new LinkedHashMap<>(new TreeMap<>(m.params()));
        vars.remove(TEMPLATE_CODE_PARAM);
        if (settings.textParam != null && m.text() != null) vars.put(settings.textParam, m.text());
        return vars;
    }

    /** The OutId of a SendBatchSms call: one per campaign, so each message of it can still be found. */
    static String batchTag(OutboundMessage m) {
        return "rk-batch-c" + m.campaignId();
    }

    static String phone(String recipient) {
        return recipient.replaceAll("[\\s-]", "");
    }

    private static JsonObject answer(HttpResponse<String> r) {
        JsonElement e = JsonParser.parseString(r.body() == null ? "" : r.body());
        if (!e.isJsonObject()) throw new JsonParseException("not a JSON object");
        return e.getAsJsonObject();
    }

    private static JsonArray details(JsonObject body) {
        JsonElement dtos = body.get("SmsSendDetailDTOs");
        if (dtos == null || !dtos.isJsonObject()) return new JsonArray();
        JsonElement list = dtos.getAsJsonObject().get("SmsSendDetailDTO");
        return list != null && list.isJsonArray() ? list.getAsJsonArray() : new JsonArray();
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static Duration retryAfter(HttpResponse<String> r) {
        return r.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /** For the channel's list: which messages may share one SendBatchSms call. */
    static String batchGroup(OutboundMessage m, String defaultTemplate) {
        String code = m.params().get(TEMPLATE_CODE_PARAM);
        return m.campaignId() + "|" + (code == null || code.isBlank() ? defaultTemplate : code.trim());
    }

    static List<List<OutboundMessage>> groups(List<OutboundMessage> ms, String defaultTemplate) {
        Map<String, List<OutboundMessage>> by = new LinkedHashMap<>();
        for (OutboundMessage m : ms) by.computeIfAbsent(batchGroup(m, defaultTemplate), k -> new ArrayList<>()).add(m);
        return new ArrayList<>(by.values());
    }
}
