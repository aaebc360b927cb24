package eu.lexbridge.trust.container;

import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.HEADERS_DISAGREE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names a zip's central directory lists, read by ourselves (APPNOTE 4.3.12 to 4.3.16). A zip names each
 * entry twice, in its local header and in the central directory; readers differ in which one they believe (a
 * streaming reader the local header, {@link java.util.zip.ZipFile} the central directory), so a zip whose two names
 * disagree shows one content to us and another to the next tool. The container reader compares the two and refuses a
 * disagreement.
 *
 * @param names the names, in central-directory order
 * @param localHeaderOffsets where each entry's local header starts, from the start of the zip
 * @param comment the zip comment (UTF-8 as read), or {@code null} when there is none
 */
record CentralDirectory(List<String> names, List<Long> localHeaderOffsets, String comment) {

    private static final int END = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final long MAX_COMMENT = 0xFFFF;
    /** A central directory larger than this is refused rather than read (1000 entries with long names fit). */
    static final int MAX_BYTES = 16 << 20;

    CentralDirectory {
        names = List.copyOf(names);
        localHeaderOffsets = List.copyOf(localHeaderOffsets);
    }

    /**
     * Reads the central directory from the last bytes of a zip.
     *
     * @param tail the zip's last bytes: at least its central directory and end records
     * @param tailStart where {@code tail} starts, from the start of the zip
     * @throws ContainerRejectedException ({@code HEADERS_DISAGREE}) when the end records or the directory are not
     *     where they say, or the directory does not lie within {@code tail}
     */
    static CentralDirectory read(byte[] tail, long tailStart, String zipName) {
        ByteBuffer bytes = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        EndRecords endRecords = EndRecords.of(bytes, tailStart, zipName);
        int end = endRecords.at();
        long entries = endRecords.entries();
        long size = endRecords.size();
        long start = endRecords.offset() - tailStart;
        if (start < 0 || size > MAX_BYTES || start + size > end || size < 0 || entries < 0) {
            throw refused(zipName, "its central directory is not where its end record says");
        }
        List<String> names = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        int at = (int) start;
        int limit = (int) (start + size);
        while (at < limit) {
            if (at + 46 > limit || bytes.getInt(at) != CENTRAL) {
                throw refused(zipName, "its central directory has a malformed record");
            }
            int nameLength = bytes.getShort(at + 28) & 0xFFFF;
            int extraLength = bytes.getShort(at + 30) & 0xFFFF;
            int commentLength = bytes.getShort(at + 32) & 0xFFFF;
            int next = at + 46 + nameLength + extraLength + commentLength;
            if (next > limit) {
                throw refused(zipName, "its central directory has a record longer than the directory");
            }
            names.add(new String(tail, at + 46, nameLength, StandardCharsets.UTF_8));
            long local = bytes.getInt(at + 42) & 0xFFFFFFFFL;
            if (local == 0xFFFFFFFFL) {
                local = zip64Offset(bytes, at, at + 46 + nameLength, extraLength, zipName);
            }
            offsets.add(local);
            at = next;
        }
        if (names.size() != entries) {
            throw refused(zipName, "its end record counts " + entries + " entries, its central directory lists "
                    + names.size());
        }
        int commentLength = bytes.getShort(end + 20) & 0xFFFF;
        String comment = commentLength == 0 ? null
                : new String(tail, end + END_LENGTH, commentLength, StandardCharsets.UTF_8);
        return new CentralDirectory(names, offsets, comment);
    }

    /** Reads the central directory of a zip file. */
    static CentralDirectory of(Path zip, String zipName) throws IOException {
        try (FileChannel file = FileChannel.open(zip, StandardOpenOption.READ)) {
            return of(file, zipName);
        }
    }

    private static CentralDirectory of(FileChannel file, String zipName) throws IOException {
        long fileSize = file.size();
        int last = (int) Math.min(fileSize, END_LENGTH + MAX_COMMENT + 20 + 56);
        ByteBuffer end = bytesAt(file, fileSize - last, last);
        // The end records say where the directory starts; read from there to the end of the file.
        EndRecords records = EndRecords.of(end, fileSize - last, zipName);
        long directoryStart = records.offset();
        if (directoryStart < 0 || directoryStart > fileSize - last + records.at()) {
            throw refused(zipName, "its central directory is not where its end record says");
        }
        long length = fileSize - directoryStart;
        if (length > MAX_BYTES + END_LENGTH + MAX_COMMENT + 20 + 56) {
            throw refused(zipName, "its central directory is larger than " + MAX_BYTES + " bytes");
        }
        return read(bytesAt(file, directoryStart, (int) length).array(), directoryStart, zipName);
    }

