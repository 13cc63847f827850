package dev.jdbccache.driver.redis;

/** Which Jedis the class path holds: the driver runs on Jedis 8 (built with) and Jedis 7. */
final class JedisGeneration {

    /** True when Jedis 8's {@code RedisClient} is there (else Jedis 7's clients are used). */
    static final boolean EIGHT = present("redis.clients.jedis.RedisClient");

    private JedisGeneration() {
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, JedisGeneration.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
