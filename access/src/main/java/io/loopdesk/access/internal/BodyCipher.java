package io.loopdesk.access.internal;

import io.loopdesk.access.ErasedPersonalData;
import io.loopdesk.access.PersonalDataCryptoException;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals message bodies (agent replies, customer replies, internal notes) with AES-GCM under the
 * ticket customer's key, and opens them again. A sealed body is the text {@code
 * ld-sealed:1:<keyId>:<base64url(customerId)>:<byte count>:<packed>}, where {@code packed} is
 * {@code iv | ciphertext | tag} at 15 bits per char ({@link Base32768}); the plaintext is a flag
 * byte (8 for UTF-8, 16 for the raw UTF-16 chars, whichever is shorter and lossless: unpaired
 * surrogates survive) and the text. The ticket id and the event version are the associated data, so
 * a sealed body moved to another event does not open. Thread-safe.
 */
public final class BodyCipher {
  /** The prefix that marks a sealed body. */
  public static final String PREFIX = "ld-sealed:1:";

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SealingKeys keys;
  private final SecureRandom random;

  /**
   * Creates the cipher.
   *
   * @param keys where keys come from
   * @param random the source of IVs
   */
  public BodyCipher(SealingKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /**
   * Seals a body.
   *
   * @param ticketId the ticket
   * @param version the event's version
   * @param customerId the ticket's customer, whose key seals it
   * @param body the clear body
   * @return the sealed body
   * @throws ValidationException if the sealed body would be longer than the body limit
   * @throws PersonalDataCryptoException if no key can be had, e.g. the customer was erased
   */
  public String seal(TicketId ticketId, long version, String customerId, String body) {
    SealingKeys.Keyed keyed;
    try {
      keyed = keys.forSealing(customerId);
    } catch (LoopdeskException | IllegalArgumentException e) {
      throw new PersonalDataCryptoException(
          ticketId, "no key to seal the message body: " + e.getMessage(), e);
    }
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    ByteBuffer chars = ByteBuffer.allocate(body.length() * 2);
    body.chars().forEach(ch -> chars.putChar((char) ch));
    byte[] utf16 = chars.array();
    boolean wide =
        utf16.length < utf8.length || !new String(utf8, StandardCharsets.UTF_8).equals(body);
    byte[] text = wide ? utf16 : utf8;
    byte[] plain =
        ByteBuffer.allocate(1 + text.length).put((byte) (wide ? 16 : 8)).put(text).array();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keyed.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(ticketId, version));
      sealed = cipher.doFinal(plain);
    } catch (GeneralSecurityException e) {
      throw new PersonalDataCryptoException(
          ticketId, "encryption of a message body failed: " + e.getClass().getSimpleName(), e);
    }
    byte[] all = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    String result =
        PREFIX
            + keyed.keyId()
            + ":"
            + encodeId(customerId)
            + ":"
            + all.length
            + ":"
            + Base32768.encode(all);
    if (result.length() > TicketChange.Communication.MAX_BODY_LENGTH) {
      throw ValidationException.described(
          "body",
          "<" + body.length() + " characters>",
          "is too long to be encrypted at rest within "
              + TicketChange.Communication.MAX_BODY_LENGTH
              + " characters (about 9,300 Chinese or 10,000 Latin characters fit)");
    }
    return result;
  }

  /**
   * Opens a body: a sealed one is decrypted, or read as {@link ErasedPersonalData#BODY} if its
   * customer was erased; any other body is returned as it is.
   *
   * @param ticketId the ticket
   * @param version the event's version
   * @param body the stored body
   * @return the clear body or the erased marker
   * @throws PersonalDataCryptoException if the body was altered, its key is unknown, or it belongs
   *     to another event
   */
  public String open(TicketId ticketId, long version, String body) {
    if (!body.startsWith(PREFIX)) {
      return body;
    }
    String[] parts = body.substring(PREFIX.length()).split(":", 4);
    if (parts.length != 4) {
      throw new PersonalDataCryptoException(
          ticketId, "sealed message body of version " + version + " is malformed", null);
    }
    Optional<SecretKey> key;
    String customerId;
    int length;
    try {
      customerId = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      length = Integer.parseInt(parts[2]);
      key = keys.forOpening(customerId, parts[0]);
    } catch (LoopdeskException | IllegalArgumentException e) {
      throw new PersonalDataCryptoException(
          ticketId,
          "sealed message body of version " + version + " cannot be opened: " + e.getMessage(),
          e);
    }
    if (key.isEmpty()) {
      return ErasedPersonalData.BODY;
    }
    try {
      byte[] all = Base32768.decode(parts[3], length);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(aad(ticketId, version));
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      if (plain.length == 0 || (plain[0] != 8 && plain[0] != 16)) {
        throw new PersonalDataCryptoException(
            ticketId, "sealed message body of version " + version + " has an unknown format", null);
      }
      if (plain[0] == 8) {
        return new String(plain, 1, plain.length - 1, StandardCharsets.UTF_8);
      }
      ByteBuffer in = ByteBuffer.wrap(plain, 1, plain.length - 1);
      StringBuilder text = new StringBuilder(in.remaining() / 2);
      while (in.remaining() >= 2) {
        text.append(in.getChar());
      }
      return text.toString();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PersonalDataCryptoException(
          ticketId,
          "sealed message body of version "
              + version
              + " cannot be opened (altered, wrong key or another event's body)",
          e);
    }
  }

  private static String encodeId(String customerId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(customerId.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] aad(TicketId ticketId, long version) {
    return ("body:" + ticketId.value() + ":" + version).getBytes(StandardCharsets.UTF_8);
  }
}
