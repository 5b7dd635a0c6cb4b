package io.loopdesk.kb.internal;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Treats every Unicode space as blank. Pasted text often carries spaces other than ASCII: the
 * no-break space U+00A0 (web pages, Office), the ideographic space U+3000 (Chinese input methods),
 * narrow and figure spaces, line and paragraph separators, zero-width spaces and byte-order marks.
 * Java's {@link String#isBlank()} and smartcn's tokenizer do not all see them as spaces, so they
 * are mapped to an ASCII space before analysis and before blankness checks. The mapping is one
 * character for one character, so offsets (used for highlighting) stay exact. Thread-safe.
 */
public final class UnicodeSpaces {
  private UnicodeSpaces() {}

  /**
   * Tells whether a character is a space of any kind.
   *
   * @param c the character
   * @return true for whitespace, space separators, U+0085, U+200B and U+FEFF
   */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u0085'
        || c == '\u200B'
        || c == '\uFEFF';
  }

  /**
   * Tells whether a text is empty or holds only spaces of any kind.
   *
   * @param text the text
   * @return true when nothing but spaces
   */
  public static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Replaces every space outside ASCII by an ASCII space; ASCII tabs and line breaks stay. The
   * result has the same length.
   *
   * @param text the text
   * @return the normalized text ({@code text} itself when it had no such spaces)
   */
  public static String normalize(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7F && isSpace(c)) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = ' ';
      }
    }
    return chars == null ? text : new String(chars);
  }

  /** A char filter applying {@link #normalize} to a stream; offsets need no correction. */
  static final class Filter extends CharFilter {
    Filter(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = input.read(buffer, offset, length);
      for (int i = offset; i < offset + read; i++) {
        if (buffer[i] > 0x7F && isSpace(buffer[i])) {
          buffer[i] = ' ';
        }
      }
      return read;
    }

    @Override
    protected int correct(int currentOff) {
      return currentOff;
    }
  }
}
