package com.hoteltraffic.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (file system settings, credentials for s3a:// and the like) as
 * bytes, in its own Writable form, so that tasks open files exactly as the driver listed them.
 * Plain bytes travel the same under Java serialization and Kryo (Configuration is neither
 * Serializable nor known to Kryo); each task rebuilds its Configuration once.
 */
public final class HadoopConf {
  private HadoopConf() {}

  /** The configuration's Writable bytes. */
  public static byte[] bytes(Configuration conf) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      conf.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the Hadoop configuration", e);
    }
    return bytes.toByteArray();
  }

  /** A new configuration from {@link #bytes}, without Hadoop's default resources. */
  public static Configuration of(byte[] bytes) {
    Configuration conf = new Configuration(false);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      conf.readFields(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Hadoop configuration", e);
    }
    return conf;
  }
}
