package io.loopdesk.access.internal;

/**
 * Packs bytes into text at 15 bits per char, using the code points U+4E00 to U+CDFF (no surrogates,
 * no control characters), so that a sealed message body stays within the body length limit for far
 * longer messages than base64 allows. Stateless.
 */
final class Base32768 {
  private static final int BASE = 0x4E00;
  private static final int BITS = 15;

  private Base32768() {}

  /** Returns the number of chars {@link #encode} produces for {@code bytes} bytes. */
  static int encodedLength(int bytes) {
    return (bytes * 8 + BITS - 1) / BITS;
  }

  static String encode(byte[] data) {
    StringBuilder out = new StringBuilder(encodedLength(data.length));
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      if (bits >= BITS) {
        bits -= BITS;
        out.append((char) (BASE + ((buffer >>> bits) & 0x7FFF)));
      }
    }
    if (bits > 0) {
      out.append((char) (BASE + ((buffer << (BITS - bits)) & 0x7FFF)));
    }
    return out.toString();
  }

  static byte[] decode(String text, int length) {
    if (length < 0 || encodedLength(length) != text.length()) {
      throw new IllegalArgumentException("length does not match the packed text");
    }
    byte[] out = new byte[length];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      int v = text.charAt(i) - BASE;
      if (v < 0 || v > 0x7FFF) {
        throw new IllegalArgumentException("not a packed char");
      }
      buffer = (buffer << BITS) | v;
      bits += BITS;
      while (bits >= 8 && n < length) {
        bits -= 8;
        out[n++] = (byte) (buffer >>> bits);
      }
      buffer &= (1 << bits) - 1;
    }
    return out;
  }
}
