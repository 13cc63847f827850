package dev.jdbccache.driver.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the Redis protocol. Each runs atomically in Redis, so a reader's capture and a
 * writer's lease-and-increment are single steps. Every script gets {@code KEYS[1]} = the epoch key,
 * {@code KEYS[2]} = the publish sequence key, {@code ARGV[1]} = the epoch the caller believes in
 * and {@code ARGV[2]} = a random epoch to create when none exists; a script that finds another
 * epoch answers {@code {'E', epoch}} and the caller retries with it. Other replies start with a
 * one-letter kind: {@code F} entry found, {@code M} miss, {@code B} bypass (lease), {@code S} stored,
 * {@code D} dropped, {@code Y}/{@code N} current or not, {@code K} done, {@code O} Redis is out of
 * memory and the step could not be taken.
 *
 * <p>Commands that Redis refuses when out of memory ({@code SET}, {@code INCR}, {@code ZADD},
 * {@code HSET}) run through {@code redis.pcall}; a counter that cannot be incremented is deleted
 * instead (it restarts at a random value), which invalidates as well. Reads still work then.
 * Garbage of the wrong type in one of our keys is deleted, never an error that sticks.
 */
enum RedisScript {

    /**
     * Reader steps 1-3, for when {@link DirectReads} cannot decide (this node does not know the
     * epoch yet, a counter is missing) and for the tiered store, which needs the entry's
     * remaining TTL. KEYS: 3 entry, then (version, leases, marker) triples of the global version
     * and of each table. ARGV: 3 '1' to fetch the entry, then a random start per counter. Reply:
     * kind (F found, M missing, B leased), seq, remaining TTL ms, the raw entry, then the
     * versions; the caller compares the entry's versions with them.
     */
    LOOKUP(Prelude.CHECKED, """
            -- few commands: each call from Lua costs microseconds (one MGET for the counters)
            local n = (#KEYS - 3) / 3
            local names = {KEYS[2]}
            for i = 1, n do names[i + 1] = KEYS[1 + 3 * i]; names[n + i + 1] = KEYS[3 + 3 * i] end
            local got = redis.pcall('MGET', unpack(names))
            if failed(got) then got = {} end
            local seq = got[1]
            if not seq or not string.match(seq, '^%d+$') then seq = '0' end
            local reply = {'M', seq, '0', ''}
            for i = 1, n do
              local v = got[i + 1]
              if not v or not string.match(v, '^%d+$') then v = version(KEYS[1 + 3 * i], ARGV[3 + i]) end
              if not v then return {'O'} end
              reply[4 + i] = v
            end
            local now = now_ms()
            for i = 1, n do
              if leased(KEYS[2 + 3 * i], now) then reply[1] = 'B'; return reply end
              if got[n + i + 1] then redis.pcall('DEL', KEYS[3 + 3 * i]) end -- left by a writer that died
            end
            if ARGV[3] ~= '1' then return reply end
            local entry = redis.pcall('GET', KEYS[3])
            if failed(entry) then redis.pcall('DEL', KEYS[3]); return reply end
            if not entry then return reply end
            local ttl = redis.pcall('PTTL', KEYS[3])
            if failed(ttl) or ttl < 1 then return reply end
            reply[1] = 'F'
            reply[3] = tostring(ttl)
            reply[4] = entry
            return reply
            """),

    /**
     * Reader step 4, check-and-set. KEYS: 3 entry, then triples as in LOOKUP. ARGV: 3 the
     * captured versions as text, 4 TTL ms, 5 payload. Stores the versions, a newline and the payload.
     * Reply: S and the seq, or D / O.
     */
    FILL(Prelude.CHECKED, """
            local now = now_ms()
            local text = {}
            for i = 1, (#KEYS - 3) / 3 do
              local v = version(KEYS[1 + 3 * i], nil)
              if not v or leased(KEYS[2 + 3 * i], now) then return {'D'} end
              text[i] = v
            end
            if table.concat(text, ',') ~= ARGV[3] then return {'D'} end
            if failed(redis.pcall('SET', KEYS[3], ARGV[3] .. '\\n' .. ARGV[5], 'PX', ARGV[4])) then
              redis.pcall('DEL', KEYS[3])
              return {'O'}
            end
            return {'S', sequence()}
            """),

