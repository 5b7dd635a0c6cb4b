package io.loopdesk.kb;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleVersionConflictException;
import io.loopdesk.api.kb.Facets;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.IndexCorruptedException;
import io.loopdesk.api.kb.KnowledgeBase;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
import io.loopdesk.api.kb.QuerySyntax;
import io.loopdesk.api.kb.QuerySyntaxException;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import io.loopdesk.api.kb.TicketSuggestions;
import io.loopdesk.api.kb.TitleSuggestion;
import io.loopdesk.api.kb.Visibility;
import io.loopdesk.kb.internal.ArticleDocuments;
import io.loopdesk.kb.internal.ArticleEmbeddings;
import io.loopdesk.kb.internal.ArticleRepository;
import io.loopdesk.kb.internal.ArticleStore;
import io.loopdesk.kb.internal.JdbcArticleStore;
import io.loopdesk.kb.internal.KbAnalyzers;
import io.loopdesk.kb.internal.KbFields;
import io.loopdesk.kb.internal.KbSearcherFactory;
import io.loopdesk.kb.internal.KbSearcherFactory.KbSearcher;
import io.loopdesk.kb.internal.QueryFactory;
import io.loopdesk.kb.internal.ReciprocalRankFusion;
import io.loopdesk.kb.internal.Snippets;
import io.loopdesk.kb.internal.UnicodeSpaces;
import io.loopdesk.kb.internal.UsageBoostedTopHits;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KnowledgeBase} on Apache Lucene, tuned for Chinese, English and mixed after-sales text.
 *
 * <p>Create one per knowledge base with {@link #builder()} and share it: it is thread-safe,
 * searches never block each other or writes, writes are serialized. A write is durable and visible
 * to every search that starts after the writing method returned (near-real-time reopen through a
 * {@link SearcherManager}).
 *
 * <p>Where articles live, three choices:
 *
 * <ul>
 *   <li><b>On disk</b> ({@link Builder#directory(Path)}): the directory holds {@code
 *       articles.jsonl}, the article store (every version and usage record, appended and forced to
 *       disk on each write), and {@code index/}, the Lucene index derived from it. One process
 *       only. Every version of every article is also held in memory, which suits knowledge bases up
 *       to a few hundred thousand articles.
 *   <li><b>In a shared database</b> ({@link Builder#database(DataSource)}, H2 or PostgreSQL, schema
 *       from {@link KbJdbcSchema}): the database holds articles, versions and usage and is the
 *       single source of truth for any number of instances (e.g. two CRM nodes). Each instance
 *       keeps its own index (in {@code directory/index} or in memory) and follows the database's
 *       change feed near-real-time: a background thread polls it every {@link
 *       Builder#pollInterval(Duration)} (default 200 ms), so an article saved on one instance is
 *       searchable on the others within about that interval; the writing instance sees its own
 *       write at once. {@link #get}, {@link #history}, {@link #usageCount} and {@link #size} read
 *       the database. Version conflicts between instances are detected by the database ({@link
 *       ArticleVersionConflictException}). How the feed avoids the "sequence taken before commit"
 *       gap is explained in {@code JdbcArticleStore}.
 *   <li><b>In memory</b> ({@link Builder#inMemory()}): nothing survives {@link #close()}.
 * </ul>
 *
 * <p>The index is always derived: on open, one that is missing (its directory deleted, or in
 * memory) is rebuilt from the store, one that lags behind it (crash before commit, or the other
 * instances wrote while this one was down) is caught up from the change feed, one built with
 * another analysis or from another store is rebuilt, and one that is damaged either raises {@link
 * IndexCorruptedException} or is rebuilt, per {@link CorruptIndexPolicy}.
 *
 * <p>Analysis and ranking are described in {@link KbAnalyzers} and {@link QueryFactory}; "live"
 * (published and effective) is evaluated against the injected {@link Clock}.
 */
public final class LuceneKnowledgeBase implements KnowledgeBase {
  private static final Logger LOG = LoggerFactory.getLogger(LuceneKnowledgeBase.class);
  private static final String JOURNAL_FILE = "articles.jsonl";
  private static final String INDEX_DIR = "index";
  private static final String COMMIT_SEQ = "journalSeq";
  private static final String COMMIT_ANALYSIS = "analysisVersion";
  private static final String COMMIT_FEED = "feed";
  private static final int COMMIT_EVERY = 256;

  /** A following instance commits its index at least every this many polls when it has changes. */
  private static final int COMMIT_EVERY_POLLS = 25;

  private static final int CHANGE_BATCH = 1_000;
  private static final int MAX_SUGGEST_CANDIDATES = 200;
  private static final int SNIPPET_LENGTH = 160;

  /**
   * A search text longer than this is embedded by its beginning only, see {@link
   * TextEmbedder#embedQuery}.
   */
  public static final int MAX_EMBEDDED_QUERY_CHARS = ArticleEmbeddings.MAX_QUERY_CHARS;

  private final Clock clock;
  private final KbAnalyzers analyzers;
  private final QueryFactory queries;
  private final ArticleDocuments documents;
  private final ArticleEmbeddings embeddings;
  private final HybridRanking hybridRanking;
  private final ReciprocalRankFusion fusion;
  private final String analysisVersion;
  private final ArticleStore store;
  private final Directory directory;
  private final String indexLocation;
  private final double usageBoostWeight;
  private final ReentrantLock writeLock = new ReentrantLock();
  private IndexWriter writer;
  private SearcherManager searchers;
  private int uncommittedChanges;
  private long indexedPosition;
  private int pollsSinceCommit;
  private boolean followFailing;
  private ScheduledExecutorService follower;
  private volatile boolean closed;

  private LuceneKnowledgeBase(
      Builder builder, ArticleStore store, Directory directory, String indexLocation) {
    this.clock = builder.clock;
    this.analyzers = new KbAnalyzers(builder.synonyms);
    this.queries = new QueryFactory(analyzers, builder.typoTolerance);
    this.store = store;
    this.directory = directory;
    this.indexLocation = indexLocation;
    this.usageBoostWeight = builder.usageBoostWeight;
    this.embeddings = builder.embeddings;
    this.hybridRanking = builder.hybridRanking;
    this.fusion =
        embeddings == null
            ? null
            : new ReciprocalRankFusion(
                hybridRanking.k(), hybridRanking.lexicalWeight(), hybridRanking.semanticWeight());
    this.documents = new ArticleDocuments(embeddings);
    this.analysisVersion =
        KbAnalyzers.VERSION + (embeddings == null ? "" : "+vectors:" + embeddings.modelId());
  }

  /** Starts configuring a knowledge base; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- opening and recovery

  private void openIndex(CorruptIndexPolicy policy, boolean verifyChecksums) {
    try {
      openWriter(false, verifyChecksums);
      catchUp();
    } catch (CorruptIndexException
        | IndexFormatTooOldException
        | IndexFormatTooNewException
        | EOFException
        | NoSuchFileException
        | FileNotFoundException e) {
      closeWriterQuietly();
      if (policy == CorruptIndexPolicy.FAIL) {
        throw new IndexCorruptedException(
            indexLocation,
            "The search index at "
                + indexLocation
                + " cannot be read ("
                + e
                + "). The articles are safe in "
                + store.location()
                + ". Reopen with CorruptIndexPolicy.REBUILD to rebuild the index from them,"
                + " or delete the index directory.",
            e);
      }
      LOG.warn(
          "Search index {} is damaged ({}); rebuilding it from {}",
          indexLocation,
          e,
          store.location());
      try {
        wipeIndex();
        openWriter(true, false);
        rebuildLocked();
      } catch (IOException again) {
        throw storageFailure("rebuild the damaged index", again);
      }
    } catch (LockObtainFailedException e) {
      closeWriterQuietly();
      throw new KnowledgeBaseStorageException(
          "The search index at "
              + indexLocation
              + " is already open in another knowledge base or process",
          e);
    } catch (IOException e) {
      closeWriterQuietly();
      throw storageFailure("open the index", e);
    }
  }

  private void openWriter(boolean create, boolean verifyChecksums) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(analyzers.index())
            .setOpenMode(
                create
                    ? IndexWriterConfig.OpenMode.CREATE
                    : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(48)
            .setUseCompoundFile(false)
            .setCommitOnClose(false);
    boolean existed = !create && DirectoryReader.indexExists(directory);
    writer = new IndexWriter(directory, config);
    if (existed && verifyChecksums) {
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          leaf.reader().checkIntegrity();
        }
      }
    }
    searchers =
        new SearcherManager(writer, true, false, new KbSearcherFactory(documents.facetsConfig()));
  }

  private long committedSeq() {
    String seq = commitData(COMMIT_SEQ);
    return seq == null ? -1 : Long.parseLong(seq);
  }

  private String commitData(String key) {
    for (Map.Entry<String, String> entry :
        Objects.requireNonNullElse(
            writer.getLiveCommitData(), List.<Map.Entry<String, String>>of())) {
      if (key.equals(entry.getKey())) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Brings the index up to the article store after a restart: caught up from the change feed when
   * it was built by this analysis from this store's feed, rebuilt otherwise (missing, other
   * analysis, other store, or ahead of the store).
   */
  private void catchUp() throws IOException {
    long indexed = committedSeq();
    long stored = store.lastPosition();
    boolean sameAnalysis = analysisVersion.equals(commitData(COMMIT_ANALYSIS));
    boolean sameFeed = store.feedId().equals(commitData(COMMIT_FEED));
    if (indexed >= 0 && sameAnalysis && sameFeed && indexed <= stored) {
      indexedPosition = indexed;
      if (indexed < stored) {
        LOG.info(
            "Search index {} lags the article store by {} changes; catching up",
            indexLocation,
            stored - indexed);
        applyChanges();
        commit();
        searchers.maybeRefreshBlocking();
      }
      return;
    }
    if (indexed >= 0) {
      LOG.info(
          "Search index {} was built {}; rebuilding it from {}",
          indexLocation,
          !sameAnalysis
              ? "with another analysis or text embedder"
              : !sameFeed ? "from another article store" : "ahead of the article store",
          store.location());
    } else if (stored > 0) {
      LOG.info("Building search index {} from {}", indexLocation, store.location());
    }
    rebuildLocked();
  }

  /**
   * Indexes the changes of the feed after {@link #indexedPosition}, re-reading each changed article
   * from the store (so applying a change twice is harmless). Caller holds the write lock.
   *
   * @return how many article documents were updated
   */
  private int applyChanges() throws IOException {
    int applied = 0;
    while (true) {
      ArticleStore.Changes changes = store.changesSince(indexedPosition, CHANGE_BATCH);
      if (changes == null) {
        LOG.warn(
            "The change feed of {} no longer holds the changes after position {}; rebuilding search index {}",
            store.location(),
            indexedPosition,
            indexLocation);
        return rebuildLocked();
      }
      if (changes.articleIds().isEmpty()) {
        return applied;
      }
      for (ArticleStore.Indexable indexable : store.indexable(changes.articleIds())) {
        writer.updateDocument(
            new Term(KbFields.ID, indexable.article().id()),
            documents.toDocument(indexable.article(), indexable.usageCount()));
        applied++;
      }
      indexedPosition = changes.lastPosition();
    }
  }

  private int rebuildLocked() throws IOException {
    // the position is read before the articles: changes after it are applied again, harmlessly
    long position = store.lastPosition();
    writer.deleteAll();
    int[] count = {0};
    try {
      store.forEachCurrent(
          indexable -> {
            try {
              writer.addDocument(documents.toDocument(indexable.article(), indexable.usageCount()));
              count[0]++;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    indexedPosition = position;
    applyChanges();
    // a bulk load: one segment, so that a search looks each term up (and walks the HNSW graph) once
    writer.forceMerge(1);
    commit();
    searchers.maybeRefreshBlocking();
    return count[0];
  }

  private void commit() throws IOException {
    writer.setLiveCommitData(
        Map.of(
                COMMIT_SEQ, Long.toString(indexedPosition),
                COMMIT_ANALYSIS, analysisVersion,
                COMMIT_FEED, store.feedId())
            .entrySet());
    writer.commit();
    uncommittedChanges = 0;
    pollsSinceCommit = 0;
  }

  private void wipeIndex() throws IOException {
    for (String file : directory.listAll()) {
      if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
        directory.deleteFile(file);
      }
    }
  }

  private void closeWriterQuietly() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException ignored) {
      // the original failure is reported
    }
    searchers = null;
    writer = null;
  }

  private void startFollowing(Duration interval) {
    follower =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "loopdesk-kb-follower " + indexLocation);
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    follower.scheduleWithFixedDelay(this::follow, millis, millis, TimeUnit.MILLISECONDS);
  }

  // ---------------------------------------------------------------- writes

  @Override
  public Article save(Article article) {
    return saveAll(List.of(Objects.requireNonNull(article, "article"))).get(0);
  }

  @Override
  public List<Article> saveAll(Collection<Article> articles) {
    if (articles == null) {
      throw new ValidationException("articles", null, "must not be null");
    }
    Set<String> ids = new HashSet<>();
    for (Article article : articles) {
      if (article == null) {
        throw new ValidationException("articles[]", null, "must not be null");
      }
      if (!ids.add(article.id())) {
        throw new ValidationException("articles[].id", article.id(), "appears more than once");
      }
    }
    ensureOpen();
    List<Article> stored = store.save(List.copyOf(articles), clock.instant());
    indexNewChanges("index articles");
    return stored;
  }

  @Override
  public boolean recordUsage(String articleId, String ticketId) {
    requireId("articleId", articleId);
    requireId("ticketId", ticketId);
    for (int i = 0; i < ticketId.length(); i++) {
      char c = ticketId.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        throw new ValidationException(
            "ticketId",
            "(" + ticketId.length() + " characters)",
            "must not contain control characters or surrogates");
      }
    }
    ensureOpen();
    boolean added = store.recordUsage(articleId, ticketId);
    if (added) {
      indexNewChanges("record usage");
    }
    return added;
  }

  /** Indexes what the store changed since the index last looked, then makes it searchable. */
  private void indexNewChanges(String action) {
    writeLock.lock();
    try {
      ensureOpen();
      int changes = applyChanges();
      if (changes > 0) {
        afterWrite(changes);
      }
    } catch (IOException e) {
      throw storageFailure(action, e);
    } finally {
      writeLock.unlock();
    }
  }

  private void afterWrite(int changes) throws IOException {
    uncommittedChanges += changes;
    if (uncommittedChanges >= COMMIT_EVERY || changes > 1) {
      commit();
    }
    searchers.maybeRefreshBlocking();
  }

  /** One poll of a shared store's change feed, on the follower thread. */
  private void follow() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      int changes = applyChanges();
      if (changes > 0) {
        uncommittedChanges += changes;
        searchers.maybeRefreshBlocking();
      }
      pollsSinceCommit++;
      if (uncommittedChanges >= COMMIT_EVERY
          || (uncommittedChanges > 0 && pollsSinceCommit >= COMMIT_EVERY_POLLS)) {
        commit();
      }
      if (followFailing) {
        LOG.info("Search index {} follows {} again", indexLocation, store.location());
        followFailing = false;
      }
    } catch (IOException | RuntimeException e) {
      if (!followFailing) {
        LOG.warn(
            "Search index {} cannot follow the changes in {}; retrying every poll",
            indexLocation,
            store.location(),
            e);
        followFailing = true;
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public int rebuildIndex() {
    writeLock.lock();
    try {
      ensureOpen();
      return rebuildLocked();
    } catch (IOException e) {
      throw storageFailure("rebuild the index", e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Merges the search index into one segment, for after a bulk import ({@link #saveAll} in batches
   * leaves one segment per batch, which Lucene merges only when there are about ten of a size). A
   * search looks every query term up, and a hybrid search walks one HNSW graph, per segment: at
   * 100,000 articles with vectors in ten segments a hybrid search took about twice as long as in
   * one (loopdesk-kb-embeddings' BENCHMARKS.md). {@link #rebuildIndex()} merges by itself. Merging
   * rewrites the whole index (about two minutes per 100,000 vectors on one core; no article is
   * embedded again); searches go on meanwhile, writes wait. Later saves add small segments again,
   * which Lucene merges as usual.
   *
   * @return how many segments the index had before merging (1 or 0: nothing was done)
   */
  public int mergeSegments() {
    writeLock.lock();
    try {
      ensureOpen();
      int before = segmentCount();
      if (before > 1) {
        writer.forceMerge(1);
        commit();
        searchers.maybeRefreshBlocking();
      }
      return before;
    } catch (IOException e) {
      throw storageFailure("merge the index", e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Returns the number of segments of the current searcher's index (0 when it is empty). */
  int segmentCount() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      release(searcher);
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<Article> get(String articleId) {
    ensureOpen();
    requireId("articleId", articleId);
    return Optional.ofNullable(store.current(articleId));
  }

  @Override
  public List<Article> history(String articleId) {
    ensureOpen();
    requireId("articleId", articleId);
    return store.history(articleId);
  }

  @Override
  public long usageCount(String articleId) {
    ensureOpen();
    requireId("articleId", articleId);
    return store.usageCount(articleId);
  }

  @Override
  public int size() {
    ensureOpen();
    return store.size();
  }

  @Override
  public SearchResult search(SearchRequest request) {
    if (request == null) {
      throw new ValidationException("request", null, "must not be null");
    }
    return search(request, request.highlight(), request.highlight());
  }

  /**
   * Runs a search; titles and snippets are highlighted independently (suggestions want only
   * snippets).
   */
  private SearchResult search(SearchRequest request, boolean highlightTitles, boolean snippets) {
    ensureOpen();
    KbSearcher searcher = acquire();
    try {
      Query relevance;
      if (UnicodeSpaces.isBlank(request.text())) {
        relevance = null;
      } else {
        relevance =
            request.syntax() == QuerySyntax.ADVANCED
                ? queries.advanced(request.text())
                : queries.plain(request.text(), searcher);
        if (relevance == null) {
          return new SearchResult(
              0, true, List.of(), Facets.EMPTY, request.page(), request.pageSize());
        }
      }
      Query live =
          request.visibility() == Visibility.LIVE
              ? QueryFactory.live(clock.instant(), searcher)
              : null;
      // with a relevance query the usage boost is ranked in by a second, cheap search
      // (UsageBoostedTopHits) so that the relevance disjunction keeps Lucene's skipping of
      // non-competitive articles
      boolean boostUsage = relevance != null && usageBoostWeight > 0;
      // rewritten once (typo tolerance expands terms) for the top hits, the usage-boosted hits,
      // the union count and the facets
      Query scoring =
          searcher.rewrite(
              queries.scored(relevance, request.product(), boostUsage ? 0 : usageBoostWeight));
      Query filter = queries.filter(request.kinds(), request.categories(), request.product(), live);
      if (filter != null) {
        filter = searcher.rewrite(filter);
      }
      Query query = QueryFactory.filteredBy(scoring, filter);
      int needed = (request.page() + 1) * request.pageSize();
      boolean hybrid =
          embeddings != null && relevance != null && request.syntax() == QuerySyntax.PLAIN;
      int candidates = hybrid ? Math.max(needed, hybridRanking.candidates()) : needed;
      // top hits with early termination of non-competitive documents; counting is exact up to the
      // limit
      TopScoreDocCollector collector =
          new TopScoreDocCollectorManager(candidates, null, SearchResult.EXACT_COUNT_LIMIT, false)
              .newCollector();
      Weight weight = null;
      if (hybrid) {
        // one weight (every term looked up in every segment) for the top hits and the union count
        weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1);
        searcher.search(weight, collector);
      } else {
        searcher.search(scoring, filter, collector);
      }
      TopDocs top = collector.topDocs();
      if (boostUsage) {
        top =
            new TopDocs(
                top.totalHits,
                UsageBoostedTopHits.top(
                    searcher,
                    scoring,
                    filter,
                    top.scoreDocs,
                    (float) usageBoostWeight,
                    candidates));
      }
      long total = top.totalHits.value;
      boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
      Query matching = query;
      if (hybrid) {
        Neighbours neighbours = nearestArticles(searcher, request, live, candidates);
        total += countNotMatching(searcher, weight, neighbours.ranked());
        top = new TopDocs(top.totalHits, fusion.fuse(top.scoreDocs, neighbours.ranked(), needed));
        matching =
            new BooleanQuery.Builder()
                .add(query, Occur.SHOULD)
                .add(neighbours.matching(), Occur.SHOULD)
                .build();
      }
      Facets facets = Facets.EMPTY;
      if (request.facets()) {
        // facets need every match but no scores: a separate non-scoring pass is cheaper than
        // scoring all
        FacetsCollector matches = searcher.search(matching, new FacetsCollectorManager());
        facets = countFacets(searcher, matches);
        total = 0;
        for (FacetsCollector.MatchingDocs segment : matches.getMatchingDocs()) {
          total += segment.totalHits;
        }
        exact = true;
      }
      int from = Math.min(top.scoreDocs.length, request.page() * request.pageSize());
      ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
      List<Hit> hits = toHits(searcher, page, highlightTitles, snippets, relevance);
      long notLive = 0;
      if (live != null && total == 0) {
        notLive =
            searcher.count(
                new BooleanQuery.Builder()
                    .add(
                        queries.filtered(
                            relevance,
                            request.kinds(),
                            request.categories(),
                            request.product(),
                            (Query) null,
                            0),
                        Occur.FILTER)
                    .add(live, Occur.MUST_NOT)
                    .build());
      }
      return new SearchResult(
          total, exact, hits, facets, request.page(), request.pageSize(), notLive);
    } catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException e) {
      if (request.syntax() == QuerySyntax.ADVANCED) {
        throw new QuerySyntaxException(
            request.text(), "query expands too much: " + e.getMessage(), e);
      }
      throw e;
    } catch (IOException e) {
      throw storageFailure("search", e);
    } catch (UncheckedIOException e) {
      throw storageFailure("search", e.getCause());
    } finally {
      release(searcher);
    }
  }

  /**
   * The semantic half of a hybrid search: its ranking, and a query that matches exactly those
   * articles.
   */
  private record Neighbours(ScoreDoc[] ranked, Query matching) {}

  /**
   * Finds the articles whose vectors are nearest the query's, among those the request's filters
   * allow, at least as similar as the ranking's minimum.
   */
  private Neighbours nearestArticles(
      IndexSearcher searcher, SearchRequest request, Query live, int candidates)
      throws IOException {
    float[] vector = embeddings.query(UnicodeSpaces.normalize(request.text()));
    Query filter =
        queries.filtered(null, request.kinds(), request.categories(), request.product(), live, 0);
    Query nearest =
        searcher.rewrite(new KnnFloatVectorQuery(KbFields.VECTOR, vector, candidates, filter));
    // Lucene scores unit vectors by (1 + cosine) / 2
    float minScore = (float) ((1 + hybridRanking.minSimilarity()) / 2);
    ScoreDoc[] found = searcher.search(nearest, candidates).scoreDocs;
    int kept = 0;
    while (kept < found.length && found[kept].score >= minScore) {
      kept++;
    }
    if (kept == found.length) {
      return new Neighbours(found, nearest);
    }
    List<BytesRef> ids = new ArrayList<>(kept);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < kept; i++) {
      ids.add(new BytesRef(stored.document(found[i].doc, Set.of(KbFields.ID)).get(KbFields.ID)));
    }
    return new Neighbours(
        java.util.Arrays.copyOf(found, kept),
        kept == 0 ? new MatchNoDocsQuery() : new TermInSetQuery(KbFields.ID, ids));
  }

  /**
   * Counts the documents among {@code docs} that {@code weight}'s query does not match, with one
   * scorer per segment advanced through the segment's documents in order (a scorer per document
   * would look every query term up again each time). The weight is the one that collected the top
   * hits: its terms are already looked up, and it is not cached as a whole (it scores), so the
   * query cache does not compute every match of the query to cache it.
   */
  private static long countNotMatching(IndexSearcher searcher, Weight weight, ScoreDoc[] docs)
      throws IOException {
    if (docs.length == 0) {
      return 0;
    }
    int[] sorted = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      sorted[i] = docs[i].doc;
    }
    java.util.Arrays.sort(sorted);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    long outside = 0;
    int i = 0;
    while (i < sorted.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
      int leafEnd = leaf.docBase + leaf.reader().maxDoc();
      Scorer scorer = weight.scorer(leaf);
      for (; i < sorted.length && sorted[i] < leafEnd; i++) {
        int target = sorted[i] - leaf.docBase;
        if (scorer == null) {
          outside++;
          continue;
        }
        int current = scorer.iterator().docID();
        if (current < target) {
          current = scorer.iterator().advance(target);
        }
        if (current != target) {
          outside++;
        }
      }
    }
    return outside;
  }

  @Override
  public List<Hit> suggestForTicket(String problemDescription, String product, int limit) {
    return suggestionsForTicket(problemDescription, product, limit).hits();
  }

  @Override
  public TicketSuggestions suggestionsForTicket(
      String problemDescription, String product, int limit) {
    if (problemDescription == null) {
      throw new ValidationException("problemDescription", null, "must not be null");
    }
    SearchRequest request =
        SearchRequest.builder(problemDescription)
            .product(product)
            .page(0, limit)
            .facets(false)
            .build();
    if (UnicodeSpaces.isBlank(problemDescription)) {
      return new TicketSuggestions(List.of(), 0);
    }
    SearchResult result = search(request, false, true);
    return new TicketSuggestions(result.hits(), result.notLiveMatches());
  }

  @Override
  public List<TitleSuggestion> autocompleteTitles(String prefix, int limit) {
    if (prefix == null || UnicodeSpaces.isBlank(prefix) || prefix.length() > 100) {
      throw new ValidationException("prefix", prefix, "must be 1 to 100 characters, not blank");
    }
    if (limit < 1 || limit > SearchRequest.MAX_PAGE_SIZE) {
      throw new ValidationException(
          "limit", limit, "must be between 1 and " + SearchRequest.MAX_PAGE_SIZE);
    }
    ensureOpen();
    Query titles = queries.titlePrefix(prefix);
    if (titles == null) {
      return List.of();
    }
    Query query = queries.filtered(titles, Set.of(), Set.of(), "", clock.instant(), 0);
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(query, MAX_SUGGEST_CANDIDATES);
      record Candidate(String id, String title, float score, long usage) {}
      List<Candidate> candidates = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc doc : top.scoreDocs) {
        Document d = stored.document(doc.doc, Set.of(KbFields.ID, KbFields.TITLE_GRAMS));
        candidates.add(
            new Candidate(
                d.get(KbFields.ID),
                d.get(KbFields.TITLE_GRAMS),
                doc.score,
                usage(searcher, doc.doc)));
      }
      candidates.sort(
          Comparator.comparingDouble((Candidate c) -> -c.score())
              .thenComparingLong(c -> -c.usage())
              .thenComparingInt(c -> c.title().length())
              .thenComparing(Candidate::title));
      return candidates.stream()
          .limit(limit)
          .map(c -> new TitleSuggestion(c.id(), c.title()))
          .toList();
    } catch (IOException e) {
      throw storageFailure("autocomplete", e);
    } finally {
      release(searcher);
    }
  }

  private Facets countFacets(KbSearcher searcher, FacetsCollector collector) throws IOException {
    if (searcher.facetState() == null) {
      return Facets.EMPTY;
    }
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(searcher.facetState(), collector);
    Map<ArticleKind, Long> byKind = new LinkedHashMap<>();
    for (Map.Entry<String, Long> entry :
        dimension(counts, searcher, KbFields.DIM_KIND).entrySet()) {
      byKind.put(ArticleKind.valueOf(entry.getKey()), entry.getValue());
    }
    return new Facets(
        byKind,
        dimension(counts, searcher, KbFields.DIM_CATEGORY),
        dimension(counts, searcher, KbFields.DIM_PRODUCT));
  }

  private static Map<String, Long> dimension(
      SortedSetDocValuesFacetCounts counts, KbSearcher searcher, String dim) throws IOException {
    if (searcher.facetState().getOrdRange(dim) == null) {
      return Map.of();
    }
    FacetResult result = counts.getAllChildren(dim);
    if (result == null) {
      return Map.of();
    }
    List<LabelAndValue> values = new ArrayList<>(List.of(result.labelValues));
    values.sort(
        Comparator.comparingLong((LabelAndValue v) -> -v.value.longValue())
            .thenComparing(v -> v.label));
    Map<String, Long> map = new LinkedHashMap<>();
    for (LabelAndValue value : values) {
      map.put(value.label, value.value.longValue());
    }
    return map;
  }

  private List<Hit> toHits(
      IndexSearcher searcher,
      ScoreDoc[] page,
      boolean highlightTitles,
      boolean withSnippets,
      Query relevance)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    Snippets snippets = highlightTitles || withSnippets ? new Snippets(analyzers, relevance) : null;
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(page.length);
    for (ScoreDoc scoreDoc : page) {
      Document doc = stored.document(scoreDoc.doc);
      String title = doc.get(KbFields.TITLE_GRAMS);
      String snippet = "";
      if (highlightTitles) {
        title = snippets.whole(title);
      }
      if (withSnippets) {
        snippet = snippets.passage(doc.get(KbFields.BODY_GRAMS), SNIPPET_LENGTH);
      }
      Set<String> categories = new HashSet<>(List.of(doc.getValues(KbFields.CATEGORY)));
      String product = doc.get(KbFields.PRODUCT);
      hits.add(
          new Hit(
              doc.get(KbFields.ID),
              doc.getField(KbFields.VERSION).numericValue().longValue(),
              title,
              snippet,
              ArticleKind.valueOf(doc.get(KbFields.KIND)),
              categories,
              product == null ? "" : product,
              scoreDoc.score,
              usage(searcher, scoreDoc.doc)));
    }
    return hits;
  }

  private static long usage(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues values = leaf.reader().getNumericDocValues(KbFields.USAGE);
    return values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
  }

  // ---------------------------------------------------------------- plumbing

  /** Acquires a searcher of the current index; every searcher is a {@link KbSearcher}. */
  private KbSearcher acquire() {
    SearcherManager manager = searchers;
    if (closed || manager == null) {
      throw new IllegalStateException("Knowledge base is closed");
    }
    try {
      return (KbSearcher) manager.acquire();
    } catch (IOException e) {
      throw storageFailure("acquire a searcher", e);
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      throw new IllegalStateException("Knowledge base is closed", e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw storageFailure("release a searcher", e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Knowledge base is closed");
    }
  }

  private static void requireId(String field, String value) {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new ValidationException(field, value, "must be 1 to 128 characters, not blank");
    }
  }

  private KnowledgeBaseStorageException storageFailure(String action, IOException e) {
    if (e instanceof CorruptIndexException) {
      throw new IndexCorruptedException(
          indexLocation,
          "The search index at "
              + indexLocation
              + " is damaged ("
              + e
              + "); call rebuildIndex() to rebuild it from "
              + store.location(),
          e);
    }
    return new KnowledgeBaseStorageException(
        "Cannot " + action + " in " + indexLocation + ": " + e, e);
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (uncommittedChanges > 0 || writer.hasUncommittedChanges()) {
          commit();
        }
        searchers.close();
        writer.close();
        directory.close();
      } catch (IOException e) {
        throw storageFailure("close", e);
      } finally {
        store.close();
      }
    } finally {
      writeLock.unlock();
      if (follower != null) {
        // a poll that was waiting for the lock sees 'closed' and returns at once
        follower.shutdownNow();
      }
    }
  }

  @Override
  public String toString() {
    return "LuceneKnowledgeBase["
        + indexLocation
        + ", articles in "
        + store.location()
        + (closed ? ", closed" : "")
        + "]";
  }

  /**
   * Configures and opens a {@link LuceneKnowledgeBase}. Defaults: in memory, system UTC clock,
   * {@link SynonymSet#afterSalesDefaults()}, typo tolerance on, usage boost weight 2, {@link
   * CorruptIndexPolicy#FAIL}, checksums verified on open; with a database, no schema migration and
   * a poll interval of 200 ms. Not thread-safe.
   */
  public static final class Builder {
    private Path directoryPath;
    private DataSource dataSource;
    private boolean migrateSchema;
    private Duration pollInterval = Duration.ofMillis(200);
    private Clock clock = Clock.systemUTC();
    private SynonymSet synonyms = SynonymSet.afterSalesDefaults();
    private boolean typoTolerance = true;
    private double usageBoostWeight = 2.0;
    private CorruptIndexPolicy corruptIndexPolicy = CorruptIndexPolicy.FAIL;
    private boolean verifyChecksums = true;
    private ArticleEmbeddings embeddings;
    private HybridRanking hybridRanking = HybridRanking.standard();

    private Builder() {}

    /**
     * Turns on semantic search with the {@link HybridRanking#standard() default fusion}; see {@link
     * #semanticSearch(TextEmbedder, HybridRanking)}.
     */
    public Builder semanticSearch(TextEmbedder embedder) {
      return semanticSearch(embedder, HybridRanking.standard());
    }

    /**
     * Turns on semantic search: every article's title and body are embedded when indexed (on save,
     * when following a shared database, on rebuild) and kept as a vector in the index (Lucene HNSW
     * graph); a plain-syntax search or ticket suggestion also embeds its text and merges the
     * nearest articles with the lexical ranking (see {@link HybridRanking}). Hits then carry the
     * fused score. Advanced-syntax searches and autocomplete stay lexical. Opening an index built
     * without this embedder (or with another model id) rebuilds it, embedding every article once.
     *
     * @param embedder the model, e.g. {@code BgeSmallZhEmbedder} of {@code loopdesk-kb-embeddings};
     *     called under the write lock when indexing, so a slow model slows writes, not searches
     * @param ranking how the two rankings are merged
     */
    public Builder semanticSearch(TextEmbedder embedder, HybridRanking ranking) {
      if (embedder == null) {
        throw new ValidationException("embedder", null, "must not be null");
      }
      if (ranking == null) {
        throw new ValidationException("hybridRanking", null, "must not be null");
      }
      this.embeddings = new ArticleEmbeddings(embedder);
      this.hybridRanking = ranking;
      return this;
    }

    /** Turns semantic search off again (the default): lexical ranking only, no vectors indexed. */
    public Builder lexicalOnly() {
      this.embeddings = null;
      this.hybridRanking = HybridRanking.standard();
      return this;
    }

    /**
     * Keeps the knowledge base under this directory (created when missing), durable across
     * restarts: the article journal and the index, or with {@link #database(DataSource)} the index
     * only.
     */
    public Builder directory(Path path) {
      if (path == null) {
        throw new ValidationException("directory", null, "must not be null");
      }
      this.directoryPath = path;
      return this;
    }

    /**
     * Keeps everything in memory; nothing survives {@link LuceneKnowledgeBase#close()}. The
     * default. With {@link #database(DataSource)}, only the index is in memory and is rebuilt on
     * every open.
     */
    public Builder inMemory() {
      this.directoryPath = null;
      return this;
    }

    /**
     * Keeps articles, versions and usage in a database shared by every instance (H2 or PostgreSQL,
     * schema from {@link KbJdbcSchema}); each instance's index follows the database's changes.
     *
     * @param value the host's data source, ideally a connection pool; the knowledge base borrows a
     *     connection per call and never closes the data source
     */
    public Builder database(DataSource value) {
      if (value == null) {
        throw new ValidationException("database", null, "must not be null");
      }
      this.dataSource = value;
      return this;
    }

    /**
     * Whether {@link #open()} creates or upgrades the database schema ({@link
     * KbJdbcSchema#migrate}).
     */
    public Builder migrateSchema(boolean value) {
      this.migrateSchema = value;
      return this;
    }

    /**
     * Sets how often an instance looks for articles changed by other instances of a shared
     * database: the propagation delay is about this interval plus the time to index the change.
     *
     * @param value 10 ms to 1 minute
     */
    public Builder pollInterval(Duration value) {
      if (value == null
          || value.compareTo(Duration.ofMillis(10)) < 0
          || value.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new ValidationException("pollInterval", value, "must be between 10 ms and 1 minute");
      }
      this.pollInterval = value;
      return this;
    }

    /** Sets the clock that decides which articles are effective and stamps saved versions. */
    public Builder clock(Clock value) {
      if (value == null) {
        throw new ValidationException("clock", null, "must not be null");
      }
      this.clock = value;
      return this;
    }

    /** Sets the query-time synonyms, {@link SynonymSet#none()} to disable them. */
    public Builder synonyms(SynonymSet value) {
      if (value == null) {
        throw new ValidationException("synonyms", null, "must not be null");
      }
      this.synonyms = value;
      return this;
    }

    /** Turns fuzzy matching of unknown English words on or off. */
    public Builder typoTolerance(boolean value) {
      this.typoTolerance = value;
      return this;
    }

    /**
     * Sets how much usage feedback lifts an article: {@code weight * u / (u + 5)} is added to the
     * relevance score of an article used to resolve {@code u} tickets (so 5 uses add half the
     * weight, and no number of uses adds more than the weight). For scale, a one-word query that
     * matches a title scores roughly 5 to 15. {@code 0} ignores usage.
     *
     * @param value between 0 and 10
     */
    public Builder usageBoostWeight(double value) {
      if (!(value >= 0 && value <= 10)) {
        throw new ValidationException("usageBoostWeight", value, "must be between 0 and 10");
      }
      this.usageBoostWeight = value;
      return this;
    }

    /** Sets what happens when the index on disk is damaged. */
    public Builder onCorruptIndex(CorruptIndexPolicy value) {
      if (value == null) {
        throw new ValidationException("corruptIndexPolicy", null, "must not be null");
      }
      this.corruptIndexPolicy = value;
      return this;
    }

    /** Whether to verify every index file's checksum on open (reads the whole index once). */
    public Builder verifyChecksumsOnOpen(boolean value) {
      this.verifyChecksums = value;
      return this;
    }

    /**
     * Opens the knowledge base, recovering the index from the article store when needed, and with a
     * database starts following its changes.
     *
     * @return the open knowledge base
     * @throws IndexCorruptedException when the index is damaged and the policy is {@link
     *     CorruptIndexPolicy#FAIL}
     * @throws KnowledgeBaseStorageException when files or the database cannot be read, or files are
     *     open elsewhere
     */
    public LuceneKnowledgeBase open() {
      if (directoryPath != null) {
        try {
          Files.createDirectories(directoryPath);
        } catch (IOException e) {
          throw new KnowledgeBaseStorageException(
              "Cannot create knowledge base directory " + directoryPath + ": " + e, e);
        }
      }
      ArticleStore store;
      if (dataSource != null) {
        if (migrateSchema) {
          KbJdbcSchema.migrate(dataSource);
        }
        store = JdbcArticleStore.open(dataSource);
      } else {
        store =
            directoryPath == null
                ? ArticleRepository.inMemory()
                : ArticleRepository.open(directoryPath.resolve(JOURNAL_FILE));
      }
      Directory directory;
      String location;
      if (directoryPath == null) {
        directory = new ByteBuffersDirectory();
        location = "memory";
      } else {
        Path indexPath = directoryPath.resolve(INDEX_DIR);
        try {
          // small near-real-time segments stay in RAM until merged or committed: no file churn per
          // save
          directory = new NRTCachingDirectory(FSDirectory.open(indexPath), 8.0, 64.0);
        } catch (IOException e) {
          store.close();
          throw new KnowledgeBaseStorageException(
              "Cannot open index directory " + indexPath + ": " + e, e);
        }
        location = indexPath.toString();
      }
      LuceneKnowledgeBase kb;
      try {
        kb = new LuceneKnowledgeBase(this, store, directory, location);
        kb.openIndex(corruptIndexPolicy, verifyChecksums);
      } catch (RuntimeException e) {
        store.close();
        try {
          directory.close();
        } catch (IOException ignored) {
          // the original failure is reported
        }
        throw e;
      }
      if (store.shared()) {
        kb.startFollowing(pollInterval);
      }
      return kb;
    }
  }
}
