/** Implementation details of the JDBC store: column encodings and the JSON codec. Not API. */
package io.loopdesk.store.jdbc.internal;
