package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineWriterTest {
  private static final Configuration CONF = new Configuration();

  @TempDir Path dir;

  @Test
  void joinsThePartsInTheOrderGiven() throws IOException {
    Path first = Files.writeString(dir.resolve("split-2.jsonl"), "{\"source\":\"a\",\"line\":1}\n");
    Path second =
        Files.writeString(
            dir.resolve("split-1.jsonl"),
            "{\"source\":\"b\",\"line\":7}\n{\"source\":\"b\",\"line\":9}\n");
    Path quarantine = dir.resolve("out/quarantine");

    QuarantineWriter.write(List.of(whole(first), whole(second)), hadoopPath(quarantine), CONF);

    assertEquals(
        List.of(
            "{\"source\":\"a\",\"line\":1}",
            "{\"source\":\"b\",\"line\":7}",
            "{\"source\":\"b\",\"line\":9}"),
        Files.readAllLines(quarantine.resolve(QuarantineWriter.FILE_NAME), StandardCharsets.UTF_8),
        "parts in list order, bytes unchanged");
  }

  @Test
  void joinsSlicesOfPartsInTheOrderGivenAndRefusesOneBeyondItsPart() throws IOException {
    // Two tasks' parts, each holding two files' records: a1 a2 | c1, and b1 | d1 d2.
    String a = "{\"source\":\"a\",\"line\":1}\n{\"source\":\"a\",\"line\":2}\n";
    String c = "{\"source\":\"c\",\"line\":5}\n";
    String b = "{\"source\":\"b\",\"line\":3}\n";
    String d = "{\"source\":\"d\",\"line\":8}\n{\"source\":\"d\",\"line\":9}\n";
    Path task0 = Files.writeString(dir.resolve("task-0.jsonl"), a + c);
    Path task1 = Files.writeString(dir.resolve("task-1.jsonl"), b + d);
    Path quarantine = dir.resolve("out/quarantine");

    QuarantineWriter.write(
        List.of(
            new QuarantineWriter.Slice(hadoopPath(task0), 0, a.length()),
            new QuarantineWriter.Slice(hadoopPath(task1), 0, b.length()),
            new QuarantineWriter.Slice(hadoopPath(task0), a.length(), c.length()),
            new QuarantineWriter.Slice(hadoopPath(task1), b.length(), d.length())),
        hadoopPath(quarantine),
        CONF);

    assertEquals(
        a + b + c + d,
        Files.readString(quarantine.resolve(QuarantineWriter.FILE_NAME), StandardCharsets.UTF_8),
        "files a, b, c, d in the order given, each slice's bytes unchanged");
    assertThrows(
        IOException.class,
        () ->
            QuarantineWriter.write(
                List.of(new QuarantineWriter.Slice(hadoopPath(task0), a.length(), c.length() + 1)),
                hadoopPath(dir.resolve("short")),
                CONF),
        "a slice past the end of its part");
  }

  @Test
  void folderAndFileAreReadableByTheOwnerOnly() throws IOException {
    Path quarantine = dir.resolve("quarantine");
    // A folder left with open permissions is closed too.
    Files.createDirectories(
        quarantine,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path part = Files.writeString(dir.resolve("part.jsonl"), "{\"raw\":\"secret\"}\n");

    QuarantineWriter.write(List.of(whole(part)), hadoopPath(quarantine), CONF);

    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine)),
        "quarantine folder");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(quarantine.resolve(QuarantineWriter.FILE_NAME))),
        "records.jsonl");
  }

  @Test
  void writesAnEmptyOwnerOnlyFileWhenNothingWasQuarantined() throws IOException {
    Path quarantine = dir.resolve("q");

    QuarantineWriter.write(List.of(), hadoopPath(quarantine), CONF);

    Path file = quarantine.resolve(QuarantineWriter.FILE_NAME);
    assertEquals(0, Files.size(file), "empty records.jsonl");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
        "records.jsonl");
    try (Stream<Path> files = Files.list(quarantine)) {
      assertEquals(
          List.of(QuarantineWriter.FILE_NAME),
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.endsWith(".crc"))
              .toList(),
          "only the records file");
    }
  }

  private static QuarantineWriter.Slice whole(Path part) throws IOException {
    return QuarantineWriter.Slice.whole(hadoopPath(part), Files.size(part));
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
