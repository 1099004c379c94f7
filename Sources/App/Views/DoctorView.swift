import Store
import Terminal

enum DoctorView {
  struct Report: Encodable, Sendable {
    var dataDirectory: String
    var contentRoot: String
    var database: DatabaseHealth?
    var problem: String?
    /// SQLite's integrity check of a database that could not be opened (read-only).
    var integrityOfUnopenedDatabase: [String]?
  }

  static func render(_ report: Report, styler: Styler) -> String {
    var out = "data directory  \(report.dataDirectory)\n"
    out += "content         \(report.contentRoot)\n"
    if let problem = report.problem {
      out += styler.error("database        problem: ") + problem + "\n"
      if let lines = report.integrityOfUnopenedDatabase {
        out += "integrity check (read-only):\n" + lines.prefix(20).map { "  \($0)\n" }.joined()
      }
      return out
    }
    guard let db = report.database else { return out }
    out += "database        \(db.path) (\(db.sizeBytes) bytes, journal \(db.journalMode))\n"
    out +=
      "schema          \(db.appliedMigrations.last ?? "none") (\(db.appliedMigrations.count) of \(db.knownMigrations.count) migrations)\n"
    if let created = db.createdBy { out += "created by      fmlab \(created)\n" }
    if db.isHealthy {
      out += "integrity       " + styler.success("ok") + "\n"
      if db.summaryMismatches.isEmpty {
        out += "statistics      " + styler.success("ok") + " (summaries match the logs)\n"
      } else {
        out +=
          "statistics      " + styler.warning("summaries differ from the logs") + " ("
          + db.summaryMismatches.prefix(5).joined(separator: ", ") + (db.summaryMismatches.count > 5 ? ", …" : "")
          + "): run 'doctor --repair' to recount them (nothing is lost: the logs are the truth).\n"
      }
    } else {
      out += "integrity       " + styler.error("FAILED") + "\n"
      for line in db.integrity.prefix(20) { out += "  \(line)\n" }
      for line in db.foreignKeyViolations.prefix(20) { out += "  foreign key: \(line)\n" }
      out += "Keep a copy of the file before anything else; see 'help data'.\n"
    }
    return out
  }
}
