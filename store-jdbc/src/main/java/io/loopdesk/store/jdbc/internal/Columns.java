package io.loopdesk.store.jdbc.internal;

/**
 * Encodings of values into the indexed columns. Keys are injective (equal keys mean equal values)
 * and hold only characters every database stores: {@code \} is doubled, NUL becomes {@code \0} and
 * an unpaired surrogate becomes {@code \}{@code uXXXX}. The id order key sorts bytewise exactly as
 * {@link String#compareTo} sorts the ids.
 */
public final class Columns {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Columns() {}

  /**
   * Returns the key of a text, or null for null.
   *
   * @param value the text
   * @return the key
   */
  public static String key(String value) {
    if (value == null) {
      return null;
    }
    if (!needsEscaping(value)) {
      return value;
    }
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '\0') {
        sb.append("\\0");
      } else if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        sb.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append("\\u")
            .append(HEX[c >> 12])
            .append(HEX[(c >> 8) & 0xF])
            .append(HEX[(c >> 4) & 0xF])
            .append(HEX[c & 0xF]);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean needsEscaping(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\0' || Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the order key of an id: its UTF-16 code units as four lower-case hex digits each.
   *
   * @param id the id text
   * @return the order key
   */
  public static String order(String id) {
    char[] out = new char[id.length() * 4];
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      out[i * 4] = HEX[c >> 12];
      out[i * 4 + 1] = HEX[(c >> 8) & 0xF];
      out[i * 4 + 2] = HEX[(c >> 4) & 0xF];
      out[i * 4 + 3] = HEX[c & 0xF];
    }
    return new String(out);
  }
}
