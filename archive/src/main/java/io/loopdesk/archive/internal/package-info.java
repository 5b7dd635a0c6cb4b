/** Implementation helpers of the archive; not public API. */
package io.loopdesk.archive.internal;
