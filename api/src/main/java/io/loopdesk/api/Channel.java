package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The channel through which a customer contacted the service desk.
 *
 * <p>Open for extension: besides the constants, any upper-case code such as {@code WECOM} is
 * accepted through {@link #of(String)}; two values are equal when their names are.
 *
 * @param name the upper-case code, e.g. {@code PHONE}
 */
public record Channel(@JsonValue String name) {
  /** Telephone hotline or call centre. */
  public static final Channel PHONE = new Channel("PHONE");

  /** Web or in-app live chat. */
  public static final Channel ONLINE_CHAT = new Channel("ONLINE_CHAT");

  /** E-mail. */
  public static final Channel EMAIL = new Channel("EMAIL");

  /** Feedback form inside the company's mobile app. */
  public static final Channel APP = new Channel("APP");

  /** Social media or official account (e.g. a WeChat official account). */
  public static final Channel SOCIAL_MEDIA = new Channel("SOCIAL_MEDIA");

  /** A paper form filled in at a store or by post. */
  public static final Channel PAPER_FORM = new Channel("PAPER_FORM");

  /** In person, at a store, service centre or the customer's site. */
  public static final Channel ON_SITE = new Channel("ON_SITE");

  /** Validates the code; see {@link #of(String)}. */
  public Channel {
    Checks.code("channel", name);
  }

  /**
   * Returns the value with the given code.
   *
   * @param name an upper-case code matching {@code [A-Z][A-Z0-9_]{0,63}}
   * @return the value
   * @throws ValidationException if the code is null, blank or malformed
   */
  @JsonCreator
  public static Channel of(String name) {
    return new Channel(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