    /**
     * Are captured versions still current, with no live lease? (When {@link DirectReads} cannot
     * decide.) KEYS: triples from 3. ARGV: 3 versions text.
     */
    CHECK(Prelude.CHECKED, """
            local now = now_ms()
            local text = {}
            for i = 1, (#KEYS - 2) / 3 do
              local v = version(KEYS[3 * i], nil)
              if not v or leased(KEYS[1 + 3 * i], now) then return {'N'} end
              redis.pcall('DEL', KEYS[2 + 3 * i]) -- no live lease: a marker here was left by a writer that died
              text[i] = v
            end
            if table.concat(text, ',') == ARGV[3] then return {'Y'} end
            return {'N'}
            """),

    /**
     * Writer step 1: lease (and its marker), then increment, then publish. KEYS: (version,
     * leases, marker) triples from 3. ARGV: 3 lease id, 4 lease ms, 5 channel, 6 message body.
     * Reply: K, seq, '1' if fully applied.
     */
    BEGIN(Prelude.CHECKED, """
            local now = now_ms()
            local expiry = ms(now + tonumber(ARGV[4]))
            local ok = true
            for i = 1, (#KEYS - 2) / 3 do
              local vk, lk = KEYS[3 * i], KEYS[1 + 3 * i]
              redis.pcall('ZREMRANGEBYSCORE', lk, '-inf', ms(now))
              local r = redis.pcall('ZADD', lk, expiry, ARGV[3])
              if wrongtype(r) then redis.pcall('DEL', lk); r = redis.pcall('ZADD', lk, expiry, ARGV[3]) end
              if failed(r) then ok = false end
              if not mark(lk, KEYS[2 + 3 * i], vk, now) then ok = false end
              if not bump(vk) then ok = false end
            end
            return publish(ARGV[5], ARGV[1], ARGV[6], ok)
            """),

    /** Re-arms a lease (before a commit). KEYS: triples from 3. ARGV: 3 lease id, 4 lease ms. */
    RENEW(Prelude.CHECKED, """
            local now = now_ms()
            local expiry = ms(now + tonumber(ARGV[4]))
            local ok = true
            for i = 1, (#KEYS - 2) / 3 do
              local lk = KEYS[1 + 3 * i]
              if failed(redis.pcall('ZADD', lk, expiry, ARGV[3])) then ok = false end
              if not mark(lk, KEYS[2 + 3 * i], KEYS[3 * i], now) then ok = false end
            end
            return {'K', '0', ok and '1' or '0'}
            """),

    /**
     * Writer step 3 (and invalidation): increment, then release the lease, then publish. KEYS:
     * triples from 3. ARGV: 3 lease id ('' for none), 4 unused, 5 channel, 6 message body.
     */
    END(Prelude.CHECKED, """
            local now = now_ms()
            local ok = true
            for i = 1, (#KEYS - 2) / 3 do
              local vk, lk = KEYS[3 * i], KEYS[1 + 3 * i]
              if not bump(vk) then ok = false end
              if ARGV[3] ~= '' then
                redis.pcall('ZREM', lk, ARGV[3])
                redis.pcall('ZREMRANGEBYSCORE', lk, '-inf', ms(now))
                if not mark(lk, KEYS[2 + 3 * i], vk, now) then ok = false end
              end
            end
            return publish(ARGV[5], ARGV[1], ARGV[6], ok)
            """),

    /**
     * Ends the epoch (after this node wrote while Redis was unreachable, or to clear the cache):
     * the next script creates a new one, so nothing stored before can be served. ARGV: 3 channel.
     * Runs without the epoch check. DEL works even when Redis is out of memory.
     */
    ADVANCE(Prelude.HELPERS, """
            local old = redis.pcall('GET', KEYS[1])
            if failed(old) or not old then old = '' end
            redis.pcall('DEL', KEYS[1])
            redis.pcall('PUBLISH', ARGV[3], old .. '\\0?\\0A')
            return {'K', '?', '1', old}
            """),

