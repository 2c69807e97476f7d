package dev.rekindle.bench;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.template.CampaignRef;
import dev.rekindle.template.MessageModel;
import dev.rekindle.template.TemplateSettings;
import freemarker.cache.FileTemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reference for bench/render.sh: raw FreeMarker rendering of one template, single thread, with
 * data models built beforehand (same shape as the app's), so only {@code Template.process} is timed —
 * twice: cold (the first renders of the JVM, JIT compilation included) and warm (once compiled).
 * Usage: RawRenderBench TEMPLATES_DIR TEMPLATE_NAME RENDERS
 */
public final class RawRenderBench {

    private RawRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String name = args[1];
        int renders = Integer.parseInt(args[2]);
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new FileTemplateLoader(dir.toFile()));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setNumberFormat("0.##");
        Template template = cfg.getTemplate(name);

        TemplateSettings settings = new TemplateSettings(dir, Locale.SIMPLIFIED_CHINESE, 2, "回T退订", "https://shop.example.cn",
                "https://shop.example.cn/unsubscribe?c={campaign}&u={customer}");
        MessageModel.Factory models = new MessageModel(new ShopProfile("暖心小铺", "暖心小铺", ZoneId.of("Asia/Shanghai"),
                Clock.systemUTC()), settings).forCampaign(new CampaignRef(1, "bench", "holiday-greeting", Purpose.CARE,
                LocalDate.of(2025, 1, 1)));
        List<freemarker.template.TemplateHashModel> prepared = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            CustomerView c = CustomerView.builder(i, String.valueOf(i)).contacts(ContactKind.MOBILE).stage(Stage.values()[i % 5])
                    .segment(RfmSegment.values()[i % 8]).recencyDays(i % 700).frequency(1 + i % 9).monetary(30 + i).scores(3, 3, 3)
                    .build();
            prepared.add(models.model(c, null, Map.of("holiday", "元旦", "holiday_date", "1月1日", "greeting", "元旦快乐", "days_left", "0")));
        }
        StringWriter out = new StringWriter(256);
        // cold: the first renders of a fresh JVM, as a one-shot dry run meets them (the JIT compiles as it goes)
        long start = System.nanoTime();
        long chars = render(template, prepared, out, renders);
        double cold = (System.nanoTime() - start) / 1e9;
        render(template, prepared, out, 300_000); // more warm-up: let the JIT finish compiling the renderer
        // warm: the same number of renders once compiled, as a dry run repeated in the shell meets them; the median
        // of three passes, as bench/render.sh takes the median of a session's last three dry runs
        // also the thread's CPU time: on a shared machine the wall time measures the neighbours too
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] passes = new double[3];
        double[] cpuPasses = new double[3];
        for (int i = 0; i < passes.length; i++) {
            start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            render(template, prepared, out, renders);
            passes[i] = (System.nanoTime() - start) / 1e9;
            cpuPasses[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        }
        java.util.Arrays.sort(passes);
        java.util.Arrays.sort(cpuPasses);
        double warm = passes[1];
        System.out.printf("raw-freemarker template=%s renders=%d cold-seconds=%.2f cold-rate=%.0f/s seconds=%.2f rate=%.0f/s"
                + " cpu-rate=%.0f/s (avg %d chars)%n", name, renders, cold, renders / cold, warm, renders / warm,
                renders / cpuPasses[1], chars / renders);
    }

    private static long render(Template template, List<freemarker.template.TemplateHashModel> models, StringWriter out, int n)
            throws Exception {
        long chars = 0;
        for (int i = 0; i < n; i++) {
            out.getBuffer().setLength(0);
            template.process(models.get(i & 1023), out);
            chars += out.getBuffer().length();
        }
        return chars;
    }
}
