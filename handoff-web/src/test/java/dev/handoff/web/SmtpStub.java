package dev.handoff.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * An SMTP server for one message, playing the mail relay an operator configures: the exchange of
 * RFC 5321 that Jakarta Mail's {@code Transport.send} needs (greeting, EHLO, MAIL FROM, RCPT TO,
 * DATA, QUIT). {@link #received} completes with the envelope lines and the message as sent.
 */
final class SmtpStub implements AutoCloseable {

    final CompletableFuture<String> received = new CompletableFuture<>();
    private final ServerSocket socket;

    SmtpStub(int port) throws IOException {
        socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "smtp-stub");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try (Socket client = socket.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            reply(out, "220 stub.invalid ESMTP");
            StringBuilder mail = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 stub.invalid");
                } else if (command.startsWith("MAIL FROM") || command.startsWith("RCPT TO")) {
                    mail.append(line).append('\n');
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        mail.append(line).append('\n');
                    }
                    reply(out, "250 OK: queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 Bye");
                    break;
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else {
                    reply(out, "502 Command not implemented");
                }
            }
            received.complete(mail.toString());
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
