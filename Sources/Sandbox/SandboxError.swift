/// An error the simulated service returns, named as the real API names it (bedrock-api.md §4).
public struct SandboxError: Error, Equatable, Sendable, Codable {
  /// The exception shape, exactly as botocore spells it.
  public enum Name: String, Sendable, Codable, CaseIterable {
    case validation = "ValidationException"
    case resourceNotFound = "ResourceNotFoundException"
    case conflict = "ConflictException"
    case accessDenied = "AccessDeniedException"
    case throttling = "ThrottlingException"
    case serviceQuotaExceeded = "ServiceQuotaExceededException"
    case modelNotReady = "ModelNotReadyException"
    /// S3's own error codes for the simulated buckets.
    case noSuchBucket = "NoSuchBucket"
    case noSuchKey = "NoSuchKey"
    case bucketAlreadyExists = "BucketAlreadyOwnedByYou"
    case invalidBucketName = "InvalidBucketName"
    case invalidKey = "InvalidObjectKey"
    /// IAM's error codes for the simulated roles.
    case noSuchEntity = "NoSuchEntity"
    case entityAlreadyExists = "EntityAlreadyExists"

    /// The HTTP status the real service answers with.
    public var httpStatus: Int {
      switch self {
      case .validation, .conflict, .serviceQuotaExceeded, .invalidBucketName, .invalidKey: 400
      case .accessDenied: 403
      case .resourceNotFound, .noSuchBucket, .noSuchKey, .noSuchEntity: 404
      case .bucketAlreadyExists, .entityAlreadyExists: 409
      case .throttling, .modelNotReady: 429
      }
    }
  }

  public var name: Name
  /// What went wrong and what to do about it.
  public var message: String

  public init(_ name: Name, _ message: String) {
    self.name = name
    self.message = message
  }

  public static func validation(_ message: String) -> SandboxError { SandboxError(.validation, message) }
  public static func notFound(_ message: String) -> SandboxError { SandboxError(.resourceNotFound, message) }
}
