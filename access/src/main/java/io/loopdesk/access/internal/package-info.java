/** Implementation of access control and personal-data protection; not public API. */
package io.loopdesk.access.internal;
