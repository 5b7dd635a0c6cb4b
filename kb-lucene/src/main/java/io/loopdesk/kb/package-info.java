/** Knowledge base on Apache Lucene, tuned for Chinese, English and mixed text. */
package io.loopdesk.kb;
