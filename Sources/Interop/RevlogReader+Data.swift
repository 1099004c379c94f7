import Foundation

extension RevlogReader {
  /// Parses CSV bytes held in memory (UTF-8; other bytes are an `invalidUTF8` error with its line), with the
  /// same size check as ``parse(fileAt:)``: 0 bytes is `emptyFile`, more than ``maximumBytes`` is `fileTooLarge`.
  public func parse(data: Data) -> Result<RevlogImport, RevlogErrors> {
    let size = Int64(data.count)
    if size == 0 {
      var errors = RevlogErrors(limit: maximumReportedErrors)
      errors.append(RevlogError(line: nil, issue: .emptyFile))
      return .failure(errors)
    }
    if size > maximumBytes {
      var errors = RevlogErrors(limit: maximumReportedErrors)
      errors.append(RevlogError(line: nil, issue: .fileTooLarge(bytes: size, limit: maximumBytes)))
      return .failure(errors)
    }
    return parse(stream: InputStream(data: data))
  }
}
