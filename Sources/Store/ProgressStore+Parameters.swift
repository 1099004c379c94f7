import Foundation
import GRDB
import SRS

/// A fitted parameter set and how it scored against the learner's history.
public struct StoredParameterSet: Equatable, Sendable {
  public var parameters: Parameters
  public var createdAt: Date
  public var source: String
  public var reviewCount: Int
  public var logLossBefore: Double?
  public var logLossAfter: Double?
  public var rmseBefore: Double?
  public var rmseAfter: Double?

  public init(
    parameters: Parameters, createdAt: Date, source: String, reviewCount: Int, logLossBefore: Double? = nil,
    logLossAfter: Double? = nil, rmseBefore: Double? = nil, rmseAfter: Double? = nil
  ) {
    self.parameters = parameters
    self.createdAt = createdAt
    self.source = source
    self.reviewCount = reviewCount
    self.logLossBefore = logLossBefore
    self.logLossAfter = logLossAfter
    self.rmseBefore = rmseBefore
    self.rmseAfter = rmseAfter
  }
}

extension ProgressStore {
  /// The parameters in use: the newest stored set, or nil for FSRS's defaults.
  public func activeParameters() throws(StoreError) -> Parameters? {
    try read { db in
      guard let text = try String.fetchOne(db, sql: "SELECT parameters FROM parameterSet ORDER BY id DESC LIMIT 1")
      else { return nil }
      let values = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
      return try? Parameters(values)
    }
  }

  /// Adopts a parameter set (it becomes the active one). One transaction.
  public func saveParameters(_ set: StoredParameterSet) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO parameterSet(parameters, createdAt, source, reviewCount, logLossBefore, logLossAfter,
            rmseBefore, rmseAfter) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          set.parameters.values.map { String($0) }.joined(separator: ","), set.createdAt, set.source, set.reviewCount,
          set.logLossBefore, set.logLossAfter, set.rmseBefore, set.rmseAfter,
        ])
    }
  }
}
