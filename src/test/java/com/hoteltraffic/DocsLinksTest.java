package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every relative link of the project's documentation leads somewhere: README.md, CHANGELOG.md,
 * docs/*.md and the notebook's tables page. A link fails when its file does not exist, or when its
 * {@code #anchor} names no heading of the target page by GitHub's rule (lower case, spaces to '-',
 * punctuation other than '-' and '_' removed, a repeated heading numbered -1, -2 ...). Links in
 * fenced code blocks and inline code are not links; web addresses are not checked.
 */
class DocsLinksTest {
  /** {@code [text](target)}, with an optional title after the target. */
  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
  private static final Pattern HEADING_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

  @Test
  void everyRelativeLinkOfTheDocumentationResolves() {
    Path root = Path.of("").toAbsolutePath();
    List<String> broken = brokenLinks(root, documentationPages(root));
    assertTrue(
        broken.isEmpty(),
        () -> "broken links (page: target: problem):\n" + String.join("\n", broken));
  }

  /** Each written report's page under docs/ (the two error-rate reports share one). */
  private static final Map<String, String> REPORT_PAGES =
      Map.ofEntries(
          Map.entry(Reports.ERROR_RATES_BY_HOTEL, "docs/error-rates.md"),
          Map.entry(Reports.ERROR_RATES_BY_TOKEN, "docs/error-rates.md"),
          Map.entry(Reports.ERROR_CODES, "docs/error-codes.md"),
          Map.entry(Reports.RATE_LIMIT_BURSTS, "docs/rate-limit-bursts.md"),
          Map.entry(Reports.DB_OUTAGES, "docs/db-outages.md"),
          Map.entry(Reports.UNCONFIRMED_BOOKINGS, "docs/unconfirmed-bookings.md"),
          Map.entry(Reports.ERROR_RATES_BY_OPERATION, "docs/error-rates-by-operation.md"),
          Map.entry(Reports.CREDENTIAL_HEALTH, "docs/credential-health.md"),
          Map.entry(Reports.ACCESS_DENIED, "docs/access-denied.md"),
          Map.entry(Reports.CLIENT_BEHAVIOUR, "docs/client-behaviour.md"),
          Map.entry(Reports.AVAILABILITY_BY_DAY, "docs/availability-by-day.md"));

