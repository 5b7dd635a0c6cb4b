package io.loopdesk.api;

/** The role in which an actor performs an action. */
public enum Role {
  /** Front-line customer-service agent. */
  AGENT,
  /** Leads a team of agents. */
  TEAM_LEAD,
  /** Quality-assurance specialist. */
  QA_SPECIALIST,
  /** Trainer. */
  TRAINER,
  /** Customer-service supervisor or operations manager. */
  SUPERVISOR,
  /** Configures the system. */
  ADMINISTRATOR,
  /** The customer, acting through a self-service channel (e.g. reopening a ticket). */
  CUSTOMER,
  /** Loopdesk or the host system acting automatically (policies, schedulers). */
  SYSTEM
}
