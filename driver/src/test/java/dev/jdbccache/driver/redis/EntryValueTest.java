package dev.jdbccache.driver.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EntryValueTest {

    private static final byte[] KEY = "{jc:t:}e1:e:abc".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MATERIAL = "select 1|db|session".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CODEC = {1, 2, 3, 4, 5};

    @Test
    void roundTrip_unsignedAndSigned() {
        for (EntryValue values : new EntryValue[] {new EntryValue(""), new EntryValue("s3cret")}) {
            byte[] payload = values.encode(KEY, "1,2", MATERIAL, CODEC);
            assertArrayEquals(CODEC, values.decode(payload, KEY, "1,2", MATERIAL));
        }
    }

    @Test
    void otherKeyMaterialBehindTheSameDigest_isAMiss() {
        EntryValue values = new EntryValue("");
        byte[] payload = values.encode(KEY, "1,2", MATERIAL, CODEC);
        assertNull(values.decode(payload, KEY, "1,2", "select 2|db|session".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesNotSignedWithOurKey_areAMiss() {
        EntryValue ours = new EntryValue("s3cret");
        assertNull(ours.decode(new EntryValue("").encode(KEY, "1,2", MATERIAL, CODEC), KEY, "1,2", MATERIAL), "unsigned");
        assertNull(ours.decode(new EntryValue("other").encode(KEY, "1,2", MATERIAL, CODEC), KEY, "1,2", MATERIAL), "other key");
        byte[] payload = ours.encode(KEY, "1,2", MATERIAL, CODEC);
        assertNull(ours.decode(payload, KEY, "1,3", MATERIAL), "signed for other versions");
        payload[payload.length - 40] ^= 1;
        assertNull(ours.decode(payload, KEY, "1,2", MATERIAL), "tampered");
    }

    @Test
    void garbage_isAMiss_neverAnException() {
        EntryValue values = new EntryValue("");
        assertNull(values.decode(new byte[0], KEY, "1", MATERIAL));
        assertNull(values.decode("hello world".getBytes(StandardCharsets.UTF_8), KEY, "1", MATERIAL));
        byte[] payload = values.encode(KEY, "1", MATERIAL, CODEC);
        payload[8] = 127; // absurd key material length
        assertNull(values.decode(payload, KEY, "1", MATERIAL));
    }

    /** 40 KiB of rows much like a recording's: repetitive, so LZ4 saves most of it. */
    private static byte[] rows() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 40 * 1024; i++) {
            text.append(i).append("\u0000item ").append(i).append("\u0000").append(i % 1000).append(".99\u0001");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeRecording_isStoredCompressed_andReadBackAsItWas() {
        byte[] codec = rows();
        for (EntryValue values : new EntryValue[] {new EntryValue("", 16 * 1024), new EntryValue("s3cret", 16 * 1024)}) {
            byte[] payload = values.encode(KEY, "1,2", MATERIAL, codec);
            assertTrue(payload.length < codec.length * 3 / 4, "stored " + payload.length + " bytes of " + codec.length);
            assertEquals(2, payload[3], "format 2");
            assertArrayEquals(codec, values.decode(payload, KEY, "1,2", MATERIAL));
        }
        assertArrayEquals(codec, new EntryValue("").decode(new EntryValue("", 16 * 1024).encode(KEY, "1", MATERIAL, codec),
                KEY, "1", MATERIAL), "a node with compression off reads a compressed entry");
    }

    @Test
    void smallOrIncompressibleRecordings_stayAsTheyAre() {
        EntryValue values = new EntryValue("", 16 * 1024);
        assertEquals(1, values.encode(KEY, "1", MATERIAL, CODEC)[3], "below the threshold");
        byte[] random = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(random);
        byte[] payload = values.encode(KEY, "1", MATERIAL, random);
        assertEquals(1, payload[3], "compression would not save a tenth");
        assertArrayEquals(random, values.decode(payload, KEY, "1", MATERIAL));
        assertEquals(1, new EntryValue("", 0).encode(KEY, "1", MATERIAL, rows())[3], "0 turns it off");
    }

    @Test
    void aCompressedEntryThatLies_isAMiss() {
        EntryValue values = new EntryValue("", 16 * 1024);
        byte[] payload = values.encode(KEY, "1", MATERIAL, rows());
        int originalAt = 3 + 2 + 4 + MATERIAL.length;
        byte[] bomb = payload.clone();
        java.nio.ByteBuffer.wrap(bomb).putInt(originalAt, Integer.MAX_VALUE); // claims 2 GiB of rows
        assertNull(values.decode(bomb, KEY, "1", MATERIAL));
        byte[] shorter = payload.clone();
        java.nio.ByteBuffer.wrap(shorter).putInt(originalAt, rows().length - 1);
        assertNull(values.decode(shorter, KEY, "1", MATERIAL), "a length that does not match the block");
        byte[] corrupt = payload.clone();
        for (int i = originalAt + 8; i < corrupt.length; i += 7) {
            corrupt[i] ^= 0x5a;
        }
        assertNull(values.decode(corrupt, KEY, "1", MATERIAL));
        byte[] later = payload.clone();
        later[3] = 3;
        assertNull(values.decode(later, KEY, "1", MATERIAL), "a format of a later version");
    }

    @Test
    void digestIs128BitsOfHex() {
        assertEquals(32, EntryValue.digest(MATERIAL).length());
    }
}
