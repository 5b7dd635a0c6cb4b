/** Implementation details of the Lucene knowledge base; not an API, may change without notice. */
package io.loopdesk.kb.internal;
