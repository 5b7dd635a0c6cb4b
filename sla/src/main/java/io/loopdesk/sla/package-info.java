/** Service-level agreements: business calendars, deadlines, pausing, warnings, breaches and escalation. */
package io.loopdesk.sla;
