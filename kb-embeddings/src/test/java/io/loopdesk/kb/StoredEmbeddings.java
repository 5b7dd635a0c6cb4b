package io.loopdesk.kb;

import com.google.common.hash.Hashing;
import io.loopdesk.api.kb.Article;
import io.loopdesk.kb.RelevanceCollection.ArticleData;
import io.loopdesk.kb.RelevanceCollection.Judgement;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The relevance collection's vectors as bge-small-zh-v1.5 computed them, stored in {@code
 * src/test/resources/relevance-embeddings.bin.gz} so that {@code HybridRelevanceTest} does not run
 * the model 200 times (30-75 s on the shared machine). A text that is not in the file (the
 * collection changed) is embedded by the real model, loaded on first need; {@code
 * BgeSmallZhEmbedderTest} checks that the model still reproduces the stored vectors. Regenerate the
 * file with {@code java -cp <test classpath> io.loopdesk.kb.StoredEmbeddings
 * kb-embeddings/src/test/resources/relevance-embeddings.bin.gz}.
 */
final class StoredEmbeddings implements TextEmbedder, AutoCloseable {
  static final String RESOURCE = "/relevance-embeddings.bin.gz";

  private final Map<String, float[]> stored;
  private final Supplier<BgeSmallZhEmbedder> modelFactory;
  private BgeSmallZhEmbedder model;
  private int misses;

  private StoredEmbeddings(Map<String, float[]> stored, Supplier<BgeSmallZhEmbedder> modelFactory) {
    this.stored = stored;
    this.modelFactory = modelFactory;
  }

  /**
   * Reads the stored vectors; texts not stored are embedded by a model made by {@code
   * modelFactory}.
   */
  static StoredEmbeddings load(Supplier<BgeSmallZhEmbedder> modelFactory) {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    try (InputStream raw = StoredEmbeddings.class.getResourceAsStream(RESOURCE)) {
      if (raw != null) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
          String modelId = in.readUTF();
          int count = in.readInt();
          int dimension = in.readInt();
          for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            float[] vector = new float[dimension];
            for (int j = 0; j < dimension; j++) {
              vector[j] = in.readFloat();
            }
            if (modelId.equals(modelIdOfDefaults())) {
              vectors.put(key, vector);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StoredEmbeddings(vectors, modelFactory);
  }

  private static String modelIdOfDefaults() {
    return "bge-small-zh-v1.5/cls/plain/chars-1000";
  }

  static String articleKey(String title, String body) {
    return Hashing.sha256()
        .hashString("article\u0000" + title + "\u0000" + body, StandardCharsets.UTF_8)
        .toString();
  }

  static String queryKey(String text) {
    return Hashing.sha256().hashString("query\u0000" + text, StandardCharsets.UTF_8).toString();
  }

  /** Returns the stored vectors by key. */
  Map<String, float[]> stored() {
    return stored;
  }

  /** Tells how many texts had to be embedded by the model. */
  synchronized int misses() {
    return misses;
  }

  @Override
  public String modelId() {
    return modelIdOfDefaults();
  }

  @Override
  public int dimension() {
    return BgeSmallZhEmbedder.DIMENSION;
  }

  @Override
  public float[] embedArticle(String title, String body) {
    float[] vector = stored.get(articleKey(title, body));
    return vector != null ? vector.clone() : model().embedArticle(title, body);
  }

  @Override
  public float[] embedQuery(String text) {
    float[] vector = stored.get(queryKey(text));
    return vector != null ? vector.clone() : model().embedQuery(text);
  }

  private synchronized BgeSmallZhEmbedder model() {
    misses++;
    if (model == null) {
      model = modelFactory.get();
    }
    return model;
  }

  @Override
  public synchronized void close() {
    if (model != null) {
      model.close();
    }
  }

  /** Embeds the whole collection with the real model and writes the file named by the argument. */
  public static void main(String[] args) throws IOException {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    try (BgeSmallZhEmbedder model = BgeSmallZhEmbedder.load()) {
      if (!model.modelId().equals(modelIdOfDefaults())) {
        throw new IllegalStateException("default model id changed to " + model.modelId());
      }
      for (ArticleData data : RelevanceCollection.articles()) {
        Article article = data.toArticle();
        vectors.put(
            articleKey(article.title(), article.body()),
            model.embedArticle(article.title(), article.body()));
      }
      for (Judgement judgement :
          Stream.concat(
                  RelevanceCollection.judgements().stream(),
                  RelevanceCollection.paraphrases().stream())
              .toList()) {
        vectors.put(queryKey(judgement.query()), model.embedQuery(judgement.query()));
      }
    }
    Path file = Path.of(args[0]);
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeUTF(modelIdOfDefaults());
      out.writeInt(vectors.size());
      out.writeInt(BgeSmallZhEmbedder.DIMENSION);
      for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
        out.writeUTF(entry.getKey());
        for (float value : entry.getValue()) {
          out.writeFloat(value);
        }
      }
    }
    System.out.println("wrote " + vectors.size() + " vectors to " + file);
  }
}
