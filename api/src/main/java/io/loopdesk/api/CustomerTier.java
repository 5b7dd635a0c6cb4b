package io.loopdesk.api;

/** Commercial tier of a customer; the priority model may raise priority for VIPs. */
public enum CustomerTier {
  /** An ordinary customer. */
  STANDARD,
  /** A key account or VIP customer. */
  VIP
}
