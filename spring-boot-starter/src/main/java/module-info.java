/** Spring Boot auto-configuration of a Loopdesk service desk. */
module io.loopdesk.spring.boot {
  requires transitive io.loopdesk.desk;
  requires transitive io.loopdesk.insights;
  requires transitive java.sql;
  requires spring.beans;
  requires spring.boot;
  requires spring.boot.autoconfigure;
  requires spring.context;
  requires spring.core;
  requires spring.jdbc;
  requires spring.tx;
  requires org.slf4j;
  // optional: the health indicator and the meter binder only when the application has them
  requires static spring.boot.health;
  requires static micrometer.core;

  exports io.loopdesk.spring.boot;

  // Spring instantiates, proxies and binds the configuration classes reflectively
  opens io.loopdesk.spring.boot;
}
