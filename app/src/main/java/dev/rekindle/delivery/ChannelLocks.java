package dev.rekindle.delivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender per rate-limited channel at a time, across processes: a run takes the channel's lock file
 * ({@code <database folder>/locks/<database>.<channel>.lock}, an OS file lock) before its first message on
 * that channel and keeps it until the run ends, so two Rekindles sending at once cannot add up to twice
 * the channel's rate. The operating system releases a lock when its process dies, kill -9 included.
 * Chosen over a token bucket shared in the database: no write per message, nothing to clean up after a
 * crash. A run that cannot get the lock within {@code wait} holds that channel's messages back (pending,
 * with the reason); its other channels go on, and a resume sends the rest.
 */
public final class ChannelLocks {

    private static final Logger log = LoggerFactory.getLogger(ChannelLocks.class);
    /** Locks this process holds (a JVM may not take the same file lock twice). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final String prefix;
    private final Duration wait;

    /** Locks beside the database file; {@code wait} is how long a run waits for a busy channel. */
    public ChannelLocks(Path database, Duration wait) {
        Path db = database.toAbsolutePath().normalize();
        this.dir = db.getParent() == null ? Path.of("locks") : db.getParent().resolve("locks");
        this.prefix = db.getFileName().toString();
        this.wait = wait;
    }

    /** A held lock; closing it lets the next sender in. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the channel's lock, waiting at most {@link #wait}; empty when another sender keeps it. */
    public Optional<Held> take(String channel) {
        Path file = dir.resolve(prefix + "." + channel.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");
        long deadline = System.nanoTime() + wait.toNanos();
        boolean logged = false;
        while (true) {
            Optional<Held> held = tryTake(file);
            if (held.isPresent() || System.nanoTime() >= deadline) return held;
            if (!logged) {
                log.info("channel {} is being sent on by another run; waiting up to {} s for it", channel, wait.toSeconds());
                logged = true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static Optional<Held> tryTake(Path file) {
        if (!HELD.add(file)) return Optional.empty();
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                HELD.remove(file);
                return Optional.empty();
            }
            FileLock taken = lock;
            return Optional.of(() -> {
                try {
                    taken.release();
                    ch.close();
                } catch (IOException e) {
                    log.warn("could not release {}", file, e);
                } finally {
                    HELD.remove(file);
                }
            });
        } catch (IOException e) {
            HELD.remove(file);
            // no lock file possible (read-only folder): send anyway, as before, rather than not at all
            log.warn("cannot lock {} ({}); sending without the cross-process channel lock", file, e.getMessage());
            return Optional.of(() -> { });
        }
    }
}
