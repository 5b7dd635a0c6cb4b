/** The knowledge base on Apache Lucene: articles, search, synonyms and hybrid ranking. */
module io.loopdesk.kb {
  requires transitive io.loopdesk.api;
  requires transitive java.sql;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.analysis.smartcn;
  requires org.apache.lucene.queryparser;
  requires org.apache.lucene.queries;
  requires org.apache.lucene.facet;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.slf4j;

  exports io.loopdesk.kb;

  // Jackson reads and writes the stored article records reflectively
  opens io.loopdesk.kb.internal to
      com.fasterxml.jackson.databind;
}
