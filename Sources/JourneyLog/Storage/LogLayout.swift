import JourneyCore

/// The files of a log directory:
///
///     head                  the committed end: segment, byte offset, last position, chain hash (one JSON line)
///     segment-000001.log    records, in order; a new segment starts between batches once one is large
///     writer.lock           held (flock) by the one writer
///     cache/                disposable derived state (checkpoints, the writer's saved index); deleting it
///                           changes no figure and loses nothing
///
/// Files are created readable by their owner only (0600, directories 0700): a log holds children's data.
struct LogLayout: Sendable {
    let path: String

    var headPath: String { path + "/head" }
    var headTemporaryPath: String { path + "/head.new" }
    var lockPath: String { path + "/writer.lock" }
    var cachePath: String { path + "/cache" }

    func segmentPath(_ number: Int) -> String {
        path + "/segment-" + String(repeating: "0", count: max(0, 6 - String(number).count)) + String(number) + ".log"
    }

    /// The segment numbers present, in order.
    func segmentNumbers() throws -> [Int] {
        try LogIO.listDirectory(path).compactMap { name -> Int? in
            guard name.hasPrefix("segment-"), name.hasSuffix(".log") else { return nil }
            return Int(name.dropFirst(8).dropLast(4))
        }.sorted()
    }

    /// Every segment starts with this header: a magic word, the format version and the segment's number.
    static let magic: [UInt8] = Array("JOURNEY\u{0}".utf8)
    static let headerSize = 16

    static func header(segment: Int) -> [UInt8] {
        var w = BinaryWriter(capacity: headerSize)
        w.bytes.append(contentsOf: magic)
        w.fixed(EventLog.formatVersion)
        w.fixed(UInt32(segment))
        return w.bytes
    }
}
