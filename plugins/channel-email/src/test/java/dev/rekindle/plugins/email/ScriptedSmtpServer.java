package dev.rekindle.plugins.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server for the failures GreenMail does not produce: refuse the recipient (550), defer
 * the message (451), or take the whole message and hang up before answering. Counts messages whose data
 * it received in full.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    enum Mode { REJECT_RECIPIENT, DEFER_DATA, DROP_AFTER_DATA }

    private final ServerSocket socket;
    private final Thread thread;
    final AtomicInteger fullyReceived = new AtomicInteger();

    ScriptedSmtpServer(Mode mode) throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    converse(s, mode);
                } catch (IOException e) {
                    // closed
                }
            }
        }, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void converse(Socket s, Mode mode) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        say(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (cmd) {
                case "EHLO", "HELO" -> say(out, "250 scripted");
                case "MAIL" -> say(out, "250 OK");
                case "RCPT" -> say(out, mode == Mode.REJECT_RECIPIENT ? "550 5.1.1 mailbox unavailable" : "250 OK");
                case "DATA" -> {
                    say(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message body
                    }
                    fullyReceived.incrementAndGet();
                    if (mode == Mode.DROP_AFTER_DATA) {
                        return; // hang up without the final answer
                    }
                    say(out, mode == Mode.DEFER_DATA ? "451 4.3.0 try again later" : "250 queued");
                }
                case "RSET", "NOOP" -> say(out, "250 OK");
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "502 not implemented");
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
