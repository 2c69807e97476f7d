package dev.rekindle.store;

import dev.rekindle.i18n.Tr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The SQLite error behind an exception, wherever Spring, Hikari or a failed rollback put it (a cause, a
 * suppressed exception, a transaction's application exception), and what it means for the operator:
 * a full disk, a database that cannot be written, one another process keeps busy.
 */
public final class SqliteErrors {

    /** What the operator sees the database as (its path), set when the pool is made. */
    private static volatile String database = "the database";

    private SqliteErrors() {
    }

    static void database(String description) {
        database = description;
    }

    /** The most telling SQLite error in {@code e}: one that is not a mere "no transaction is active". */
    public static Optional<SQLiteException> find(Throwable e) {
        SQLiteException fallback = null;
        Deque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.removeFirst();
            if (seen.put(t, true) != null) continue;
            if (t instanceof SQLiteException s) {
                if (base(s) != SQLiteErrorCode.SQLITE_ERROR) return Optional.of(s);
                if (fallback == null) fallback = s;
            }
            if (t.getCause() != null) todo.add(t.getCause());
            for (Throwable x : t.getSuppressed()) todo.add(x);
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null) todo.add(tse.getApplicationException());
        }
        return Optional.ofNullable(fallback);
    }

    /** Another connection holds the lock (SQLITE_BUSY / SQLITE_LOCKED): nothing was written, trying again is safe. */
    public static boolean isBusy(Throwable e) {
        Optional<SQLiteException> s = find(e);
        if (s.isPresent()) {
            SQLiteErrorCode c = base(s.get());
            if (c == SQLiteErrorCode.SQLITE_BUSY || c == SQLiteErrorCode.SQLITE_LOCKED) return true;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) return true;
        }
        return false;
    }

    /** A plain explanation for the operator, with the path and what to do; empty when it is no such error. */
    public static Optional<String> explain(Throwable e) {
        Optional<SQLiteException> s = find(e);
        if (s.isEmpty()) return Optional.empty();
        String db = database;
        return Optional.ofNullable(switch (base(s.get())) {
            case SQLITE_FULL -> Tr.f("the disk holding the database %s is full (SQLITE_FULL). Nothing of this command was saved. "
                    + "Free space on that disk, or move the database elsewhere (--db), then run the command again.", db);
            case SQLITE_READONLY -> Tr.f("the database %s cannot be written (SQLITE_READONLY): the file, its folder or the disk is "
                    + "read-only. SQLite also writes files next to it (-wal, -shm, -journal): make the file and its folder writable "
                    + "for this user, or copy the database to a writable place (--db).", db);
            case SQLITE_CANTOPEN -> Tr.f("cannot open the database %s (SQLITE_CANTOPEN): its folder is missing, not readable, or does "
                    + "not let SQLite create its -wal and -journal files. Check the path and the folder's permissions.", db);
            case SQLITE_BUSY, SQLITE_LOCKED -> Tr.f("the database %s stayed busy: another process (an import, another send) keeps it "
                    + "locked. Nothing of this command was lost; run it again when the other one has finished.", db);
            case SQLITE_IOERR -> Tr.f("reading or writing the database %s failed (%s): check the disk. Nothing of this command was saved.",
                    db, s.get().getResultCode().name());
            case SQLITE_CORRUPT, SQLITE_NOTADB -> Tr.f("the database %s is damaged or not a database (%s): restore it from a backup.",
                    db, s.get().getResultCode().name());
            default -> null;
        });
    }

    private static SQLiteErrorCode base(SQLiteException s) {
        SQLiteErrorCode c = s.getResultCode();
        if (c == null) return SQLiteErrorCode.UNKNOWN_ERROR;
        return SQLiteErrorCode.getErrorCode(c.code & 0xff);
    }
}
