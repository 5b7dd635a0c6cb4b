/** Wiring helpers of {@code loopdesk-desk}; not part of the API. */
package io.loopdesk.desk.internal;
