package dev.custody.netfn.pcap;

import java.io.IOException;

/** A pcap or pcapng file is malformed; the message names the file and the byte offset. */
public final class PcapFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final long offset;

  public PcapFormatException(String source, long offset, String problem) {
    super(source + ": at byte offset " + offset + ": " + problem);
    this.source = source;
    this.offset = offset;
  }

  /** The file (or stream) name. */
  public String source() {
    return source;
  }

  /** Byte offset of the bad structure from the start of the file. */
  public long offset() {
    return offset;
  }
}
