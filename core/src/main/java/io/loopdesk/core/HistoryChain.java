package io.loopdesk.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.json.LoopdeskJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links each ticket's events into a hash chain, so that a changed, deleted, reordered or inserted
 * event can be detected later ({@link TicketHistoryVerifier}).
 *
 * <p>The chain of event {@code n} is {@code H(prefix || chain(n-1) || "\n" || canonical(n))} in 64
 * lowercase hex digits, where {@code prefix} is {@code "loopdesk-history-chain-v1\n"}, {@code
 * chain(0)} is empty (the opening event, or the first event written with chaining on), and {@code
 * canonical(n)} is the event's Loopdesk JSON without its own chain, with null properties left out
 * and every non-ASCII character written as a {@code \}{@code uXXXX} escape (so the bytes are plain
 * ASCII and every Java string, even with unpaired surrogates, encodes uniquely). The event names
 * its ticket and version, so an event moved to another ticket or position no longer matches. Null
 * properties are left out so that a nullable field added to a value type later does not change the
 * encoding of older events.
 *
 * <p>{@code H} is SHA-256 ({@link #sha256()}) or HMAC-SHA256 with a host key ({@link
 * #hmacSha256(byte[])}). What each detects, honestly:
 *
 * <ul>
 *   <li><b>SHA-256</b> detects edits, deletions, reorderings and insertions made by anyone who does
 *       not recompute the chain: a careless script, a faulty migration, a forged event saved
 *       through the store SPI without the desk. Anyone with write access to the database who knows
 *       this algorithm (it is public) can recompute every later link and the snapshot's head hash,
 *       and the forgery then verifies.
 *   <li><b>HMAC-SHA256</b> with a key the database does not hold also stops that forger: without
 *       the key no valid link can be computed. Keep the key outside the database (a secret store);
 *       whoever holds it can forge. There is no key rotation: events chained under one key verify
 *       only with that key.
 *   <li>Neither detects the deletion of a ticket's whole history together with its snapshot, nor a
 *       truncation of the latest events together with a rollback of the snapshot to the matching
 *       earlier version, since the remaining prefix is a valid chain. Anchoring head hashes outside
 *       the database (an archive of {@link io.loopdesk.api.Ticket#historyHash()} per audit) covers
 *       that.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class HistoryChain {
  private static final byte[] PREFIX =
      "loopdesk-history-chain-v1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEPARATOR = {'\n'};
  private static final int MIN_KEY_BYTES = 16;
  private static final ObjectWriter CANONICAL = canonicalWriter();
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] key;

  private HistoryChain(byte[] key) {
    this.key = key;
  }

  /**
   * Returns a chain of plain SHA-256 links: detects tampering by anyone who does not recompute it.
   */
  public static HistoryChain sha256() {
    return new HistoryChain(null);
  }

  /**
   * Returns a chain of HMAC-SHA256 links under a host key: also detects a forger who can write to
   * the database but does not hold the key.
   *
   * @param hostKey the secret key, at least 16 bytes; copied
   * @return the keyed chain
   * @throws ValidationException if the key is null or shorter than 16 bytes (the key is not echoed)
   */
  public static HistoryChain hmacSha256(byte[] hostKey) {
    if (hostKey == null) {
      throw new ValidationException("hostKey", null, "must not be null");
    }
    if (hostKey.length < MIN_KEY_BYTES) {
      throw new ValidationException(
          "hostKey",
          "<" + hostKey.length + " bytes>",
          "must have at least " + MIN_KEY_BYTES + " bytes");
    }
    return new HistoryChain(hostKey.clone());
  }

  /** Returns true if links are keyed (HMAC-SHA256), false for plain SHA-256. */
  public boolean isKeyed() {
    return key != null;
  }

  /**
   * Computes an event's link; the event's own chain is ignored.
   *
   * @param previous the chain of the event before, or {@code null} for none
   * @param event the event
   * @return the event's chain, 64 lowercase hex digits
   * @throws ValidationException if an argument is null or {@code previous} is not a chain value
   */
  public String link(String previous, TicketEvent event) {
    TicketEvent.requireChainFormat("previous", previous);
    if (event == null) {
      throw new ValidationException("event", null, "must not be null");
    }
    byte[] canonical = canonical(event);
    byte[] before = previous == null ? new byte[0] : previous.getBytes(StandardCharsets.US_ASCII);
    try {
      if (key == null) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(PREFIX);
        digest.update(before);
        digest.update(SEPARATOR);
        digest.update(canonical);
        return HEX.formatHex(digest.digest());
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(PREFIX);
      mac.update(before);
      mac.update(SEPARATOR);
      mac.update(canonical);
      return HEX.formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the JVM lacks SHA-256 or HmacSHA256, which every Java SE runtime must provide", e);
    }
  }

  /**
   * Returns the event with its chain set to its link after {@code previous}.
   *
   * @param event the event
   * @param previous the chain of the event before, or {@code null} for none
   * @return the chained event
   */
  public TicketEvent stamp(TicketEvent event, String previous) {
    return event.withChain(link(previous, event));
  }

  /** The bytes an event's link covers: its canonical JSON without its chain, in ASCII. */
  static byte[] canonical(TicketEvent event) {
    try {
      return CANONICAL
          .writeValueAsString(event.withChain(null))
          .getBytes(StandardCharsets.US_ASCII);
    } catch (JsonProcessingException e) {
      throw new ValidationException(
          "event", event.getClass().getSimpleName(), "cannot be encoded for the history chain");
    }
  }

  private static ObjectWriter canonicalWriter() {
    ObjectMapper mapper = LoopdeskJson.newObjectMapper();
    mapper.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    return mapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
  }

  /** Names the algorithm; never the key. */
  @Override
  public String toString() {
    return key == null
        ? "HistoryChain[SHA-256]"
        : "HistoryChain[HMAC-SHA256, key of " + key.length + " bytes]";
  }
}
