package io.loopdesk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the Maven project a newcomer would make from the root README: a pom whose dependencies are
 * the README's dependency snippet pasted as it stands, and the README's first Java example as its
 * only source file, run by {@code exec:java} when the project is packaged. The invoker plugin then
 * builds it against the artifacts of this build, so that a README that does not compile or run
 * fails the build.
 */
public final class ReadmeProject {

  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME =
      Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

  private ReadmeProject() {}

  /**
   * Generates the project.
   *
   * @param args the README, the directory to write the project into, and the local repository the
   *     project's build reads plugins and libraries from (written into a settings file beside it)
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: ReadmeProject README.md <project dir> <local repository>");
    }
    Path readme = Path.of(args[0]);
    Path project = Path.of(args[1]);
    Path repository = Path.of(args[2]);
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String dependencies = firstBlock(XML_BLOCK, text, "```xml dependency snippet");
    String example = firstBlock(JAVA_BLOCK, text, "```java example");
    Matcher className = CLASS_NAME.matcher(example);
    if (!className.find()) {
      throw new IllegalStateException(
          "the README's first Java example declares no public class to run");
    }
    String mainClass = className.group(1);
    Path sources = project.resolve("src/main/java");
    Files.createDirectories(sources);
    Files.writeString(
        project.resolve("pom.xml"), pom(dependencies, mainClass), StandardCharsets.UTF_8);
    Files.writeString(sources.resolve(mainClass + ".java"), example, StandardCharsets.UTF_8);
    Files.writeString(
        project.resolveSibling(project.getFileName() + "-settings.xml"),
        settings(repository),
        StandardCharsets.UTF_8);
  }

  private static String firstBlock(Pattern pattern, String text, String what) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("the README has no " + what);
    }
    return m.group(1);
  }

  private static String pom(String dependencies, String mainClass) {
    return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>readme-first-hour</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>

                  <!-- the README's dependency snippet, as it stands -->
                %s
                  <build>
                    <plugins>
                      <!-- plugin versions pinned to those the Loopdesk build itself uses, so that this
                           project builds offline from the developer's local repository -->
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-jar-plugin</artifactId>
                        <version>3.4.2</version>
                      </plugin>
                      <plugin>
                        <!-- runs the README's example; an exception fails the build -->
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                        <version>3.5.0</version>
                        <executions>
                          <execution>
                            <id>run-readme-example</id>
                            <phase>package</phase>
                            <goals>
                              <goal>java</goal>
                            </goals>
                            <configuration>
                              <mainClass>%s</mainClass>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """
        .formatted(indent(dependencies), mainClass);
  }

  private static String indent(String block) {
    StringBuilder out = new StringBuilder();
    block.lines().forEach(line -> out.append(line.isEmpty() ? "" : "  ").append(line).append('\n'));
    return out.toString();
  }

  private static String settings(Path repository) {
    String url = repository.toAbsolutePath().toUri().toString();
    return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Every repository is the developer's own local repository, read as a file repository: the
                     project needs no network for what the main build already resolved. -->
                <settings>
                  <mirrors>
                    <mirror>
                      <id>developer-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                  <!-- a local repository holds no checksum files: do not ask for them -->
                  <profiles>
                    <profile>
                      <id>no-checksums</id>
                      <repositories>
                        <repository>
                          <id>central</id>
                          <url>https://repo.maven.apache.org/maven2</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>https://repo.maven.apache.org/maven2</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>no-checksums</activeProfile>
                  </activeProfiles>
                </settings>
                """
        .formatted(url);
  }
}
