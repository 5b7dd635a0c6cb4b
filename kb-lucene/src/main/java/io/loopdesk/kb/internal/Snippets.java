package io.loopdesk.kb.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Highlighted snippets for mixed Chinese/English text.
 *
 * <p>The stored text is re-analyzed with both the words and the grams chain, so a match is marked
 * whether it came from a segmented Chinese word, a bigram, a single character, a stemmed English
 * word ("batteries" for the query "battery") or a fuzzy typo match; overlapping matches (two
 * bigrams of 退换货) are merged into one mark. The best passage is the sentence with the most distinct
 * matched terms, cut to a window around its first match when long. Text is HTML-escaped and matches
 * are wrapped in {@code <em>...</em>}. Built once per query; thread-safe after construction.
 */
public final class Snippets {
  private static final String PRE = "<em>";
  private static final String POST = "</em>";
  private static final String ELLIPSIS = "…";

  private final KbAnalyzers analyzers;
  private final Set<String> wordTerms = new HashSet<>();
  private final Set<String> gramTerms = new HashSet<>();
  private final Set<String> charTerms = new HashSet<>();
  private final List<ByteRunAutomaton> gramAutomata = new ArrayList<>();

  /**
   * Collects the terms of a relevance query.
   *
   * @param analyzers the chains the index was built with
   * @param query the relevance query (filters are ignored)
   */
  public Snippets(KbAnalyzers analyzers, Query query) {
    this.analyzers = analyzers;
    if (query != null) {
      query.visit(new Collector());
    }
  }

  /** Returns true when the query had no terms at all, so nothing can be highlighted. */
  public boolean isEmpty() {
    return wordTerms.isEmpty()
        && gramTerms.isEmpty()
        && charTerms.isEmpty()
        && gramAutomata.isEmpty();
  }

  /**
   * Highlights a whole short text such as a title.
   *
   * @param text the stored text
   * @return the escaped text with marks
   */
  public String whole(String text) {
    return render(text, 0, text.length(), matches(text));
  }

  /**
   * Returns the best passage of a longer text.
   *
   * @param text the stored text
   * @param maxLength soft limit of the passage length in characters
   * @return the escaped passage with marks, with ellipses where text was cut
   */
  public String passage(String text, int maxLength) {
    if (text.isEmpty()) {
      return "";
    }
    List<int[]> spans = matches(text);
    int[] best = bestSentence(text, spans);
    int start = best[0];
    int end = best[1];
    if (end - start > maxLength) {
      int firstMatch = start;
      for (int[] span : spans) {
        if (span[0] >= start && span[0] < end) {
          firstMatch = span[0];
          break;
        }
      }
      start = Math.max(start, Math.min(firstMatch - maxLength / 4, end - maxLength));
      end = Math.min(end, start + maxLength);
    }
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    String body = render(text, start, end, spans);
    return (start > 0 ? ELLIPSIS : "") + body + (end < text.length() ? ELLIPSIS : "");
  }

  private int[] bestSentence(String text, List<int[]> spans) {
    int bestStart = 0;
    int bestEnd = text.length();
    int bestScore = -1;
    int sentenceStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || isSentenceEnd(text.charAt(i))) {
        int sentenceEnd = Math.min(text.length(), i + 1);
        if (sentenceEnd > sentenceStart) {
          Set<String> distinct = new HashSet<>();
          for (int[] span : spans) {
            if (span[0] >= sentenceStart && span[1] <= sentenceEnd) {
              distinct.add(text.substring(span[0], span[1]).toLowerCase(java.util.Locale.ROOT));
            }
          }
          if (distinct.size() > bestScore) {
            bestScore = distinct.size();
            bestStart = sentenceStart;
            bestEnd = sentenceEnd;
          }
        }
        sentenceStart = sentenceEnd;
      }
    }
    return new int[] {bestStart, bestEnd};
  }

  private static boolean isSentenceEnd(char c) {
    return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';'
        || c == '\n' || c == '.';
  }

  /** Sorted, non-overlapping [start, end) spans of matched tokens. */
  private List<int[]> matches(String text) {
    List<int[]> raw = new ArrayList<>();
    if (!wordTerms.isEmpty()) {
      collect(analyzers.words(), text, raw, term -> wordTerms.contains(term));
    }
    if (!gramTerms.isEmpty() || !gramAutomata.isEmpty()) {
      collect(analyzers.grams(), text, raw, this::matchesGram);
    }
    if (!charTerms.isEmpty()) {
      collect(analyzers.chars(), text, raw, charTerms::contains);
    }
    raw.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] span : raw) {
      if (!merged.isEmpty() && span[0] <= merged.get(merged.size() - 1)[1]) {
        int[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], span[1]);
      } else {
        merged.add(new int[] {span[0], span[1]});
      }
    }
    return merged;
  }

  private boolean matchesGram(String term) {
    if (gramTerms.contains(term)) {
      return true;
    }
    BytesRef bytes = new BytesRef(term);
    for (ByteRunAutomaton automaton : gramAutomata) {
      if (automaton.run(bytes.bytes, bytes.offset, bytes.length)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(
      Analyzer analyzer,
      String text,
      List<int[]> out,
      java.util.function.Predicate<String> wanted) {
    try (TokenStream stream = analyzer.tokenStream("highlight", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (wanted.test(term.toString())) {
          int start = Math.max(0, Math.min(offset.startOffset(), text.length()));
          int end = Math.max(start, Math.min(offset.endOffset(), text.length()));
          if (end > start) {
            out.add(new int[] {start, end});
          }
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String render(String text, int start, int end, List<int[]> spans) {
    StringBuilder out = new StringBuilder(end - start + 32);
    int pos = start;
    for (int[] span : spans) {
      if (span[1] <= start || span[0] >= end) {
        continue;
      }
      int s = Math.max(span[0], pos);
      int e = Math.min(span[1], end);
      if (e <= s) {
        continue;
      }
      escape(text, pos, s, out);
      out.append(PRE);
      escape(text, s, e, out);
      out.append(POST);
      pos = e;
    }
    escape(text, pos, end, out);
    return out.toString();
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
  }

  /** Gathers the terms of the text fields, skipping prohibited clauses. */
  private final class Collector extends QueryVisitor {
    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
      return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      for (Term term : terms) {
        switch (term.field()) {
          case KbFields.TITLE_WORDS, KbFields.BODY_WORDS -> wordTerms.add(term.text());
          case KbFields.TITLE_GRAMS, KbFields.BODY_GRAMS -> gramTerms.add(term.text());
          case KbFields.TITLE_CHARS, KbFields.BODY_CHARS -> charTerms.add(term.text());
          default -> {}
        }
      }
    }

    @Override
    public void consumeTermsMatching(
        Query query, String field, Supplier<ByteRunAutomaton> automaton) {
      if (field.equals(KbFields.TITLE_GRAMS) || field.equals(KbFields.BODY_GRAMS)) {
        gramAutomata.add(automaton.get());
      }
    }
  }
}
