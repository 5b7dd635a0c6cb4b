/** Implementation of routing; not part of the public API and may change without notice. */
package io.loopdesk.routing.internal;
