package dev.jdbccache.driver.redis;

import java.nio.charset.StandardCharsets;

/**
 * The names of one cache's Redis keys. Every key starts with the hash tag {@code {<prefix>}}, so
 * all keys of a cache live in one Redis Cluster slot and every script touches one slot (the
 * simplest correct choice: a cache's keys stay on one node, which bounds it to that node's memory
 * and throughput). Entry, version and lease keys also carry the epoch, so a new epoch orphans
 * everything stored before it. Immutable.
 *
 * <pre>
 * {jc:default:}epoch               the epoch id (random, created with SET NX)
 * {jc:default:}server              the run id of the server process the epoch's data lives on
 * {jc:default:}seq                 publish sequence number (writer scripts increment it)
 * {jc:default:}consumer:&lt;slot&gt;   the change-capture consumer's lease ("node:token", PX); and
 *                                  consumer-fence:&lt;slot&gt;, its fencing counter, and
 *                                  consumer-digest:&lt;slot&gt;, the catalog digest it last saw
 * {jc:default:}&lt;epoch&gt;:e:&lt;digest&gt;  an entry: "versions\npayload", with a PX TTL
 * {jc:default:}&lt;epoch&gt;:g / :gl / :gm  the global version / its leases / its lease marker
 * {jc:default:}&lt;epoch&gt;:v:&lt;table&gt;   a table's version; :l:&lt;table&gt; its leases (sorted set by
 *                                  expiry); :m:&lt;table&gt; its lease marker (a string that exists
 *                                  while any lease is live; no TTL)
 * </pre>
 *
 * <p>The marker duplicates what the sorted set says in a form a plain {@code MGET} can read, so a
 * reader needs no script (see {@link DirectReads}); writer scripts keep both in step.
 */
final class RedisKeys {

    private final String tag;
    private final byte[] epochKey;
    private final byte[] seqKey;
    private final byte[] serverKey;
    private final byte[] footprintsKey;
    private final byte[] channel;

    RedisKeys(String prefix) {
        this.tag = "{" + prefix + "}";
        this.epochKey = bytes(tag + "epoch");
        this.serverKey = bytes(tag + "server");
        this.footprintsKey = bytes(tag + "footprints");
        this.seqKey = bytes(tag + "seq");
        this.channel = bytes(tag + "invalidations");
    }

    byte[] epoch() {
        return epochKey;
    }

    byte[] seq() {
        return seqKey;
    }

    /** A SCAN pattern for every key named in {@code epoch} (entries, counters, leases, markers). */
    String epochPattern(String epoch) {
        return escapeGlob(tag + epoch) + ":*";
    }

    private static String escapeGlob(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The footprint settings the nodes of this cache agreed on (FootprintAgreement). */
    byte[] footprints() {
        return footprintsKey;
    }

    /** The run id of the Redis server the current epoch's data lives on. */
    byte[] server() {
        return serverKey;
    }

    /** The change-capture consumer lease of the slot {@code slot}, and its fencing counter. */
    byte[] consumerLease(String slot) {
        return bytes(tag + "consumer:" + slot);
    }

    byte[] consumerFence(String slot) {
        return bytes(tag + "consumer-fence:" + slot);
    }

    /** The catalog digest the consumer of {@code slot} last recorded. */
    byte[] consumerDigest(String slot) {
        return bytes(tag + "consumer-digest:" + slot);
    }

    /** The pub/sub channel writers publish to. */
    byte[] channel() {
        return channel;
    }

    byte[] entry(String epoch, String digestHex) {
        return bytes(tag + epoch + ":e:" + digestHex);
    }

    /** A table's version counter; {@code null} names the global version. */
    byte[] version(String epoch, String table) {
        return bytes(table == null ? tag + epoch + ":g" : tag + epoch + ":v:" + table);
    }

    /** A table's leases; {@code null} names the global version's leases. */
    byte[] leases(String epoch, String table) {
        return bytes(table == null ? tag + epoch + ":gl" : tag + epoch + ":l:" + table);
    }

    /** A table's lease marker; {@code null} names the global version's. */
    byte[] leaseMarker(String epoch, String table) {
        return bytes(table == null ? tag + epoch + ":gm" : tag + epoch + ":m:" + table);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
