package io.loopdesk.access;

/** Whether a role sees customers' personal data in tickets and events returned by the secured desk. */
public enum PersonalDataView {
  /** Name, phone and e-mail as stored. */
  FULL,
  /** Name and e-mail masked with {@link io.loopdesk.api.Masking}; phone removed (see {@link AccessControl}). */
  MASKED
}