    /**
     * The server process this node talks to is {@code ARGV[4]} (its {@code run_id}). When the
     * epoch's data was recorded on another one (a restart, which may have loaded an older
     * snapshot, or a failover), ends the epoch as {@link #ADVANCE} does: versions and entries
     * that came back together from a snapshot must not match. KEYS: epoch, seq, server. ARGV: 3
     * the channel, 4 the run id, or empty to read it here (a cluster: the primary this runs on).
     * Reply: K, '1' when the epoch ended (then the old epoch), else '0'.
     */
    SERVER(Prelude.HELPERS, """
            local run = ARGV[4]
            if run == '' then
                local info = redis.pcall('INFO', 'server')
                if failed(info) then return {'K', '0'} end
                run = string.match(info, 'run_id:(%x+)')
                if not run then return {'K', '0'} end
            end
            local known = redis.pcall('GET', KEYS[3])
            if not failed(known) and known == run then return {'K', '0'} end
            local set = redis.pcall('SET', KEYS[3], run)
            if failed(set) then return {'O'} end
            local old = redis.pcall('GET', KEYS[1])
            if failed(old) or not old then old = '' end
            -- a prefix never used before: no epoch was recorded anywhere, so there is nothing to end
            if not known and old == '' then return {'K', '0'} end
            redis.pcall('DEL', KEYS[1])
            redis.pcall('PUBLISH', ARGV[3], old .. '\\0?\\0A')
            return {'K', '1', old}
            """),

    /**
     * The change-capture consumer's lease (one consumer per cache): held by {@code ARGV[3]} for
     * {@code ARGV[4]} ms from now when free or already its own. A new holder gets the next fencing
     * token. KEYS: epoch, seq, the lease, the fencing counter (neither depends on the epoch: a
     * flush must not elect another consumer). Reply: K and the holder's token, or N and the
     * current holder ("id:token").
     */
    CONSUMER_LEASE(Prelude.HELPERS, """
            local holder = redis.pcall('GET', KEYS[3])
            if failed(holder) then redis.pcall('DEL', KEYS[3]); holder = false end
            if holder then
              local id, token = string.match(holder, '^(.*):(%d+)$')
              if id ~= ARGV[3] then return {'N', holder} end
              redis.pcall('PEXPIRE', KEYS[3], ARGV[4])
              return {'K', token}
            end
            local token = redis.pcall('INCR', KEYS[4])
            if failed(token) then return {'O'} end
            if failed(redis.pcall('SET', KEYS[3], ARGV[3] .. ':' .. token, 'PX', ARGV[4])) then return {'O'} end
            return {'K', tostring(token)}
            """),

    /**
     * The catalog digest the consumer recorded for its slot: sets it to {@code ARGV[3]} unless
     * that is empty, and answers it. KEYS: epoch, seq, the digest. Reply: K and the digest ('' for none).
     */
    CONSUMER_DIGEST(Prelude.HELPERS, """
            if ARGV[3] ~= '' then
              if failed(redis.pcall('SET', KEYS[3], ARGV[3])) then return {'O'} end
              return {'K', ARGV[3]}
            end
            local digest = redis.pcall('GET', KEYS[3])
            if failed(digest) or not digest then digest = '' end
            return {'K', digest}
            """),

    /** Gives the consumer's lease up if {@code ARGV[3]} holds it. KEYS as CONSUMER_LEASE. Reply: K. */
    CONSUMER_RELEASE(Prelude.HELPERS, """
            local holder = redis.pcall('GET', KEYS[3])
            if not failed(holder) and holder and string.match(holder, '^(.*):%d+$') == ARGV[3] then
              redis.pcall('DEL', KEYS[3])
            end
            return {'K'}
            """),

    /** The current epoch (created if missing) and publish sequence, for the mirror. Reply: K, epoch, seq. */
    SYNC(Prelude.EPOCH, """
            return {'K', EPOCH, sequence()}
            """);

