import Foundation

/// Where a log kept in PostgreSQL is: a server, a database, a user, and the schema that holds the log's tables.
///
/// Given as `postgres://USER@HOST:PORT/DB` (`postgresql://` too; PORT defaults to 5432, DB to USER). A password is
/// never taken from the URL, where it would end up in shell histories, process lists and logs: a URL with one is
/// refused, and the password is read from `PGPASSWORD` or a password file (`PGPASSFILE`, else `~/.pgpass`), as
/// PostgreSQL's own tools read it. `?sslmode=require` asks for TLS (`disable`, the default, is for a server on the
/// same machine or a private network).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var requiresTLS: Bool
    /// The schema holding the log's tables (`journey` unless told otherwise); a lower-case SQL name.
    public var schema: String

    public init(
        host: String, port: Int = 5432, user: String, database: String, requiresTLS: Bool = false,
        schema: String = "journey"
    ) throws {
        guard Self.isPlainName(schema) else { throw PostgresStoreError.badSchemaName }
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.requiresTLS = requiresTLS
        self.schema = schema
    }

    /// Reads `postgres://USER@HOST:PORT/DB`, with `?sslmode=require` and `?schema=NAME` (the log's schema, `schema`
    /// when not given). The error never repeats the URL, which may hold a password.
    public init(url: String, schema: String = "journey") throws {
        var rest: Substring
        if url.hasPrefix("postgres://") {
            rest = url.dropFirst("postgres://".count)
        } else if url.hasPrefix("postgresql://") {
            rest = url.dropFirst("postgresql://".count)
        } else {
            throw PostgresStoreError.badURL("it does not start with postgres://")
        }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let at = rest.lastIndex(of: "@") else {
            throw PostgresStoreError.badURL("it names no user (postgres://USER@HOST:PORT/DB)")
        }
        let userInfo = rest[..<at]
        guard !userInfo.contains(":") else { throw PostgresStoreError.passwordInURL }
        guard let user = String(userInfo).removingPercentEncoding, !user.isEmpty else {
            throw PostgresStoreError.badURL("it names no user (postgres://USER@HOST:PORT/DB)")
        }
        var hostPort = rest[rest.index(after: at)...]
        var database = user
        if let slash = hostPort.firstIndex(of: "/") {
            let name = hostPort[hostPort.index(after: slash)...]
            if !name.isEmpty {
                guard let decoded = String(name).removingPercentEncoding else {
                    throw PostgresStoreError.badURL("its database name is not valid percent-encoding")
                }
                database = decoded
            }
            hostPort = hostPort[..<slash]
        }
        var host = String(hostPort)
        var port = 5432
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else {
                throw PostgresStoreError.badURL("its IPv6 address has no closing ]")
            }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else {
                    throw PostgresStoreError.badURL("its port is not a number")
                }
                port = p
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            guard let p = Int(hostPort[hostPort.index(after: colon)...]) else {
                throw PostgresStoreError.badURL("its port is not a number")
            }
            host = String(hostPort[..<colon])
            port = p
        }
        guard !host.isEmpty else { throw PostgresStoreError.badURL("it names no host") }
        guard (1...65535).contains(port) else { throw PostgresStoreError.badURL("its port is not 1–65535") }
        var requiresTLS = false
        var schema = schema
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts.first, parts.count == 2 ? parts[1] : nil) {
            case ("sslmode", "disable"): requiresTLS = false
            case ("sslmode", "require"): requiresTLS = true
            case ("password", _): throw PostgresStoreError.passwordInURL
            // Several logs in one database, each in a schema of its own (checked to be a plain name below).
            case ("schema", let name?): schema = name
            default:
                throw PostgresStoreError.badURL(
                    "it has a setting other than sslmode=disable, sslmode=require or schema=NAME")
            }
        }
        try self.init(
            host: host, port: port, user: user, database: database, requiresTLS: requiresTLS, schema: schema)
    }

    /// The URL, without a password (there never is one).
    public var description: String {
        let h = host.contains(":") ? "[\(host)]" : host
        var settings: [String] = []
        if requiresTLS { settings.append("sslmode=require") }
        if schema != "journey" { settings.append("schema=\(schema)") }
        return "postgres://\(user)@\(h):\(port)/\(database)"
            + (settings.isEmpty ? "" : "?" + settings.joined(separator: "&"))
    }

    /// The password for this location: `PGPASSWORD`, else the first matching line of the password file
    /// (`PGPASSFILE`, else `~/.pgpass`), else none (a server that trusts the connection, or asks for none).
    ///
    /// The file has lines `host:port:database:user:password`, where `*` matches anything and `\:` and `\\` stand
    /// for `:` and `\`; lines starting with `#` are comments. A file that others can read is refused, as libpq
    /// refuses it. Nothing in the file is ever repeated in an error.
    public func password(environment: [String: String]) throws -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path: String
        if let file = environment["PGPASSFILE"], !file.isEmpty {
            path = file
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.pgpass"
        } else {
            return nil
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw PostgresStoreError.passwordFileOpen(path: path)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw PostgresStoreError.passwordFileUnreadable(path: path) }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passwordFileFields(line)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields, wanted).allSatisfy({ $0.0 == "*" || $0.0 == $0.1 }) { return fields[4] }
        }
        return nil
    }

    /// The fields of a password file line, with `\:` and `\\` unescaped.
    static func passwordFileFields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var escaped = false
        for c in line {
            if escaped {
                field.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" && fields.count < 4 {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    /// A schema name used as written in SQL: lower-case letters, digits and `_`, not starting with a digit.
    /// Names are the one part of the SQL that cannot be a bound parameter, so only these are let through.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63 else { return false }
        guard first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
