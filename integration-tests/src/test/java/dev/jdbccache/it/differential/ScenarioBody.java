package dev.jdbccache.it.differential;

import java.sql.Connection;

/**
 * A scripted JDBC session. It must record every observable outcome into the transcript and must
 * not branch on anything but {@link Transcript#database()}: the plain and the cache run of one
 * scenario execute the same script, so their transcripts are comparable line by line.
 */
@FunctionalInterface
interface ScenarioBody {
    void run(Connection connection, Transcript transcript) throws Exception;
}
