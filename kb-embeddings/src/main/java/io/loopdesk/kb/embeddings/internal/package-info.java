/** Implementation details of loopdesk-kb-embeddings; not for users. */
package io.loopdesk.kb.embeddings.internal;
