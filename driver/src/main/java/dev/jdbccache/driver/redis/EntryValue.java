package dev.jdbccache.driver.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * The payload of an entry in Redis, and the digest that names it. Layout: magic {@code "JCE"}, a
 * format byte, a flags byte (1 = signed), the key material (length-prefixed), then in format 1 the
 * recording's codec bytes (length-prefixed), in format 2 their length and their LZ4 block
 * (length-prefixed; {@code cache.redis.compress-above}), and with {@code cache.redis.hmac-key} an
 * HMAC-SHA256 over the Redis key, the versions and everything before it. A payload is accepted
 * only for the same key material and, when a key is configured, with a valid signature: anything
 * else is a miss and is never decoded (nor decompressed). A node that knows only format 1 reads a
 * format-2 entry as a miss. Thread-safe (a new {@link Mac} per call; the LZ4 codecs are).
 */
final class EntryValue {

    private static final byte[] MAGIC = {'J', 'C', 'E'};
    private static final byte PLAIN = 1;
    private static final byte COMPRESSED = 2;
    private static final int MAC_BYTES = 32;
    private static final int DIGEST_BYTES = 16; // 128 bits: collisions are also caught by the key material
    /** LZ4 expands at most 255 times; a stored length beyond that, or beyond this cap, is not ours. */
    private static final int MAX_EXPANSION = 255;
    private static final int MAX_DECOMPRESSED = 256 << 20;

    /**
     * The pure-Java codec (no native library to load, relocatable in the single jar), loaded on
     * first use only: a store that never meets a compressed entry does not depend on it.
     */
    private static final class Codec {
        static final LZ4Factory LZ4 = LZ4Factory.safeInstance();
    }

    private final SecretKeySpec hmacKey;
    private final long compressAbove;

    /** Values that are never compressed. */
    EntryValue(String hmacKey) {
        this(hmacKey, 0);
    }

    /**
     * @param compressAbove codec bytes longer than this are compressed when that saves a tenth or
     *                      more; 0 for never
     */
    EntryValue(String hmacKey, long compressAbove) {
        this.hmacKey = hmacKey == null || hmacKey.isEmpty() ? null
                : new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.compressAbove = compressAbove;
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
        byte[] body = codecBytes;
        int bodyLength = codecBytes.length;
        boolean compressed = false;
        if (compressAbove > 0 && codecBytes.length > compressAbove && codecBytes.length <= MAX_DECOMPRESSED) {
            try {
                LZ4Compressor compressor = Codec.LZ4.fastCompressor();
                byte[] block = new byte[compressor.maxCompressedLength(codecBytes.length)];
                int length = compressor.compress(codecBytes, 0, codecBytes.length, block, 0, block.length);
                if (length <= codecBytes.length - codecBytes.length / 10) {
                    body = block;
                    bodyLength = length;
                    compressed = true;
                }
            } catch (LinkageError e) {
                // the codec cannot be loaded beside the driver (another lz4-java on the class path): store it plain
            }
        }
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + 8 + (compressed ? 4 : 0) + keyMaterial.length + bodyLength
                + (signed ? MAC_BYTES : 0));
        out.put(MAGIC).put(compressed ? COMPRESSED : PLAIN).put((byte) (signed ? 1 : 0));
        out.putInt(keyMaterial.length).put(keyMaterial);
        if (compressed) {
            out.putInt(codecBytes.length);
        }
        out.putInt(bodyLength).put(body, 0, bodyLength);
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
            byte format = in.get();
            if (format != PLAIN && format != COMPRESSED) {
                return null; // a format of a later version
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
            int originalLength = format == COMPRESSED ? in.getInt() : -1;
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
            if (format == PLAIN) {
                return Arrays.copyOfRange(stored, codecStart, codecEnd);
            }
            if (originalLength <= 0 || originalLength > MAX_DECOMPRESSED
                    || (long) codecLength * MAX_EXPANSION < originalLength) {
                return null;
            }
            byte[] original = new byte[originalLength];
            int decompressed = Codec.LZ4.safeDecompressor().decompress(stored, codecStart, codecLength, original, 0, originalLength);
            return decompressed == originalLength ? original : null;
        } catch (RuntimeException | LinkageError e) { // malformed (BufferUnderflowException, LZ4Exception), or no codec
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
