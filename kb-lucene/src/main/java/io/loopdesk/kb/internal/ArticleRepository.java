package io.loopdesk.kb.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleNotFoundException;
import io.loopdesk.api.kb.ArticleVersionConflictException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of truth: every version of every article and every usage record, kept in memory and,
 * for on-disk knowledge bases, in an append-only JSON-lines journal that is forced to disk before a
 * write returns. The search index is derived from it and can always be rebuilt from it.
 *
 * <p>Each journal line carries a sequence number; the index remembers the last sequence it
 * contains, so after a crash only the missing changes are replayed. A torn last line (crash while
 * appending) is cut off when reopening; damage anywhere else is reported as {@link
 * KnowledgeBaseStorageException}.
 *
 * <p>The journal's sequence numbers are the positions of the {@link ArticleStore} change feed.
 * Reads are thread-safe and lock-free; writes are serialized by the repository. One process only:
 * the journal is locked against other processes.
 */
public final class ArticleRepository implements ArticleStore {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleRepository.class);
  private static final ObjectMapper JSON = ArticleJson.JSON;

  private final Path journalPath;
  private final FileChannel journal;
  private final FileLock lock;
  private final Map<String, List<Article>> versions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> usage = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, String> changes = new ConcurrentSkipListMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
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
              journalPath,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new KnowledgeBaseStorageException(
            "Article store "
                + journalPath
                + " is already open in another knowledge base or process",
            null);
      }
      ArticleRepository repository = new ArticleRepository(journalPath, channel, lock);
      repository.load();
      return repository;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new KnowledgeBaseStorageException(
          "Cannot open article store " + journalPath + ": " + e, e);
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
        LOG.warn(
            "Article store {}: dropping an incomplete last entry of {} bytes (interrupted write)",
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
    } catch (JsonProcessingException
        | KnowledgeBaseException
        | IllegalStateException
        | IllegalArgumentException e) {
      throw new KnowledgeBaseStorageException(
          "Article store "
              + journalPath
              + " is damaged at line "
              + lineNumber
              + ": "
              + e.getMessage(),
          e);
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
      changes.put(entry.seq(), article.id());
    } else if (entry.usageArticleId() != null && entry.usageTicketId() != null) {
      usage
          .computeIfAbsent(entry.usageArticleId(), id -> ConcurrentHashMap.newKeySet())
          .add(entry.usageTicketId());
      changes.put(entry.seq(), entry.usageArticleId());
    } else {
      throw new IllegalArgumentException(
          "entry " + entry.seq() + " holds neither an article nor a usage record");
    }
    lastSeq = entry.seq();
  }

  @Override
  public Article current(String id) {
    List<Article> list = versions.get(id);
    return list == null ? null : list.get(list.size() - 1);
  }

  @Override
  public List<Article> history(String id) {
    return versions.getOrDefault(id, List.of());
  }

  @Override
  public long usageCount(String id) {
    Set<String> tickets = usage.get(id);
    return tickets == null ? 0 : tickets.size();
  }

  @Override
  public int size() {
    return versions.size();
  }

  @Override
  public String location() {
    return journalPath == null ? "memory" : journalPath.toString();
  }

  @Override
  public String feedId() {
    return "journal";
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public long lastPosition() {
    return lastSeq;
  }

  @Override
  public Changes changesSince(long position, int max) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    long last = position;
    int read = 0;
    for (Map.Entry<Long, String> change : changes.tailMap(position, false).entrySet()) {
      if (read++ >= max) {
        break;
      }
      ids.add(change.getValue());
      last = change.getKey();
    }
    return new Changes(List.copyOf(ids), last);
  }

  @Override
  public List<Indexable> indexable(Collection<String> ids) {
    List<Indexable> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Article article = current(id);
      if (article != null) {
        out.add(new Indexable(article, usageCount(id)));
      }
    }
    return out;
  }

  @Override
  public void forEachCurrent(Consumer<Indexable> consumer) {
    for (List<Article> list : versions.values()) {
      Article article = list.get(list.size() - 1);
      consumer.accept(new Indexable(article, usageCount(article.id())));
    }
  }

  @Override
  public List<Article> save(List<Article> articles, Instant savedAt) {
    writeLock.lock();
    try {
      List<Article> stored = new ArrayList<>(articles.size());
      for (Article article : articles) {
        Article current = current(article.id());
        long currentVersion = current == null ? 0 : current.version();
        if (article.version() != currentVersion) {
          throw new ArticleVersionConflictException(
              article.id(), article.version(), currentVersion);
        }
        stored.add(article.withVersion(currentVersion + 1, savedAt));
      }
      appendArticles(stored);
      return stored;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public boolean recordUsage(String articleId, String ticketId) {
    writeLock.lock();
    try {
      if (current(articleId) == null) {
        throw new ArticleNotFoundException(articleId);
      }
      Set<String> tickets = usage.get(articleId);
      if (tickets != null && tickets.contains(ticketId)) {
        return false;
      }
      appendUsage(articleId, ticketId);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  /** Durably appends new article versions, then makes them visible. Caller holds the write lock. */
  private long appendArticles(Collection<Article> articles) {
    List<Entry> entries = new ArrayList<>(articles.size());
    long seq = lastSeq;
    for (Article article : articles) {
      entries.add(new Entry(++seq, ArticleJson.ArticleRecord.of(article), null, null));
    }
    write(entries);
    entries.forEach(this::apply);
    return lastSeq;
  }

  /** Durably appends a usage record, then makes it visible. Caller holds the write lock. */
  private long appendUsage(String articleId, String ticketId) {
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
      throw new KnowledgeBaseStorageException(
          "Cannot write article store " + journalPath + ": " + e, e);
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
      throw new KnowledgeBaseStorageException(
          "Cannot close article store " + journalPath + ": " + e, e);
    }
  }

  /** One journal line. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(
      long seq, ArticleJson.ArticleRecord article, String usageArticleId, String usageTicketId) {}
}
