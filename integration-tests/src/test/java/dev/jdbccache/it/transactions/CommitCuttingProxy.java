package dev.jdbccache.it.transactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of one database connection that, once armed, lets the next {@code COMMIT}
 * reach the server and the server's answer come back to the proxy, then cuts the connection
 * before the client hears it: the transaction is committed, and the client cannot know.
 */
final class CommitCuttingProxy implements AutoCloseable {

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private volatile boolean armed;
    private volatile boolean commitSent;
    private final CountDownLatch cut = new CountDownLatch(1);
    private Socket client;
    private Socket server;

    CommitCuttingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptOne, "commit-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, the first COMMIT the client sends is the last thing this connection carries. */
    void armCutOnCommit() {
        armed = true;
    }

    /** Waits until the connection was cut after a committed COMMIT. */
    boolean awaitCut(long seconds) throws InterruptedException {
        return cut.await(seconds, TimeUnit.SECONDS);
    }

    private void acceptOne() {
        try {
            client = listener.accept();
            server = new Socket(targetHost, targetPort);
            Thread up = new Thread(() -> pump(client, server, true), "proxy-up");
            up.setDaemon(true);
            up.start();
            pump(server, client, false);
        } catch (IOException e) {
            // closed: the test is over, or the connection was cut
        }
    }

    private void pump(Socket from, Socket to, boolean clientToServer) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!clientToServer && commitSent) {
                    // the server answered the COMMIT: it is committed; the client never hears it
                    cutAll();
                    return;
                }
                if (clientToServer && armed && contains(buffer, n, COMMIT)) {
                    commitSent = true; // before it leaves: the answer may come back at once
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed, or the cut
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private void cutAll() {
        closeQuietly(client);
        closeQuietly(server);
        cut.countDown();
    }

    private static void closeQuietly(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeQuietly(client);
        closeQuietly(server);
    }
}
