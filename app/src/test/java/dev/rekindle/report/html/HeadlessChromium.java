package dev.rekindle.report.html;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's headless Chromium driven from the command line, as the machine notes recommend: no sandbox (root),
 * no GPU, no background networking (the machine's closed network refuses it), a fresh profile per run, and
 * console messages logged to stderr so that a test can see page errors. Installs Chromium through the
 * project's own {@code bin/install-chromium.sh} when it is missing.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    /** What one page load gave: the screenshot, the DOM after parsing, and the page's console messages. */
    record Rendering(BufferedImage screenshot, String dom, List<String> console) {
    }

    private final Path work;

    HeadlessChromium(Path work) {
        this.work = work;
    }

    /** Installs Chromium and a Chinese font with the project's script when absent; fails the test if it cannot. */
    static void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && hasChineseFont()) {
            return;
        }
        Path script = projectFile("bin/install-chromium.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isExecutable(CHROMIUM)) {
                fail("Chromium is needed to check that the HTML report renders, and " + script + " could not install it "
                        + "(install it by hand: apt-get install -y chromium fonts-wqy-microhei). Its output:\n" + out);
            }
        } catch (IOException e) {
            fail("cannot run " + script + " to install Chromium: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while installing Chromium");
        }
    }

    static boolean hasChineseFont() {
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isBlank();
        } catch (IOException e) {
            return false; // no fontconfig at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Loads the page twice (screenshot, then DOM dump), each in a fresh profile. */
    Rendering render(Path page, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve("screenshot-" + System.nanoTime() + ".png");
        List<String> console = new ArrayList<>(run(page, width, height, "--screenshot=" + png).console());
        Run dump = run(page, width, height, "--dump-dom");
        console.addAll(dump.console());
        return new Rendering(read(png), dump.stdout(), console);
    }

    /** One load for the DOM and the console only. */
    Rendering dump(Path page) throws IOException, InterruptedException {
        Run dump = run(page, 800, 600, "--dump-dom");
        return new Rendering(null, dump.stdout(), dump.console());
    }

    /** One load for the screenshot only. */
    BufferedImage screenshot(Path page, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve("screenshot-" + System.nanoTime() + ".png");
        run(page, width, height, "--screenshot=" + png);
        return read(png);
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage image = Files.exists(png) ? ImageIO.read(png.toFile()) : null;
        if (image == null) {
            fail("Chromium wrote no readable screenshot at " + png);
        }
        return image;
    }

    private record Run(String stdout, List<String> console) {
    }

    private Run run(Path page, int width, int height, String what) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path out = work.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = work.resolve("chromium-" + System.nanoTime() + ".err");
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=" + width + "," + height, what, page.toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ": " + String.join(" ", command) + "\n" + stderr);
        }
        // Console messages (errors, CSP violations, uncaught exceptions) appear as ":INFO:CONSOLE" lines.
        List<String> console = stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        return new Run(Files.readString(out, StandardCharsets.UTF_8), console);
    }

    /** A file of the project, found by walking up from the module folder Maven runs the tests in. */
    static Path projectFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
