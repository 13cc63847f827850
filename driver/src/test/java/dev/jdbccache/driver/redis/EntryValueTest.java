package dev.jdbccache.driver.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void digestIs128BitsOfHex() {
        assertEquals(32, EntryValue.digest(MATERIAL).length());
    }
}
