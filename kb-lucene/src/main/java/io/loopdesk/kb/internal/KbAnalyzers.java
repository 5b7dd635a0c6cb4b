package io.loopdesk.kb.internal;

import io.loopdesk.api.ValidationException;
import io.loopdesk.kb.SynonymSet;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chains, chosen per field for after-sales text that mixes Chinese and English
 * (product names, model numbers and English terms inside Chinese sentences are common).
 *
 * <ul>
 *   <li><b>Words fields</b> ({@code title_w}, {@code body_w}): smartcn's {@link
 *       HMMChineseTokenizer} segments Chinese into dictionary words (退货, 保修期, 电池) and passes Latin
 *       runs as lower-cased words, which are then Porter-stemmed ("batteries" and "battery" both
 *       become "batteri"). Words give precise, idf-weighted matches and are where synonyms apply.
 *       Stop words: smartcn's punctuation list, Lucene's English list and a short list of Chinese
 *       function words (的, 了, 吗, 怎么 ...) that carry no topic.
 *   <li><b>Grams fields</b> ({@code title_g}, {@code body_g}): the standard tokenizer with width
 *       folding and lower-casing, then overlapping CJK bigrams. Segmenters disagree with users
 *       about word boundaries (the tokenizer splits 退换货 into 退换 + 货, while a user types 换货);
 *       bigrams match whatever the segmentation, so this field restores recall. English words are
 *       kept unstemmed here, which makes it the right field for typo-tolerant fuzzy matching
 *       ("warrenty" is one edit from "warranty" but two from the stem "warranti"). It stores the
 *       text for highlighting.
 *   <li><b>Chars fields</b> ({@code title_c}, {@code body_c}): every Chinese character on its own,
 *       without function characters (的, 了, 吗 ...). Short colloquial questions are often made of
 *       single-character words (能退吗, 坏了怎么修) that smartcn leaves alone and that no bigram matches;
 *       this field lets 修 find 维修 and 退 find 退货, at a low weight.
 *   <li><b>Title key</b> ({@code title_key}): the whole lower-cased title as one term, for "title
 *       starts with" autocomplete.
 *   <li>Exact fields (kind, category, product, status) are not analyzed.
 * </ul>
 *
 * <p>Every chain first maps spaces outside ASCII (no-break space U+00A0, ideographic space U+3000
 * ...) to an ASCII space, see {@link UnicodeSpaces}. The title is boosted over the body at query
 * time (see {@link QueryFactory}). Synonyms are applied only to queries, with a graph filter so
 * multi-word synonyms work; they are parsed with each field's own chain so that they match the
 * indexed terms. Instances are immutable and thread-safe.
 */
public final class KbAnalyzers {
  /** Chinese function words and question fillers that say nothing about the topic. */
  static final List<String> CHINESE_STOP_WORDS =
      List.of(
          "的", "了", "吗", "呢", "吧", "啊", "呀", "是", "在", "我", "我们", "你", "您", "他", "她", "它", "和", "与",
          "及", "或", "怎么", "怎么办", "怎样", "如何", "什么", "为什么", "哪", "哪里", "这", "这个", "那", "那个", "请问",
          "一下", "可以", "能", "要", "会", "就", "都", "也", "还", "被", "把", "给", "让", "得", "地", "着", "过",
          "想", "请", "到", "啦", "嘛", "哦", "么");

  /**
   * Version of the analysis; an index built with another version is rebuilt on open. 2: Unicode
   * spaces, chars fields.
   */
  public static final int VERSION = 2;

  private static final CharArraySet WORD_STOPS = wordStops();

