package io.loopdesk.kb.internal;

import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.QuerySyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds Lucene queries from agent input. Plain text is analyzed, never parsed, so no character can
 * make it fail, and the query it gives is bounded whatever the length of the text. Thread-safe.
 *
 * <p>Ranking: every query word is looked up in four fields; the title counts {@value
 * #TITLE_WORDS_BOOST} times the body for words and {@value #TITLE_GRAMS_BOOST} / {@value
 * #BODY_GRAMS_BOOST} for bigrams, because a title states what an article is about while a body
 * mentions many things in passing. The query is run once as typed and once expanded with synonyms
 * at {@value #SYNONYM_WEIGHT} of the weight, so the words the agent typed count most while synonyms
 * still find articles worded differently. Words fields weigh more than grams fields since a
 * whole-word match is more specific than a shared bigram. Chinese words of one character (修, 退, 坏)
 * are also looked up as characters inside longer words (维修, 退货) at a low weight ({@value
 * #TITLE_CHARS_BOOST} / {@value #BODY_CHARS_BOOST}), so short colloquial questions are not reduced
 * to one bigram.
 *
 * <p>Typos: English words of {@value #MIN_FUZZY_LENGTH} to {@value #MAX_FUZZY_LENGTH} letters that
 * occur nowhere in the index are assumed to be typos and also matched with one edit (insertion,
 * deletion, substitution or transposition), at most {@value #MAX_FUZZY_TERMS} of them. Longer
 * "words" are codes, hashes or pasted garbage; two edits cost four to ten times as much as one (the
 * automaton grows with the word) for a gain measured as nil on the relevance collection.
 *
 * <p>Bounds: a text longer than {@value #MAX_QUERY_CHARS} characters, {@value #MAX_QUERY_WORDS}
 * words or {@value #MAX_QUERY_GRAMS} bigrams, or with more than {@value #MAX_KEY_TERMS} distinct
 * words (a ticket description, a log line pasted two hundred times, one word held down), is reduced
 * to its {@value #MAX_KEY_TERMS} most telling distinct words: term frequency times inverse document
 * frequency, ties broken by first occurrence, so the same text always gives the same query. Synonym
 * expansion then runs on at most that many words, far below the depth at which Lucene's graph
 * analysis gives up. A query that would still exceed {@value #CLAUSE_BUDGET} term clauses (Lucene
 * refuses 1,024) is rebuilt without synonyms, then from fewer key words.
 */
public final class QueryFactory {
  private static final long MINUTE_MILLIS = 60_000;
  static final float TITLE_WORDS_BOOST = 3.0f;
  static final float BODY_WORDS_BOOST = 1.0f;
  static final float TITLE_GRAMS_BOOST = 1.5f;
  static final float BODY_GRAMS_BOOST = 0.5f;
  static final float TITLE_CHARS_BOOST = 0.8f;
  static final float BODY_CHARS_BOOST = 0.3f;
  static final float FUZZY_BOOST = 0.6f;
  static final float SYNONYM_WEIGHT = 0.5f;
  static final float USAGE_PIVOT = 5f;
  static final float PRODUCT_BOOST = 1f;
  static final int MAX_KEY_TERMS = 24;
  static final int MAX_QUERY_CHARS = 1_000;
  static final int MAX_QUERY_WORDS = 64;
  static final int MAX_QUERY_GRAMS = 128;
  static final int MAX_FUZZY_TERMS = 5;
  static final int MIN_FUZZY_LENGTH = 4;
  static final int MAX_FUZZY_LENGTH = 20;
  static final int FUZZY_EXPANSIONS = 10;

  /**
   * Term clauses allowed before fuzzy expansion (at most 5 words x 2 fields x 10 terms) and
   * filters.
   */
  static final int CLAUSE_BUDGET = 850;

  /**
   * Joins key words: a punctuation mark, so that the words analysis leaves a position gap and two
   * one-character key words are not taken for one word split by the segmenter.
   */
  private static final String KEY_TERM_SEPARATOR = " ， ";

  /**
   * Distinct words of a long text whose document frequency is looked up, the most frequent first.
   */
  static final int MAX_CANDIDATE_TERMS = 2_000;

  private final KbAnalyzers analyzers;
  private final boolean typoTolerance;
  private final QueryBuilder builder;
  private final QueryBuilder exactBuilder;
  private final boolean synonyms;

  /**
   * Creates the factory.
   *
   * @param analyzers the analysis chains
   * @param typoTolerance whether unknown English words are matched fuzzily
   */
  public QueryFactory(KbAnalyzers analyzers, boolean typoTolerance) {
    this.analyzers = analyzers;
    this.typoTolerance = typoTolerance;
    this.builder = new QueryBuilder(analyzers.query());
    // a multi-word synonym ("money back", 退换货 segmented as 退换 + 货) must match as a phrase
    this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    this.exactBuilder = new QueryBuilder(analyzers.exactQuery());
    this.synonyms = analyzers.hasSynonyms();
  }

  /**
   * Builds the relevance query for plain text.
   *
   * @param text the user's text, any characters, any length
   * @param searcher used for term statistics (key terms, typo detection)
   * @return the query, or {@code null} when the text holds no searchable word
   */
  public Query plain(String text, IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    List<Surface> words = surfaces(analyzers.words(), text);
    List<Surface> grams = surfaces(analyzers.grams(), text);
    if (words.isEmpty() && grams.isEmpty()) {
      return null;
    }
    String effective = text;
    if (text.length() > MAX_QUERY_CHARS
        || words.size() > MAX_QUERY_WORDS
        || grams.size() > MAX_QUERY_GRAMS
        || distinctTerms(words) > MAX_KEY_TERMS
        || distinctTerms(grams) > 3 * MAX_KEY_TERMS) {
      effective = keyTerms(words, grams, reader, MAX_KEY_TERMS);
    }
    Query query = build(effective, reader, synonyms);
    if (query != null && termClauses(query) > CLAUSE_BUDGET) {
      query = build(effective, reader, false);
      for (int keep = MAX_KEY_TERMS / 2;
          query != null && termClauses(query) > CLAUSE_BUDGET && keep > 0;
          keep /= 2) {
        query = build(keyTerms(words, grams, reader, keep), reader, false);
      }
    }
    return query;
  }

  private Query build(String text, IndexReader reader, boolean withSynonyms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    add(query, KbFields.TITLE_WORDS, text, TITLE_WORDS_BOOST, withSynonyms);
    add(query, KbFields.BODY_WORDS, text, BODY_WORDS_BOOST, withSynonyms);
    add(query, KbFields.TITLE_GRAMS, text, TITLE_GRAMS_BOOST, withSynonyms);
    add(query, KbFields.BODY_GRAMS, text, BODY_GRAMS_BOOST, withSynonyms);
    addChars(query, text);
    if (typoTolerance) {
      addFuzzy(query, surfaces(analyzers.grams(), text), reader);
    }
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? null : flat(built);
  }

  /**
   * The same query as one flat disjunction: each nested optional clause becomes a clause of the top
   * level with the product of the boosts above it. The score is unchanged (Lucene passes a boost
   * down to every term it holds), but Lucene skips non-competitive documents far better over one
   * disjunction of terms, whose per-block maximum scores it knows, than over a disjunction of
   * disjunctions: the multi-word Chinese queries ran in half the time.
   */
  private static BooleanQuery flat(BooleanQuery query) {
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    addFlat(query, 1f, flat);
    return flat.build();
  }

  private static void addFlat(Query query, float boost, BooleanQuery.Builder flat) {
    if (query instanceof BoostQuery boosted) {
      addFlat(boosted.getQuery(), boost * boosted.getBoost(), flat);
    } else if (query instanceof BooleanQuery bool && isPureDisjunction(bool)) {
      bool.clauses().forEach(clause -> addFlat(clause.getQuery(), boost, flat));
    } else {
      flat.add(boost == 1f ? query : new BoostQuery(query, boost), Occur.SHOULD);
    }
  }

  private static boolean isPureDisjunction(BooleanQuery query) {
    return query.getMinimumNumberShouldMatch() == 0
        && query.clauses().stream().allMatch(clause -> clause.getOccur() == Occur.SHOULD);
  }

  private void add(
      BooleanQuery.Builder query, String field, String text, float boost, boolean withSynonyms) {
    Query exact =
        field.equals(KbFields.TITLE_WORDS) || field.equals(KbFields.BODY_WORDS)
            ? wordsQuery(field, text)
            : exactBuilder.createBooleanQuery(field, text, Occur.SHOULD);
    if (exact != null) {
      query.add(new BoostQuery(exact, boost), Occur.SHOULD);
    }
    if (withSynonyms) {
      Query expanded;
      try {
        expanded = builder.createBooleanQuery(field, text, Occur.SHOULD);
      } catch (IllegalArgumentException graphTooDeep) {
        // Lucene's graph analysis gives up on very deep synonym graphs; the words as typed still
        // count
        expanded = null;
      }
      if (expanded != null && !expanded.equals(exact)) {
        query.add(new BoostQuery(expanded, boost * SYNONYM_WEIGHT), Occur.SHOULD);
      }
    }
  }

  /**
   * One-character Chinese words, also matched as characters of longer words. This includes runs of
   * single characters (a word missing from smartcn's dictionary, 鼓包 split into 鼓 + 包), which are
   * also matched as a phrase and as bigrams: on the relevance collection, matching only isolated
   * single characters gave MRR@10 0.967 and recall@5 0.972, matching all of them 0.976 and 0.976.
   */
  private void addChars(BooleanQuery.Builder query, String text) {
    Set<String> singles = new LinkedHashSet<>();
    for (Positioned token : positioned(analyzers.words(), text)) {
      if (isSingleHan(token.term()) && !KbAnalyzers.isStopChar(token.term())) {
        singles.add(token.term());
      }
    }
    for (String single : singles) {
      query.add(
          new BoostQuery(new TermQuery(new Term(KbFields.TITLE_CHARS, single)), TITLE_CHARS_BOOST),
          Occur.SHOULD);
      query.add(
          new BoostQuery(new TermQuery(new Term(KbFields.BODY_CHARS, single)), BODY_CHARS_BOOST),
          Occur.SHOULD);
    }
  }

  /** Counts the term clauses of a query the way Lucene does when it enforces its clause limit. */
  private static int termClauses(Query query) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            count[0] += terms.length;
          }

          @Override
          public void visitLeaf(Query q) {
            count[0]++;
          }
        });
    return count[0];
  }

  /**
   * Words as typed. smartcn splits words missing from its dictionary into single characters (鼓包
   * becomes 鼓 + 包); alone, such characters match a large part of any Chinese corpus, so a run of
   * adjacent single characters is matched as a phrase, which is as precise as the original word.
   */
  private Query wordsQuery(String field, String text) {
    List<Positioned> tokens = positioned(analyzers.words(), text);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int i = 0;
    while (i < tokens.size()) {
      int j = i;
      if (isSingleHan(tokens.get(i).term())) {
        while (j + 1 < tokens.size()
            && isSingleHan(tokens.get(j + 1).term())
            && tokens.get(j + 1).position() == tokens.get(j).position() + 1) {
          j++;
        }
      }
      if (j > i) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int k = i; k <= j; k++) {
          phrase.add(new Term(field, tokens.get(k).term()), tokens.get(k).position());
        }
        query.add(phrase.build(), Occur.SHOULD);
      } else {
        query.add(new TermQuery(new Term(field, tokens.get(i).term())), Occur.SHOULD);
      }
      i = j + 1;
    }
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? null : built;
  }

  private static boolean isSingleHan(String term) {
    return term.length() == 1
        && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN;
  }

  private record Positioned(String term, int position) {}

  private static List<Positioned> positioned(Analyzer analyzer, String text) {
    List<Positioned> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("positioned", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        out.add(new Positioned(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void addFuzzy(
      BooleanQuery.Builder query, List<Surface> grams, IndexReader reader) {
    int added = 0;
    Set<String> seen = new LinkedHashSet<>();
    for (Surface gram : grams) {
      String term = gram.term();
      if (added >= MAX_FUZZY_TERMS || !seen.add(term) || !isTypoCandidate(term)) {
        continue;
      }
      if (docFreq(reader, KbFields.BODY_GRAMS, term) + docFreq(reader, KbFields.TITLE_GRAMS, term)
          > 0) {
        continue;
      }
      query.add(
          new BoostQuery(fuzzy(KbFields.TITLE_GRAMS, term), FUZZY_BOOST * TITLE_GRAMS_BOOST),
          Occur.SHOULD);
      query.add(new BoostQuery(fuzzy(KbFields.BODY_GRAMS, term), FUZZY_BOOST), Occur.SHOULD);
      added++;
    }
  }

  private static Query fuzzy(String field, String term) {
    return new FuzzyQuery(new Term(field, term), 1, 1, FUZZY_EXPANSIONS, true);
  }

  /** An English word of moderate length: the only kind of unknown word a single edit can rescue. */
  private static boolean isTypoCandidate(String term) {
    if (term.length() < MIN_FUZZY_LENGTH || term.length() > MAX_FUZZY_LENGTH) {
      return false;
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static int docFreq(IndexReader reader, String field, String term) {
    try {
      return reader.docFreq(new Term(field, term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Document frequencies summed over fields, with one terms enumerator per segment and field reused
   * for every lookup ({@link IndexReader#docFreq} creates a new one each time, which dominated the
   * cost of long texts).
   */
  private static final class DocFreqs {
    private final List<TermsEnum> enums = new ArrayList<>();

    DocFreqs(IndexReader reader, String... fields) {
      try {
        for (LeafReaderContext leaf : reader.leaves()) {
          for (String field : fields) {
            Terms terms = leaf.reader().terms(field);
            if (terms != null) {
              enums.add(terms.iterator());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int of(String term) {
      BytesRef bytes = new BytesRef(term);
      int df = 0;
      try {
        for (TermsEnum terms : enums) {
          if (terms.seekExact(bytes)) {
            df += terms.docFreq();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return df;
    }
  }

  private static long distinctTerms(List<Surface> surfaces) {
    return surfaces.stream().map(Surface::term).distinct().count();
  }

  /**
   * Picks the most telling distinct words of a long text and returns their original spelling,
   * separated by commas: at most {@code keep} words that occur in the index, ranked by term
   * frequency times inverse document frequency (ties: first occurrence first), plus at most {@value
   * #MAX_FUZZY_TERMS} English words that occur nowhere and may be typos. When no word qualifies
   * (scripts the word segmenter drops), the grams are ranked the same way. A one-character Chinese
   * word is ranked by how many articles hold that character anywhere.
   */
  private static String keyTerms(
      List<Surface> words, List<Surface> grams, IndexReader reader, int keep) {
    String fromWords = keyTerms(words, reader, keep, KbFields.BODY_WORDS, KbFields.TITLE_WORDS);
    return fromWords.isEmpty()
        ? keyTerms(grams, reader, keep, KbFields.BODY_GRAMS, KbFields.TITLE_GRAMS)
        : fromWords;
  }

  private static String keyTerms(
      List<Surface> surfaces, IndexReader reader, int keep, String body, String title) {
    Map<String, Integer> frequency = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (Surface surface : surfaces) {
      frequency.merge(surface.term(), 1, Integer::sum);
      spelling.putIfAbsent(surface.term(), surface.text());
    }
    if (frequency.size() > MAX_CANDIDATE_TERMS) {
      // pathological texts (thousands of distinct words): only the most frequent are candidates
      List<Map.Entry<String, Integer>> byFrequency = new ArrayList<>(frequency.entrySet());
      byFrequency.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
      Map<String, Integer> kept = new LinkedHashMap<>();
      byFrequency.subList(0, MAX_CANDIDATE_TERMS).forEach(e -> kept.put(e.getKey(), e.getValue()));
      frequency = kept;
    }
    DocFreqs docFreqs = new DocFreqs(reader, body, title);
    // a character smartcn leaves alone is rare as a word token but common as a character: its
    // frequency in the chars fields tells how telling it really is
    DocFreqs charFreqs = new DocFreqs(reader, KbFields.BODY_CHARS, KbFields.TITLE_CHARS);
    int docs = Math.max(1, reader.numDocs());
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    List<String> possibleTypos = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : frequency.entrySet()) {
      int df =
          isSingleHan(entry.getKey()) ? charFreqs.of(entry.getKey()) : docFreqs.of(entry.getKey());
      if (df == 0) {
        // matches nothing as typed; only a misspelt English word can still match, fuzzily
        if (isTypoCandidate(entry.getKey()) && possibleTypos.size() < MAX_FUZZY_TERMS) {
          possibleTypos.add(spelling.get(entry.getKey()));
        }
        continue;
      }
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      scored.add(Map.entry(entry.getKey(), Math.sqrt(entry.getValue()) * idf));
    }
    // stable sort: equal scores keep their order of first occurrence
    scored.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(keep, scored.size()); i++) {
      text.append(spelling.get(scored.get(i).getKey())).append(KEY_TERM_SEPARATOR);
    }
    possibleTypos.forEach(word -> text.append(word).append(KEY_TERM_SEPARATOR));
    return text.toString();
  }

  /**
   * Parses the advanced syntax with fields {@code title}, {@code body}, {@code kind}, {@code
   * category}, {@code product}; unqualified words search title and body.
   *
   * @throws QuerySyntaxException when the text is malformed
   */
  public Query advanced(String text) {
    if (UnicodeSpaces.isBlank(text)) {
      return null;
    }
    AdvancedParser parser = new AdvancedParser(analyzers.query());
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      throw new QuerySyntaxException(text, firstLine(e.getMessage()), e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(text, "too many clauses", e);
    } catch (IllegalArgumentException e) {
      // e.g. a malformed /regular expression/
      throw new QuerySyntaxException(text, e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * The usage boost as a query: {@code weight * u / (u + }{@value #USAGE_PIVOT}{@code )} for an
   * article used for {@code u} tickets, 0 for one never used.
   *
   * @param weight the usage weight, above 0
   * @return the saturation query on the usage feature
   */
  static Query usageBoost(float weight) {
    return FeatureField.newSaturationQuery(
        KbFields.FEATURES, KbFields.USAGE_FEATURE, weight, USAGE_PIVOT);
  }

  /**
   * Wraps a relevance query with the visibility and facet filters and two additive ranking signals:
   * usage feedback, {@code usageWeight * u / (u + }{@value #USAGE_PIVOT}{@code )} for an article
   * used for {@code u} tickets (saturating, so a popular article lifts but cannot bury a much
   * better match), and {@value #PRODUCT_BOOST} for articles of the requested product over generic
   * ones. Both are plain query clauses, so Lucene can still skip non-competitive documents
   * (block-max WAND); a multiplicative function query would force scoring every match.
   */
  public Query filtered(
      Query relevance,
      Set<ArticleKind> kinds,
      Set<String> categories,
      String product,
      Instant liveAt,
      double usageWeight) {
    return filtered(
        relevance, kinds, categories, product, liveAt == null ? null : live(liveAt), usageWeight);
  }

  /**
   * Like {@link #filtered(Query, Set, Set, String, Instant, double)}, with the visibility filter
   * given as a query ({@code null} for none), e.g. {@link #live(Instant, IndexSearcher)}.
   */
  public Query filtered(
      Query relevance,
      Set<ArticleKind> kinds,
      Set<String> categories,
      String product,
      Query live,
      double usageWeight) {
    return filteredBy(
        scored(relevance, product, usageWeight), filter(kinds, categories, product, live));
  }

  /**
   * The ranking part of {@link #filtered(Query, Set, Set, String, Query, double)}: the relevance
   * query ({@code null} for every article) plus the usage and product boosts, without filters.
   *
   * @param relevance the relevance query, {@code null} to match every article
   * @param product the requested product, empty for none
   * @param usageWeight the usage weight, 0 for no usage boost
   * @return the scoring query
   */
  public Query scored(Query relevance, String product, double usageWeight) {
    Query matching = relevance == null ? new MatchAllDocsQuery() : relevance;
    if (usageWeight <= 0 && product.isEmpty()) {
      return matching;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
    if (usageWeight > 0) {
      query.add(usageBoost((float) usageWeight), Occur.SHOULD);
    }
    if (!product.isEmpty()) {
      query.add(
          new BoostQuery(
              new ConstantScoreQuery(new TermQuery(new Term(KbFields.PRODUCT, product))),
              PRODUCT_BOOST),
          Occur.SHOULD);
    }
    return query.build();
  }

  /**
   * The filtering part of {@link #filtered(Query, Set, Set, String, Query, double)}: visibility,
   * kinds, categories and product (articles of that product or of any product), all required.
   *
   * @return the filter, or {@code null} when nothing is filtered
   */
  public Query filter(Set<ArticleKind> kinds, Set<String> categories, String product, Query live) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (live != null) {
      query.add(live, Occur.FILTER);
    }
    if (!kinds.isEmpty()) {
      BooleanQuery.Builder anyKind = new BooleanQuery.Builder();
      kinds.forEach(
          kind -> anyKind.add(new TermQuery(new Term(KbFields.KIND, kind.name())), Occur.SHOULD));
      query.add(anyKind.build(), Occur.FILTER);
    }
    if (!categories.isEmpty()) {
      BooleanQuery.Builder anyCategory = new BooleanQuery.Builder();
      categories.forEach(
          c -> anyCategory.add(new TermQuery(new Term(KbFields.CATEGORY, c)), Occur.SHOULD));
      query.add(anyCategory.build(), Occur.FILTER);
    }
    if (!product.isEmpty()) {
      query.add(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(KbFields.PRODUCT, product)), Occur.SHOULD)
              .add(new TermQuery(new Term(KbFields.ANY_PRODUCT, "1")), Occur.SHOULD)
              .build(),
          Occur.FILTER);
    }
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? null : built;
  }

  /**
   * The scoring query restricted to the filter's matches, scored as the scoring query alone.
   *
   * @param scored the scoring query
   * @param filter the filter, {@code null} for none
   * @return the filtered query
   */
  public static Query filteredBy(Query scored, Query filter) {
    return filter == null
        ? scored
        : new BooleanQuery.Builder().add(scored, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  /** Published articles whose effective period contains the instant. */
  public static Query live(Instant instant) {
    long now = ArticleDocuments.millis(instant);
    return liveBetween(now, now + 1);
  }

  /**
   * Published articles whose effective period contains the instant, as a query that is the same for
   * every instant of its minute when no article of the searcher's index starts or ends inside that
   * minute (most minutes): the query cache then keeps its matches, and a filtered vector search
   * gets them as a ready bit set, instead of visiting the effective dates of every article on each
   * search as a query to the millisecond would. Otherwise it is {@link #live(Instant)}. Either way
   * it matches exactly the articles live at the instant.
   */
  public static Query live(Instant instant, IndexSearcher searcher) throws IOException {
    long now = ArticleDocuments.millis(instant);
    long minute = Math.floorDiv(now, MINUTE_MILLIS) * MINUTE_MILLIS;
    if (minute > Long.MAX_VALUE - 2 * MINUTE_MILLIS || minute < Long.MIN_VALUE + MINUTE_MILLIS) {
      return live(instant);
    }
    long nextMinute = minute + MINUTE_MILLIS;
    // with no start or end in (minute, nextMinute): started by now <=> by minute, not ended <=> not
    // before nextMinute
    Query boundary =
        new BooleanQuery.Builder()
            .add(
                LongPoint.newRangeQuery(KbFields.EFFECTIVE_FROM, minute + 1, nextMinute - 1),
                Occur.SHOULD)
            .add(
                LongPoint.newRangeQuery(KbFields.EFFECTIVE_UNTIL, minute + 1, nextMinute - 1),
                Occur.SHOULD)
            .build();
    return searcher.count(boundary) == 0 ? liveBetween(minute, nextMinute) : live(instant);
  }

  /**
   * Published articles started by {@code startedBy} and not ended before {@code notEndedBefore}.
   */
  private static Query liveBetween(long startedBy, long notEndedBefore) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(KbFields.STATUS, ArticleStatus.PUBLISHED.name())), Occur.FILTER)
        .add(
            LongPoint.newRangeQuery(KbFields.EFFECTIVE_FROM, Long.MIN_VALUE, startedBy),
            Occur.FILTER)
        .add(
            LongPoint.newRangeQuery(KbFields.EFFECTIVE_UNTIL, notEndedBefore, Long.MAX_VALUE),
            Occur.FILTER)
        .build();
  }

  /**
   * Title autocomplete: titles starting with the prefix score 2, titles containing a word (or
   * Chinese character sequence) starting with it score 1.
   *
   * @return the query, or {@code null} when the prefix has nothing to match
   */
  public Query titlePrefix(String prefix) {
    String key = ArticleDocuments.titleKey(prefix);
    if (key.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(
        new BoostQuery(
            new ConstantScoreQuery(new PrefixQuery(new Term(KbFields.TITLE_KEY, key))), 2f),
        Occur.SHOULD);
    List<Surface> grams = surfaces(analyzers.grams(), prefix);
    if (grams.size() == 1) {
      query.add(
          new ConstantScoreQuery(
              new PrefixQuery(new Term(KbFields.TITLE_GRAMS, grams.get(0).term()))),
          Occur.SHOULD);
    } else if (grams.size() > 1) {
      SpanQuery[] clauses = new SpanQuery[grams.size()];
      for (int i = 0; i < grams.size() - 1; i++) {
        clauses[i] = new SpanTermQuery(new Term(KbFields.TITLE_GRAMS, grams.get(i).term()));
      }
      SpanMultiTermQueryWrapper<PrefixQuery> last =
          new SpanMultiTermQueryWrapper<>(
              new PrefixQuery(new Term(KbFields.TITLE_GRAMS, grams.get(grams.size() - 1).term())));
      last.setRewriteMethod(new SpanMultiTermQueryWrapper.TopTermsSpanBooleanQueryRewrite(64));
      clauses[clauses.length - 1] = last;
      query.add(new ConstantScoreQuery(new SpanNearQuery(clauses, 2, true)), Occur.SHOULD);
    }
    return query.build();
  }

  /** A token's indexed term and its original text. */
  record Surface(String term, String text) {}

  private static List<Surface> surfaces(Analyzer analyzer, String text) {
    List<Surface> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("surface", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = Math.max(0, Math.min(offset.startOffset(), text.length()));
        int end = Math.max(start, Math.min(offset.endOffset(), text.length()));
        out.add(new Surface(term.toString(), text.substring(start, end)));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Classic query parser mapping the public field names onto the analyzed index fields. */
  private static final class AdvancedParser extends QueryParser {
    private static final String DEFAULT_FIELD = "text";

    AdvancedParser(Analyzer analyzer) {
      super(DEFAULT_FIELD, analyzer);
      setAllowLeadingWildcard(false);
      setSplitOnWhitespace(true);
    }

    private List<String[]> textFields(String field) throws ParseException {
      return switch (field) {
        case DEFAULT_FIELD ->
            List.of(
                new String[] {KbFields.TITLE_WORDS, String.valueOf(TITLE_WORDS_BOOST)},
                new String[] {KbFields.BODY_WORDS, String.valueOf(BODY_WORDS_BOOST)},
                new String[] {KbFields.TITLE_GRAMS, String.valueOf(TITLE_GRAMS_BOOST)},
                new String[] {KbFields.BODY_GRAMS, String.valueOf(BODY_GRAMS_BOOST)});
        case "title" ->
            List.of(
                new String[] {KbFields.TITLE_WORDS, "1"},
                new String[] {KbFields.TITLE_GRAMS, "0.5"});
        case "body" ->
            List.of(
                new String[] {KbFields.BODY_WORDS, "1"}, new String[] {KbFields.BODY_GRAMS, "0.5"});
        default -> null;
      };
    }

    private Query exact(String field, String value) throws ParseException {
      return switch (field) {
        case "kind" -> new TermQuery(new Term(KbFields.KIND, value.toUpperCase(Locale.ROOT)));
        case "category" -> new TermQuery(new Term(KbFields.CATEGORY, value));
        case "product" -> new TermQuery(new Term(KbFields.PRODUCT, value));
        default ->
            throw new ParseException(
                "unknown field '" + field + "'; use title, body, kind, category or product");
      };
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      List<String[]> fields = textFields(field);
      if (fields == null) {
        return exact(field, queryText);
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String[] f : fields) {
        Query q = super.getFieldQuery(f[0], queryText, quoted);
        if (q != null) {
          any.add(new BoostQuery(q, Float.parseFloat(f[1])), Occur.SHOULD);
        }
      }
      BooleanQuery built = any.build();
      return built.clauses().isEmpty() ? null : built;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      List<String[]> fields = textFields(field);
      if (fields == null) {
        return exact(field, queryText);
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String[] f : fields) {
        Query q = super.getFieldQuery(f[0], queryText, slop);
        if (q != null) {
          any.add(new BoostQuery(q, Float.parseFloat(f[1])), Occur.SHOULD);
        }
      }
      BooleanQuery built = any.build();
      return built.clauses().isEmpty() ? null : built;
    }

    private String gramsField(String field) throws ParseException {
      return switch (field) {
        case DEFAULT_FIELD, "body" -> KbFields.BODY_GRAMS;
        case "title" -> KbFields.TITLE_GRAMS;
        default ->
            throw new ParseException(
                "wildcard, fuzzy and range queries only work on title and body");
      };
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      return super.getPrefixQuery(gramsField(field), termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      return super.getWildcardQuery(gramsField(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      return super.getFuzzyQuery(gramsField(field), termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      return super.getRegexpQuery(gramsField(field), termStr);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      return super.getRangeQuery(gramsField(field), part1, part2, startInclusive, endInclusive);
    }
  }
}
