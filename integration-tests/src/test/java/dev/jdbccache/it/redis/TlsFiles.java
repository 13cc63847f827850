package dev.jdbccache.it.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for a TLS test, made with the {@code openssl} command in {@code dir}: a private CA
 * and a server certificate it signed for {@code IP:127.0.0.1} and {@code DNS:localhost} (PEM, as
 * redis-server wants them), plus a second CA that signed nothing. {@link #trustStore} writes a
 * PKCS12 trust store for either CA, as a Java client wants it.
 */
record TlsFiles(Path dir, Path caCertificate, Path serverCertificate, Path serverKey, Path otherCaCertificate) {

    /** True when an {@code openssl} command is on the {@code PATH} (the machines have it; a bare JDK does not). */
    static boolean opensslOnPath() {
        return dev.jdbccache.testservices.Commands.onPath("openssl").isPresent();
    }

    static TlsFiles generate(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        Path other = dir.resolve("other-ca.pem");
        Path server = dir.resolve("server.pem");
        Path serverKey = dir.resolve("server.key");
        Path request = dir.resolve("server.csr");
        Path extensions = Files.writeString(dir.resolve("server.ext"), String.join("\n",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "basicConstraints=CA:FALSE",
                "keyUsage=digitalSignature,keyEncipherment",
                "extendedKeyUsage=serverAuth", ""));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=jdbc-cache test CA",
                "-keyout", caKey.toString(), "-out", ca.toString());
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=jdbc-cache other CA",
                "-keyout", dir.resolve("other-ca.key").toString(), "-out", other.toString());
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", serverKey.toString(), "-out", request.toString());
        openssl("x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out", server.toString());
        return new TlsFiles(dir, ca, server, serverKey, other);
    }

    /** A PKCS12 trust store named {@code name} in the directory, holding only {@code certificate}. */
    Path trustStore(String name, Path certificate, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}