  /** The one-character entries of {@link #CHINESE_STOP_WORDS}, dropped from the chars fields. */
  private static final CharArraySet CHAR_STOPS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              CHINESE_STOP_WORDS.stream().filter(w -> w.length() == 1).collect(Collectors.toList()),
              false));

  private final Analyzer wordsIndex = new WordsAnalyzer(null, false);
  private final Analyzer gramsIndex = new GramsAnalyzer(null);
  private final Analyzer charsIndex = new CharsAnalyzer();
  private final Analyzer indexAnalyzer;
  private final Analyzer exactQueryAnalyzer;
  private final Analyzer queryAnalyzer;

  /**
   * Builds the chains with the given query-time synonyms.
   *
   * @param synonyms the synonym groups
   * @throws ValidationException when a synonym cannot be analyzed (e.g. it is only stop words)
   */
  public KbAnalyzers(SynonymSet synonyms) {
    this.indexAnalyzer = perField(wordsIndex, gramsIndex, charsIndex);
    WordsAnalyzer wordsQuery = new WordsAnalyzer(null, true);
    this.exactQueryAnalyzer = perField(wordsQuery, gramsIndex, charsIndex);
    if (synonyms.groups().isEmpty()) {
      this.queryAnalyzer = exactQueryAnalyzer;
    } else {
      this.queryAnalyzer =
          perField(
              new WordsAnalyzer(parse(synonyms, wordsQuery), true),
              new GramsAnalyzer(parse(synonyms, gramsIndex)),
              charsIndex);
    }
  }

  private static Analyzer perField(Analyzer words, Analyzer grams, Analyzer chars) {
    return new PerFieldAnalyzerWrapper(
        words,
        Map.of(
            KbFields.TITLE_WORDS, words,
            KbFields.BODY_WORDS, words,
            KbFields.TITLE_GRAMS, grams,
            KbFields.BODY_GRAMS, grams,
            KbFields.TITLE_CHARS, chars,
            KbFields.BODY_CHARS, chars,
            KbFields.TITLE_KEY, new KeywordAnalyzer()));
  }

  /** Returns the analyzer used to index documents (no synonyms). */
  public Analyzer index() {
    return indexAnalyzer;
  }

  /** Returns the analyzer for queries with synonyms. */
  public Analyzer query() {
    return queryAnalyzer;
  }

  /**
   * Returns the analyzer for queries as typed, without synonyms. In the words fields it drops
   * single Chinese characters left over by segmentation (鼓包 becomes 鼓 + 包): alone they match a
   * large part of any Chinese corpus, and the grams fields already match the pair precisely.
   */
  public Analyzer exactQuery() {
    return exactQueryAnalyzer;
  }

  /** Tells whether query-time synonyms are configured. */
  public boolean hasSynonyms() {
    return queryAnalyzer != exactQueryAnalyzer;
  }

  /** Returns the words chain without synonyms, e.g. to pick key terms from a long description. */
  public Analyzer words() {
    return wordsIndex;
  }

  /** Returns the grams chain without synonyms. */
  public Analyzer grams() {
    return gramsIndex;
  }

  /** Returns the chars chain: single Chinese characters without function characters. */
  public Analyzer chars() {
    return charsIndex;
  }

  /** Tells whether a one-character word is a function character left out of the chars fields. */
  static boolean isStopChar(String term) {
    return CHAR_STOPS.contains(term);
  }

  private static CharArraySet wordStops() {
    CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
    set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    set.addAll(CHINESE_STOP_WORDS);
    return CharArraySet.unmodifiableSet(set);
  }

  /**
   * Parses the groups for one chain. Words the chain reduces to nothing (e.g. 质保, which smartcn
   * splits into two single characters that the words query chain drops) are left out for that chain
   * only; the grams chain still matches them.
   */
  private static SynonymMap parse(SynonymSet synonyms, Analyzer chain) {
    StringBuilder rules = new StringBuilder();
    for (Set<String> group : synonyms.groups()) {
      StringBuilder line = new StringBuilder();
      int words = 0;
      for (String word : group) {
        if (!hasTokens(chain, word)) {
          continue;
        }
        if (line.length() > 0) {
          line.append(", ");
        }
        line.append(escape(word));
        words++;
      }
      if (words >= 2) {
        rules.append(line).append('\n');
      }
    }
    SolrSynonymParser parser = new SolrSynonymParser(true, true, chain);
    try {
      parser.parse(new StringReader(rules.toString()));
      return parser.build();
    } catch (ParseException | IOException | IllegalArgumentException e) {
      throw new ValidationException(
          "synonyms", synonyms.toString(), "cannot be analyzed: " + rootMessage(e));
    }
  }

  private static boolean hasTokens(Analyzer chain, String text) {
    try (TokenStream stream = chain.tokenStream("synonym", text)) {
      stream.reset();
      boolean any = stream.incrementToken();
      while (stream.incrementToken()) {
        // drain
      }
      stream.end();
      return any;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static String escape(String word) {
    StringBuilder out = new StringBuilder();
    for (char c : word.toCharArray()) {
      if (c == ',' || c == '\\' || c == '=' || c == '>') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** smartcn words, stop words, Porter stems, optional query-time synonyms. */
  private static final class WordsAnalyzer extends Analyzer {
    private final SynonymMap synonyms;
    private final boolean dropSingleHan;

    WordsAnalyzer(SynonymMap synonyms, boolean dropSingleHan) {
      this.synonyms = synonyms;
      this.dropSingleHan = dropSingleHan;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new HMMChineseTokenizer();
      TokenStream stream = new StopFilter(tokenizer, WORD_STOPS);
      if (dropSingleHan) {
        stream = new SingleHanFilter(stream);
      }
      stream = new PorterStemFilter(stream);
      if (synonyms != null) {
        stream = new SynonymGraphFilter(stream, synonyms, true);
      }
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new UnicodeSpaces.Filter(reader);
    }
  }

  /** Removes one-character Chinese tokens. */
  private static final class SingleHanFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    SingleHanFilter(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      return !(term.length() == 1
          && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN);
    }
  }

  /** Standard tokens, width folding, lower case, CJK bigrams, optional query-time synonyms. */
  private static final class GramsAnalyzer extends Analyzer {
    private final SynonymMap synonyms;

    GramsAnalyzer(SynonymMap synonyms) {
      this.synonyms = synonyms;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new CJKWidthFilter(tokenizer);
      stream = new LowerCaseFilter(stream);
      stream = new CJKBigramFilter(stream);
      stream = new EnglishPossessiveFilter(stream);
      stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      if (synonyms != null) {
        stream = new SynonymGraphFilter(stream, synonyms, true);
      }
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(new CJKWidthFilter(in));
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new UnicodeSpaces.Filter(reader);
    }
  }

  /** Standard tokens, width folding, only ideographs, without function characters. */
  private static final class CharsAnalyzer extends Analyzer {
    private static final Set<String> IDEOGRAPHS =
        Set.of(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC]);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new CJKWidthFilter(tokenizer);
      stream = new TypeTokenFilter(stream, IDEOGRAPHS, true);
      stream = new StopFilter(stream, CHAR_STOPS);
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new UnicodeSpaces.Filter(reader);
    }
  }
}
