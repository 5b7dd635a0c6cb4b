package io.loopdesk.kb.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.KnowledgeBaseException;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of truth: every version of every article and every usage record, kept in memory and,
 * for on-disk knowledge bases, in an append-only JSON-lines journal that is forced to disk before a
 * write returns. The search index is derived from it and can always be rebuilt from it.
 *
 * <p>Each journal line carries a sequence number; the index remembers the last sequence it contains,
 * so after a crash only the missing changes are replayed. A torn last line (crash while appending)
 * is cut off when reopening; damage anywhere else is reported as {@link
 * KnowledgeBaseStorageException}.
 *
 * <p>Reads are thread-safe and lock-free; mutations must be serialized by the caller.
 */
public final class ArticleRepository implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleRepository.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final Path journalPath;
  private final FileChannel journal;
  private final FileLock lock;
  private final Map<String, List<Article>> versions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> usage = new ConcurrentHashMap<>();
  private final Map<String, Long> lastChange = new ConcurrentHashMap<>();
  private volatile long lastSeq;

  private ArticleRepository(Path journalPath, FileChannel journal, FileLock lock) {
    this.journalPath = journalPath;
    this.journal = journal;
    this.lock = lock;
  }

  /** Creates a repository that lives only in memory. */
  public static ArticleRepository inMemory() {
    return new ArticleRepository(null, null, null);
  }

  /**
   * Opens (or creates) the journal file, locks it against other processes and loads it.
   *
   * @param journalPath the journal file
   * @return the loaded repository
   * @throws KnowledgeBaseStorageException when the file is locked, unreadable or damaged
   */
  public static ArticleRepository open(Path journalPath) {
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              journalPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new KnowledgeBaseStorageException(
            "Article store " + journalPath + " is already open in another knowledge base or process", null);
      }
      ArticleRepository repository = new ArticleRepository(journalPath, channel, lock);
      repository.load();
      return repository;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new KnowledgeBaseStorageException("Cannot open article store " + journalPath + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing; the original error is more useful
      }
    }
  }

  private void load() throws IOException {
    long goodLength = 0;
    long offset = 0;
    int lineNumber = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(journalPath), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
      int b;
      boolean pending = false;
      while (true) {
        b = in.read();
        if (b == -1) {
          break;
        }
        offset++;
        if (b != '\n') {
          line.write(b);
          pending = true;
          continue;
        }
        lineNumber++;
        applyLine(line.toString(StandardCharsets.UTF_8), lineNumber);
        line.reset();
        pending = false;
        goodLength = offset;
      }
      if (pending) {
        LOG.warn("Article store {}: dropping an incomplete last entry of {} bytes (interrupted write)",
            journalPath,
            offset - goodLength);
        journal.truncate(goodLength);
        journal.force(true);
      }
    }
    journal.position(goodLength);
  }

  private void applyLine(String text, int lineNumber) {
    if (text.isBlank()) {
      return;
    }
    Entry entry;
    try {
      entry = JSON.readValue(text, Entry.class);
      if (entry.seq() <= lastSeq) {
        throw new IllegalStateException("sequence " + entry.seq() + " is not after " + lastSeq);
      }
      apply(entry);
    } catch (JsonProcessingException | KnowledgeBaseException | IllegalStateException | IllegalArgumentException e) {
      throw new KnowledgeBaseStorageException(
          "Article store " + journalPath + " is damaged at line " + lineNumber + ": " + e.getMessage(), e);
    }
  }

  private void apply(Entry entry) {
    if (entry.article() != null) {
      Article article = entry.article().toArticle();
      versions.merge(
          article.id(),
          List.of(article),
          (old, added) -> {
            List<Article> copy = new ArrayList<>(old);
            copy.addAll(added);
            return List.copyOf(copy);
          });
      lastChange.put(article.id(), entry.seq());
    } else if (entry.usageArticleId() != null && entry.usageTicketId() != null) {
      usage.computeIfAbsent(entry.usageArticleId(), id -> ConcurrentHashMap.newKeySet()).add(entry.usageTicketId());
      lastChange.put(entry.usageArticleId(), entry.seq());
    } else {
      throw new IllegalArgumentException("entry " + entry.seq() + " holds neither an article nor a usage record");
    }
    lastSeq = entry.seq();
  }

  /** Returns the current version of an article, or {@code null}. */
  public Article current(String id) {
    List<Article> list = versions.get(id);
    return list == null ? null : list.get(list.size() - 1);
  }

  /** Returns all versions, oldest first, empty when unknown. */
  public List<Article> history(String id) {
    return versions.getOrDefault(id, List.of());
  }

  /** Returns the current version of every article (a snapshot). */
  public List<Article> currentArticles() {
    List<Article> all = new ArrayList<>(versions.size());
    for (List<Article> list : versions.values()) {
      all.add(list.get(list.size() - 1));
    }
    return all;
  }

  /** Returns the ids whose article or usage changed after the given sequence number. */
  public List<String> changedSince(long seq) {
    List<String> ids = new ArrayList<>();
    lastChange.forEach((id, changed) -> {
      if (changed > seq && versions.containsKey(id)) {
        ids.add(id);
      }
    });
    return ids;
  }

  /** Returns the number of tickets the article helped resolve. */
  public long usageCount(String id) {
    Set<String> tickets = usage.get(id);
    return tickets == null ? 0 : tickets.size();
  }

  /** Tells whether the pair was already recorded. */
  public boolean hasUsage(String id, String ticketId) {
    Set<String> tickets = usage.get(id);
    return tickets != null && tickets.contains(ticketId);
  }

  /** Returns the number of articles. */
  public int size() {
    return versions.size();
  }

  /** Returns the sequence number of the last change. */
  public long lastSeq() {
    return lastSeq;
  }

  /** Returns where the journal lives, or {@code "memory"}. */
  public String location() {
    return journalPath == null ? "memory" : journalPath.toString();
  }

  /**
   * Durably appends new article versions, then makes them visible. Caller holds the write lock.
   *
   * @param articles fully assigned versions
   * @return the sequence number of the last one
   */
  public long appendArticles(Collection<Article> articles) {
    List<Entry> entries = new ArrayList<>(articles.size());
    long seq = lastSeq;
    for (Article article : articles) {
      entries.add(new Entry(++seq, ArticleRecord.of(article), null, null));
    }
    write(entries);
    entries.forEach(this::apply);
    return lastSeq;
  }

  /**
   * Durably appends a usage record, then makes it visible. Caller holds the write lock.
   *
   * @return the sequence number
   */
  public long appendUsage(String articleId, String ticketId) {
    Entry entry = new Entry(lastSeq + 1, null, articleId, ticketId);
    write(List.of(entry));
    apply(entry);
    return lastSeq;
  }

  private void write(List<Entry> entries) {
    if (journal == null) {
      return;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 512);
      for (Entry entry : entries) {
        bytes.write(JSON.writeValueAsBytes(entry));
        bytes.write('\n');
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
      long start = journal.position();
      try {
        while (buffer.hasRemaining()) {
          journal.write(buffer);
        }
        journal.force(false);
      } catch (IOException e) {
        journal.truncate(start);
        journal.position(start);
        throw e;
      }
    } catch (IOException e) {
      throw new KnowledgeBaseStorageException("Cannot write article store " + journalPath + ": " + e, e);
    }
  }

  @Override
  public void close() {
    if (journal == null) {
      return;
    }
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      journal.close();
    } catch (IOException e) {
      throw new KnowledgeBaseStorageException("Cannot close article store " + journalPath + ": " + e, e);
    }
  }

  /** One journal line. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(long seq, ArticleRecord article, String usageArticleId, String usageTicketId) {}

  /** Journal shape of an article, decoupled from the API type so the file format stays stable. */
  record ArticleRecord(
      String id,
      long version,
      String title,
      String body,
      String kind,
      List<String> categories,
      String product,
      String status,
      Instant effectiveFrom,
      Instant effectiveUntil,
      Instant updatedAt) {

    static ArticleRecord of(Article a) {
      return new ArticleRecord(
          a.id(), a.version(), a.title(), a.body(), a.kind().name(), List.copyOf(a.categories()),
          a.product(), a.status().name(), a.effectiveFrom(), a.effectiveUntil(), a.updatedAt());
    }

    Article toArticle() {
      return new Article(
          id, version, title, body == null ? "" : body, ArticleKind.valueOf(kind),
          categories == null ? Set.<String>of() : new java.util.TreeSet<>(categories), product, ArticleStatus.valueOf(status),
          effectiveFrom, effectiveUntil, updatedAt);
    }
  }
}