  @Test
  void everyWrittenReportHasItsPageLinkedFromTheReadme() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    List<String> readmeLinks = links(root.resolve("README.md"));
    for (ReportSpec spec : Reports.all(false)) {
      if (!spec.written()) {
        continue;
      }
      String page = REPORT_PAGES.get(spec.name());
      assertTrue(page != null, "report " + spec.name() + " has no page in REPORT_PAGES");
      assertTrue(Files.exists(root.resolve(page)), page + " exists for report " + spec.name());
      assertTrue(
          readmeLinks.contains(page), "README.md links " + page + " (report " + spec.name() + ")");
      assertTrue(
          Files.readString(root.resolve(page)).contains(spec.name()),
          page + " names the report " + spec.name());
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hotel API traffic analyzer | hotel-api-traffic-analyzer",
        "Same answers as the build before the one-pass read"
            + " | same-answers-as-the-build-before-the-one-pass-read",
        "report.html | reporthtml",
        "`--tables iceberg` and `--catalog` | --tables-iceberg-and---catalog",
        "Options and exit codes | options-and-exit-codes",
        "snake_case_name: a rule! | snake_case_name-a-rule",
        "Client behaviour (v2) | client-behaviour-v2",
        "A  B | a--b",
        "[Alerts](alerts.md) by kind | alerts-by-kind",
        "Größe | größe"
      })
  void anchorsFollowGitHubsRule(String heading, String anchor) {
    assertEquals(anchor, anchor(heading), "anchor of the heading '" + heading + "'");
  }

  @Test
  void repeatedHeadingsAreNumbered(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("a.md");
    Files.writeString(page, "# Notes\n\n## Notes\n\n### Notes\n\n## Other\n");
    assertEquals(List.of("notes", "notes-1", "notes-2", "other"), List.copyOf(anchors(page)));
  }

  @Test
  void eachKindOfBrokenLinkIsNamedAndGoodOnesPass(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(
        dir.resolve("docs/b.md"),
        "# Page B\n\n## Known section\n\n```bash\n# not a heading\n```\n\nsee [back](../a.md#top)\n");
    Files.writeString(
        dir.resolve("a.md"),
        String.join(
            "\n",
            "# Top",
            "",
            "[ok file](docs/b.md) [ok anchor](docs/b.md#known-section) [ok self](#top)",
            "[missing file](docs/c.md) [missing anchor](docs/b.md#unknown-section)",
            "[code comment is no heading](docs/b.md#not-a-heading) [missing self](#nowhere)",
            "[web](https://example.com/x.md) [mail](mailto:ops@example.com) `[code](no.md)`",
            "```",
            "[in a fence](nothing.md)",
            "```",
            ""));
    List<Path> pages = List.of(dir.resolve("a.md"), dir.resolve("docs/b.md"));
    assertEquals(
        List.of(
            "a.md: docs/c.md: no such file",
            "a.md: docs/b.md#unknown-section: no heading 'unknown-section' in docs/b.md",
            "a.md: docs/b.md#not-a-heading: no heading 'not-a-heading' in docs/b.md",
            "a.md: #nowhere: no heading 'nowhere' in a.md"),
        brokenLinks(dir, pages),
        "the four broken links of a.md, in page order; b.md's link back is fine");
  }

  /** README.md, CHANGELOG.md, every docs/*.md and the notebook's tables page. */
  private static List<Path> documentationPages(Path root) {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    pages.add(root.resolve("CHANGELOG.md"));
    pages.add(root.resolve("jobs/notebooks/tables.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /**
   * Each broken relative link of the pages, as "page: target: problem" with paths relative to root,
   * in page order and then in the order of the page.
   */
  static List<String> brokenLinks(Path root, List<Path> pages) {
    Map<Path, Set<String>> anchorsByPage = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (String target : links(page)) {
        String problem = problem(page, target, anchorsByPage);
        if (problem != null) {
          broken.add(name(root, page) + ": " + target + ": " + problem);
        }
      }
    }
    return broken;
  }

  /** Why the link is broken, or null when it is not. */
  private static String problem(Path page, String target, Map<Path, Set<String>> anchorsByPage) {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (hash < 0 || !resolved.toString().endsWith(".md")) {
      return null;
    }
    String anchor = target.substring(hash + 1);
    Set<String> anchors = anchorsByPage.computeIfAbsent(resolved, DocsLinksTest::anchors);
    return anchors.contains(anchor)
        ? null
        : "no heading '" + anchor + "' in " + (file.isEmpty() ? page.getFileName() : file);
  }

  /** The relative link targets of a page outside code, in order. */
  private static List<String> links(Path page) {
    List<String> targets = new ArrayList<>();
    for (String line : proseLines(page)) {
      Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (m.find()) {
        String target = m.group(1);
        if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /** The anchors of a page's headings, by GitHub's rule, in order. */
  static Set<String> anchors(Path page) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : proseLines(page)) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String base = anchor(m.group(1));
        int n = seen.merge(base, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? base : base + "-" + n);
      }
    }
    return anchors;
  }

  /** GitHub's anchor of a heading: its text lower-cased, punctuation but '-' and '_' dropped. */
  static String anchor(String heading) {
    String text = HEADING_LINK.matcher(heading).replaceAll("$1");
    return text.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
        .replace(' ', '-');
  }

  /** The page's lines outside fenced code blocks. */
  private static List<String> proseLines(Path page) {
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    try {
      for (String line : Files.readAllLines(page)) {
        if (line.stripLeading().startsWith("```")) {
          fenced = !fenced;
        } else if (!fenced) {
          prose.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return prose;
  }

  private static String name(Path root, Path page) {
    return root.toAbsolutePath().relativize(page.toAbsolutePath()).toString().replace('\\', '/');
  }
}
