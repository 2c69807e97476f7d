package dev.rekindle.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeComRobotFakeTests {

    private WeComRobotFake fake;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        fake = new WeComRobotFake(0).robot("robot-1").perMinute(3).start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldTakeATextPostForAKnownRobot() throws Exception {
        assertEquals(0, post("robot-1", "{\"msgtype\":\"text\",\"text\":{\"content\":\"今晚8点开抢\"}}"));
        assertEquals("今晚8点开抢", fake.posts().get(0).content());
    }

    @Test
    void shouldRejectAnUnknownRobot() throws Exception {
        assertEquals(93000, post("nobody", "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}"));
    }

    @Test
    void shouldRejectTextOverTheByteLimit() throws Exception {
        String big = "好".repeat(700); // 2100 bytes in UTF-8
        assertEquals(45002, post("robot-1", "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + big + "\"}}"));
        assertEquals(0, post("robot-1", "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"" + big + "\"}}"));
    }

    @Test
    void shouldThrottleARobotBeyondItsRatePerMinute() throws Exception {
        String body = "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}";
        for (int i = 0; i < 3; i++) assertEquals(0, post("robot-1", body));

        assertEquals(45009, post("robot-1", body));
        assertEquals(3, fake.posts().size());
    }

    private int post(String key, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/cgi-bin/webhook/send?key=" + key))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return ((Number) ((Map<?, ?>) Json.parse(r.body())).get("errcode")).intValue();
    }
}
