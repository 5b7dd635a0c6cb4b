/**
 * The dashboard's machinery: the in-memory event cache fed by the store's event feed. Not for
 * users.
 */
package io.loopdesk.dashboard.internal;
