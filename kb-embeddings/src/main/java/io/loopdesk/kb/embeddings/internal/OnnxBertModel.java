package io.loopdesk.kb.embeddings.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A BERT-style bi-encoder read from ONNX and tokenizer resources on the class path, run by ONNX
 * Runtime with a chosen number of threads (langchain4j's ready-made models use as many threads as
 * the machine has cores and cannot be closed). Texts longer than the model's 512 tokens are split
 * and their vectors averaged, as langchain4j does. Thread-safe; close it to free the native
 * session.
 */
public final class OnnxBertModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {
  private final OrtSession session;
  private final OnnxBertBiEncoder encoder;
  private final int dimension;

  private OnnxBertModel(OrtSession session, OnnxBertBiEncoder encoder, int dimension) {
    super(Runnable::run);
    this.session = session;
    this.encoder = encoder;
    this.dimension = dimension;
  }

  /**
   * Loads a model.
   *
   * @param modelResource class-path resource of the ONNX file
   * @param tokenizerResource class-path resource of the tokenizer JSON
   * @param pooling how token vectors become one vector (CLS for BGE)
   * @param dimension the model's vector size
   * @param threads ONNX Runtime intra-op threads per call
   * @return the loaded model
   * @throws IllegalStateException when a resource is missing or ONNX Runtime rejects the model
   */
  public static OnnxBertModel load(
      String modelResource,
      String tokenizerResource,
      PoolingMode pooling,
      int dimension,
      int threads) {
    ClassLoader loader = OnnxBertModel.class.getClassLoader();
    byte[] model;
    try (InputStream in = loader.getResourceAsStream(modelResource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Model resource " + modelResource + " is not on the class path");
      }
      model = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model resource " + modelResource, e);
    }
    OrtSession session = null;
    try (InputStream tokenizer = loader.getResourceAsStream(tokenizerResource);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (tokenizer == null) {
        throw new IllegalStateException(
            "Tokenizer resource " + tokenizerResource + " is not on the class path");
      }
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      session = environment.createSession(model, options);
      return new OnnxBertModel(
          session, new OnnxBertBiEncoder(environment, session, tokenizer, pooling), dimension);
    } catch (OrtException e) {
      closeQuietly(session);
      throw new IllegalStateException(
          "ONNX Runtime cannot load " + modelResource + ": " + e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(session);
      throw new UncheckedIOException("Cannot read tokenizer resource " + tokenizerResource, e);
    }
  }

  private static void closeQuietly(OrtSession session) {
    if (session != null) {
      try {
        session.close();
      } catch (OrtException ignored) {
        // the original failure is reported
      }
    }
  }

  /** Embeds one text. */
  public float[] vector(String text) {
    return embed(text).content().vector();
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return dimension;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot close the ONNX session: " + e.getMessage(), e);
    }
  }
}
