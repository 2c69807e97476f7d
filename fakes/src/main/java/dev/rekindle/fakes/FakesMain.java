package dev.rekindle.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a fake provider until stopped, for demos and benchmarks:
 * <pre>
 * java -jar fakes/target/rekindle-fakes.jar aliyun --port 18080 [--latency-ms 20]
 *      [--key-id ID --key-secret SECRET] [--fault THROTTLING --fault-rate 0.05 --seed 7]
 *      [--per-number-daily-limit 50]
 * java -jar fakes/target/rekindle-fakes.jar wecom --port 18081 [--robot KEY]… [--per-minute 20]
 * </pre>
 * Counts: {@code curl http://127.0.0.1:PORT/_fake/stats}; faults on the fly:
 * {@code curl -X POST 'http://127.0.0.1:PORT/_fake/faults?fault=HTTP_500&count=3'}.
 */
public final class FakesMain {

    private FakesMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(usage());
            return;
        }
        FakeServer server;
        try {
            server = build(args);
        } catch (IllegalArgumentException e) {
            System.err.println("rekindle-fakes: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        server.start();
        System.out.println(args[0] + " fake listening on " + server.baseUrl() + "  (stats: " + server.baseUrl()
                + "/_fake/stats; stop with Ctrl-C)");
        if (server instanceof AliyunSmsFake) {
            System.out.println("accepts AccessKeyId/secret given with --key-id/--key-secret (default "
                    + AliyunSmsFake.DEFAULT_KEY_ID + " / " + AliyunSmsFake.DEFAULT_KEY_SECRET + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("final " + Json.write(server.stats()));
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    static FakeServer build(String[] args) {
        String kind = args[0];
        int port = 0;
        long latency = 0;
        String keyId = null;
        String keySecret = null;
        Fault fault = null;
        double rate = 0;
        long seed = 42;
        int daily = 0;
        int perMinute = 20;
        List<String> robots = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException("option " + a + " needs a value");
            String v = args[++i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(v);
                case "--latency-ms" -> latency = Long.parseLong(v);
                case "--key-id" -> keyId = v;
                case "--key-secret" -> keySecret = v;
                case "--fault" -> fault = Fault.parse(v);
                case "--fault-rate" -> rate = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--per-number-daily-limit" -> daily = Integer.parseInt(v);
                case "--per-minute" -> perMinute = Integer.parseInt(v);
                case "--robot" -> robots.add(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        FakeServer server = switch (kind) {
            case "aliyun" -> {
                AliyunSmsFake f = new AliyunSmsFake(port).perNumberDailyLimit(daily);
                if (keyId != null || keySecret != null) {
                    if (keyId == null || keySecret == null) throw new IllegalArgumentException("give both --key-id and --key-secret");
                    f.account(keyId, keySecret);
                }
                yield f;
            }
            case "wecom" -> {
                WeComRobotFake f = new WeComRobotFake(port).perMinute(perMinute);
                robots.forEach(f::robot);
                yield f;
            }
            default -> throw new IllegalArgumentException("unknown fake '" + kind + "': aliyun or wecom");
        };
        server.latency(latency);
        if (fault != null) server.faults().random(fault, rate > 0 ? rate : 1.0, seed);
        return server;
    }

    static String usage() {
        return """
                usage: java -jar rekindle-fakes.jar aliyun --port 18080 [--latency-ms 20] [--key-id ID --key-secret S]
                                                   [--fault KIND --fault-rate 0.05 --seed 7] [--per-number-daily-limit 50]
                       java -jar rekindle-fakes.jar wecom --port 18081 [--latency-ms 0] [--robot KEY]... [--per-minute 20]
                fault kinds: HTTP_500, THROTTLING, BUSINESS_LIMIT, TIMEOUT, SLOW, DROP_AFTER_RECEIPT""";
    }
}