    private final byte[] source;
    private final byte[] sha1;

    RedisScript(Prelude prelude, String body) {
        String text = "-- jdbc-cache " + name().toLowerCase(java.util.Locale.ROOT) + "\n" + prelude.text + body;
        this.source = text.getBytes(StandardCharsets.UTF_8);
        this.sha1 = HexFormat.of().formatHex(sha1(source)).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] source() {
        return source;
    }

    /** The SHA-1 that EVALSHA names, as lowercase hex bytes. */
    byte[] sha1() {
        return sha1;
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    /** What precedes a script's body: the helpers, the epoch lookup, and the epoch check. */
    private enum Prelude {
        HELPERS(Lua.HELPERS),
        EPOCH(Lua.HELPERS + Lua.EPOCH),
        CHECKED(Lua.HELPERS + Lua.EPOCH + "if EPOCH ~= ARGV[1] then return {'E', EPOCH} end\n");

        final String text;

        Prelude(String text) {
            this.text = text;
        }
    }

    private static final class Lua {
        static final String HELPERS = """
                local function failed(r) return type(r) == 'table' and r.err ~= nil end
                local function wrongtype(r) return failed(r) and string.find(r.err, 'WRONGTYPE', 1, true) ~= nil end
                local function ms(n) return string.format('%.0f', n) end
                local function now_ms()
                  local t = redis.call('TIME')
                  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
                end
                local function sequence()
                  local s = redis.pcall('GET', KEYS[2])
                  if failed(s) or not s or not string.match(s, '^%d+$') then return '0' end
                  return s
                end
                -- a version counter as text; a missing one is created at the random start (nil if it cannot be)
                local function version(key, start)
                  local v = redis.pcall('GET', key)
                  if failed(v) or (v and not string.match(v, '^%d+$')) then redis.pcall('DEL', key); v = false end
                  if v then return v end
                  if not start then return nil end
                  if failed(redis.pcall('SET', key, start, 'NX')) then return nil end
                  return start
                end
                local function leased(key, now)
                  local n = redis.pcall('ZCOUNT', key, '(' .. ms(now), '+inf')
                  if failed(n) then redis.pcall('DEL', key); return true end
                  return n > 0
                end
                -- a writer's increment; a counter that cannot be incremented is deleted (it restarts at random)
                local function bump(key)
                  local v = version(key, nil)
                  if not v then return true end
                  if not failed(redis.pcall('INCR', key)) then return true end
                  redis.pcall('DEL', key)
                  return false
                end
                -- keeps a lease marker in step with its leases: present while any lease is live. It has no
                -- TTL, so a volatile-* eviction policy cannot drop it; one left by a writer that died is
                -- deleted by the next script that finds no live lease. A marker that cannot be written
                -- deletes the version instead, which sends readers to LOOKUP. False when that happened.
                local function mark(lk, mk, vk, now)
                  local live = redis.pcall('ZCOUNT', lk, '(' .. ms(now), '+inf')
                  local r = live
                  if not failed(live) then
                    if live == 0 then r = redis.pcall('DEL', mk) else r = redis.pcall('SET', mk, '1') end
                  end
                  if failed(r) then redis.pcall('DEL', vk); return false end
                  return true
                end
                local function publish(channel, epoch, body, ok)
                  local s = redis.pcall('INCR', KEYS[2])
                  if failed(s) then redis.pcall('DEL', KEYS[2]); s = '?'; ok = false else s = tostring(s) end
                  redis.pcall('PUBLISH', channel, epoch .. '\\0' .. s .. '\\0' .. body)
                  return {'K', s, ok and '1' or '0'}
                end
                """;

        static final String EPOCH = """
                local EPOCH = redis.pcall('GET', KEYS[1])
                if failed(EPOCH) then redis.pcall('DEL', KEYS[1]); EPOCH = false end
                if not EPOCH then
                  if failed(redis.pcall('SET', KEYS[1], ARGV[2], 'NX')) then return {'O'} end
                  EPOCH = ARGV[2]
                end
                """;
    }
}
