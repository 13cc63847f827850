package dev.jdbccache.driver.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payload of an entry in Redis, and the digest that names it. Layout: magic {@code "JCE"},
 * format 1, a flags byte (1 = signed), the key material (length-prefixed), the recording's codec
 * bytes (length-prefixed), and with {@code cache.redis.hmac-key} an HMAC-SHA256 over the Redis key,
 * the versions and everything before it. A payload is accepted only for the same key material and,
 * when a key is configured, with a valid signature: anything else is a miss and is never decoded.
 * Thread-safe (a new {@link Mac} per call).
 */
final class EntryValue {

    private static final byte[] MAGIC = {'J', 'C', 'E', 1};
    private static final int MAC_BYTES = 32;
    private static final int DIGEST_BYTES = 16; // 128 bits: collisions are also caught by the key material

    private final SecretKeySpec hmacKey;

    EntryValue(String hmacKey) {
        this.hmacKey = hmacKey == null || hmacKey.isEmpty() ? null
                : new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Hex of the first 128 bits of SHA-256 of the key material: the entry's name in Redis. */
    static String digest(byte[] keyMaterial) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(keyMaterial);
            return java.util.HexFormat.of().formatHex(sha, 0, DIGEST_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    byte[] encode(byte[] redisKey, String versions, byte[] keyMaterial, byte[] codecBytes) {
        boolean signed = hmacKey != null;
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 1 + 8 + keyMaterial.length + codecBytes.length
                + (signed ? MAC_BYTES : 0));
        out.put(MAGIC).put((byte) (signed ? 1 : 0));
        out.putInt(keyMaterial.length).put(keyMaterial);
        out.putInt(codecBytes.length).put(codecBytes);
        if (signed) {
            out.put(mac(redisKey, versions, out.array(), 0, out.position()));
        }
        return out.array();
    }

    /**
     * The codec bytes of the payload that starts at {@code from} in {@code stored}, or
     * {@code null} when it is not ours to serve: malformed, for other key material (a digest
     * collision), or not signed with our key.
     */
    byte[] decode(byte[] stored, int from, byte[] redisKey, String versions, byte[] keyMaterial) {
        try {
            ByteBuffer in = ByteBuffer.wrap(stored, from, stored.length - from);
            for (byte expected : MAGIC) {
                if (in.get() != expected) {
                    return null;
                }
            }
            boolean signed = in.get() == 1;
            if (signed != (hmacKey != null)) {
                return null; // unsigned bytes when we sign (anyone could have written them), or the reverse
            }
            int materialLength = in.getInt();
            if (materialLength != keyMaterial.length || materialLength > in.remaining()) {
                return null;
            }
            if (!Arrays.equals(stored, in.position(), in.position() + materialLength, keyMaterial, 0, materialLength)) {
                return null;
            }
            in.position(in.position() + materialLength);
            int codecLength = in.getInt();
            if (codecLength < 0 || codecLength != in.remaining() - (signed ? MAC_BYTES : 0)) {
                return null;
            }
            int codecStart = in.position();
            int codecEnd = codecStart + codecLength;
            if (signed) {
                byte[] expected = mac(redisKey, versions, stored, from, codecEnd - from);
                byte[] actual = Arrays.copyOfRange(stored, codecEnd, stored.length);
                if (!MessageDigest.isEqual(expected, actual)) {
                    return null;
                }
            }
            return Arrays.copyOfRange(stored, codecStart, codecEnd);
        } catch (RuntimeException e) { // BufferUnderflowException and the like: malformed
            return null;
        }
    }

    /** {@link #decode(byte[], int, byte[], String, byte[])} of a payload on its own. */
    byte[] decode(byte[] payload, byte[] redisKey, String versions, byte[] keyMaterial) {
        return decode(payload, 0, redisKey, versions, keyMaterial);
    }

    private byte[] mac(byte[] redisKey, String versions, byte[] body, int bodyStart, int bodyLength) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            mac.update(redisKey);
            mac.update((byte) 0);
            mac.update(versions.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(body, bodyStart, bodyLength);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
