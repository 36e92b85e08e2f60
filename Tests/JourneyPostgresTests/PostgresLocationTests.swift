import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyPostgres

/// Reading `postgres://` URLs, finding the password, and failing clearly when there is no server; none of it
/// needs a database.
@Suite("PostgreSQL location")
struct PostgresLocationTests {
    @Test func readsAURL() throws {
        let location = try PostgresLocation(url: "postgres://council@db.example:6543/journey")
        #expect(location.user == "council")
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.database == "journey")
        #expect(location.schema == "journey")
        #expect(!location.requiresTLS)
        #expect(location.description == "postgres://council@db.example:6543/journey")
    }

    @Test func fillsInThePortAndDatabase() throws {
        // PostgreSQL's port is 5432, and a database named as the user when none is given.
        let location = try PostgresLocation(url: "postgresql://svc@[::1]?sslmode=require")
        #expect(location.host == "::1")
        #expect(location.port == 5432)
        #expect(location.database == "svc")
        #expect(location.requiresTLS)
        #expect(location.description == "postgres://svc@[::1]:5432/svc?sslmode=require")
    }

    @Test func takesASchemaAndRefusesABadOne() throws {
        let location = try PostgresLocation(
            url: "postgres://council@db.example/journey?schema=journey_2024&sslmode=require")
        #expect(location.schema == "journey_2024")
        #expect(location.requiresTLS)
        #expect(
            location.description == "postgres://council@db.example:5432/journey?sslmode=require&schema=journey_2024")
        // A schema is written into statements by name, so only a plain lower-case name is taken.
        #expect(throws: PostgresStoreError.badSchemaName) {
            try PostgresLocation(url: "postgres://council@db.example/journey?schema=x;drop")
        }
    }

    @Test func refusesAPasswordInTheURL() {
        #expect(throws: PostgresStoreError.passwordInURL) {
            try PostgresLocation(url: "postgres://council:s3cret@db.example/journey")
        }
        #expect(throws: PostgresStoreError.passwordInURL) {
            try PostgresLocation(url: "postgres://council@db.example/journey?password=s3cret")
        }
        // The message says where the password goes, and does not repeat it.
        let message = PostgresStoreError.passwordInURL.description
        #expect(message.contains("PGPASSWORD"))
        #expect(message.contains("PGPASSFILE"))
        #expect(!message.contains("s3cret"))
    }

    @Test func refusesWhatIsNotAURL() {
        #expect(throws: PostgresStoreError.badURL("it does not start with postgres://")) {
            try PostgresLocation(url: "mysql://u@h/d")
        }
        #expect(throws: PostgresStoreError.badURL("it names no user (postgres://USER@HOST:PORT/DB)")) {
            try PostgresLocation(url: "postgres://db.example/journey")
        }
        #expect(throws: PostgresStoreError.badURL("its port is not a number")) {
            try PostgresLocation(url: "postgres://u@h:port/d")
        }
        #expect(throws: PostgresStoreError.badSchemaName) {
            try PostgresLocation(url: "postgres://u@h/d", schema: "x; DROP TABLE y")
        }
    }

    @Test func passwordFromTheEnvironmentFirst() throws {
        let location = try PostgresLocation(url: "postgres://council@db.example:6543/journey")
        #expect(try location.password(environment: ["PGPASSWORD": "from-env", "PGPASSFILE": "/nowhere"]) == "from-env")
        #expect(try location.password(environment: ["PGPASSFILE": "/nowhere/at/all"]) == nil)
    }

    @Test func passwordFromAPasswordFile() throws {
        let location = try PostgresLocation(url: "postgres://council@db.example:6543/journey")
        let path = temporaryDirectory("journey-pgpass")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The first line is for another database; the second matches with wildcards and holds an escaped colon.
        try "# comment\ndb.example:6543:other:council:wrong\n*:6543:journey:*:pa\\:ss\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try location.password(environment: ["PGPASSFILE": path]) == "pa:ss")
        // Readable by others: refused, naming the file and the remedy, not its contents.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: PostgresStoreError.passwordFileOpen(path: path)) {
            try location.password(environment: ["PGPASSFILE": path])
        }
    }

    /// No server at the address: a clear error naming it, nothing written, no password in the message.
    @Test func aServerThatIsDownIsAClearError() throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let location = try PostgresLocation(url: "postgres://council@127.0.0.1:1/journey")
        do {
            _ = try PostgresLogWriter.open(location, environment: ["PGPASSWORD": "s3cret"])
            Issue.record("connected to a server that is not there")
        } catch let error as PostgresStoreError {
            guard case .cannotConnect(let at, _) = error else {
                Issue.record("expected cannotConnect, got \(error)")
                return
            }
            #expect(at == "postgres://council@127.0.0.1:1/journey")
            #expect(error.description.hasPrefix("could not connect to PostgreSQL at postgres://council@127.0.0.1:1/"))
            #expect(error.description.hasSuffix("nothing was read or written"))
            #expect(!error.description.contains("s3cret"))
        }
    }
}
