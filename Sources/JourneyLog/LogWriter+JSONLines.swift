extension LogWriter {
    /// Appends a JSON Lines file (or standard input) as one batch: every line is read and checked, and the batch
    /// is committed only if all are valid. Lines are parsed on a second thread while this one appends the events
    /// before them (`ParsedLines`).
    @discardableResult
    public func appendJSONLines(
        from input: LineReader, options: AppendOptions = AppendOptions(), progress: ((Int) -> Void)? = nil
    ) throws -> AppendReport {
        try append(options: options) { batch in
            let lines = ParsedLines(input)
            defer { lines.finish() }
            while let chunk = lines.next() {
                for (line, event) in chunk.lines {
                    switch event {
                    case .success(let event): try batch.add(event, line: line)
                    case .failure(let invalid): batch.reject(line: line, problems: invalid.problems)
                    }
                }
                if let bytes = chunk.bytesRead { progress?(bytes) }
                if let failure = chunk.failure { throw failure }
            }
        }
    }
}