    /** The name in the local header at {@code offset} of a zip file. */
    private static String localName(FileChannel file, long offset, String zipName) throws IOException {
        if (offset < 0 || offset + 30 > file.size()) {
            throw refused(zipName, "a local header lies outside the file");
        }
        ByteBuffer header = bytesAt(file, offset, 30);
        if (header.getInt(0) != LOCAL) {
            throw refused(zipName, "no local header where the central directory says one starts");
        }
        int nameLength = header.getShort(26) & 0xFFFF;
        if (offset + 30 + nameLength > file.size()) {
            throw refused(zipName, "a local header's name lies outside the file");
        }
        return new String(bytesAt(file, offset + 30, nameLength).array(), StandardCharsets.UTF_8);
    }

    /**
     * Refuses the zip file unless every entry's local header carries the name its central-directory record gives.
     */
    static void checkLocalNames(Path zip, String zipName) throws IOException {
        try (FileChannel file = FileChannel.open(zip, StandardOpenOption.READ)) {
            CentralDirectory directory = of(file, zipName);
            for (int i = 0; i < directory.names().size(); i++) {
                String central = directory.names().get(i);
                String local = localName(file, directory.localHeaderOffsets().get(i), zipName);
                if (!central.equals(local)) {
                    throw disagree(zipName, local, central);
                }
            }
        }
    }

    static ContainerRejectedException disagree(String zipName, String local, String central) {
        return refused(zipName, "an entry is named '" + EcodexContainerReader.printable(local) + "' in its local header but '"
                + EcodexContainerReader.printable(central) + "' in the central directory");
    }

    /**
     * What the end records say: where the end-of-central-directory record is in the tail, and the entry count, size
     * and offset of the central directory (from the ZIP64 end record where the classic one defers to it).
     */
    private record EndRecords(int at, long entries, long size, long offset) {

        static EndRecords of(ByteBuffer bytes, long tailStart, String zipName) {
            int end = findEnd(bytes, zipName);
            long entries = bytes.getShort(end + 10) & 0xFFFFL;
            long size = bytes.getInt(end + 12) & 0xFFFFFFFFL;
            long offset = bytes.getInt(end + 16) & 0xFFFFFFFFL;
            if (entries == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
                int locator = end - 20;
                if (locator < 0 || bytes.getInt(locator) != ZIP64_LOCATOR) {
                    throw refused(zipName, "its ZIP64 end record is missing");
                }
                long zip64End = bytes.getLong(locator + 8) - tailStart;
                if (zip64End < 0 || zip64End + 56 > locator || bytes.getInt((int) zip64End) != ZIP64_END) {
                    throw refused(zipName, "its ZIP64 end record is not where its locator says");
                }
                entries = bytes.getLong((int) zip64End + 32);
                size = bytes.getLong((int) zip64End + 40);
                offset = bytes.getLong((int) zip64End + 48);
            }
            return new EndRecords(end, entries, size, offset);
        }
    }

    /** The end-of-central-directory record: the last one whose comment reaches exactly to the end. */
    private static int findEnd(ByteBuffer bytes, String zipName) {
        int length = bytes.capacity();
        for (int at = length - END_LENGTH; at >= 0 && at >= length - END_LENGTH - MAX_COMMENT; at--) {
            if (bytes.getInt(at) == END && at + END_LENGTH + (bytes.getShort(at + 20) & 0xFFFF) == length) {
                return at;
            }
        }
        throw refused(zipName, "its end-of-central-directory record is missing or followed by other data");
    }

    /** The local-header offset from a central record's ZIP64 extra field (APPNOTE 4.5.3). */
    private static long zip64Offset(ByteBuffer bytes, int record, int extra, int extraLength, String zipName) {
        boolean sizeInExtra = (bytes.getInt(record + 24) & 0xFFFFFFFFL) == 0xFFFFFFFFL;
        boolean compressedInExtra = (bytes.getInt(record + 20) & 0xFFFFFFFFL) == 0xFFFFFFFFL;
        for (int at = extra; at + 4 <= extra + extraLength; ) {
            int id = bytes.getShort(at) & 0xFFFF;
            int length = bytes.getShort(at + 2) & 0xFFFF;
            if (id == 0x0001) {
                int field = at + 4 + (sizeInExtra ? 8 : 0) + (compressedInExtra ? 8 : 0);
                if (field + 8 <= at + 4 + length) {
                    return bytes.getLong(field);
                }
            }
            at += 4 + length;
        }
        throw refused(zipName, "a central record's ZIP64 offset is missing");
    }

    private static ByteBuffer bytesAt(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the zip file ends early");
            }
        }
        return buffer;
    }

    private static ContainerRejectedException refused(String zipName, String why) {
        return new ContainerRejectedException(HEADERS_DISAGREE, zipName + " is refused: " + why);
    }
}
