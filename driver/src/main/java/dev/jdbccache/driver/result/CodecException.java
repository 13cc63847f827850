package dev.jdbccache.driver.result;

/**
 * Bytes that are not a recording this version of the codec can read: truncated, corrupted, of
 * another format version, or not a recording at all. The caller treats the entry as a miss.
 */
public final class CodecException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with a message saying what was wrong with the bytes. */
  public CodecException(String message) {
    super(message);
  }

  /** An exception with a message and the failure that revealed the problem. */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
