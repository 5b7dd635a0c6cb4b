package io.loopdesk.routing;

/**
 * Whether the product concerned is covered by a warranty; in-warranty repairs go straight to
 * engineers.
 */
public enum WarrantyStatus {
  /** Covered by the manufacturer's or an extended warranty. */
  IN_WARRANTY,
  /** Not covered any more, or never was. */
  OUT_OF_WARRANTY,
  /** The host did not tell. */
  UNKNOWN
}
