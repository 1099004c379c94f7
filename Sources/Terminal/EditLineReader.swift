@preconcurrency import CLibEdit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive line editor: libedit's native API with persistent history, Tab
/// completion through a `CompletionProvider`, Ctrl-R history search, Ctrl-C that cancels
/// the line, Ctrl-D that ends the session, and Ctrl-Z/fg that restores the terminal.
public final class EditLineReader: LineReader {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let historyPath: String?
  private let completion: CompletionProvider
  private var promptBuffer: UnsafeMutablePointer<CChar>
  public private(set) var lineNumber = 0
  public var isInteractive: Bool { true }

  /// Creates the editor; returns nil when libedit cannot start (no terminal).
  public init?(programName: String, historyPath: String?, historySize: Int = 5000, completion: CompletionProvider) {
    guard let el = fm_el_init(programName), let hist = history_init() else { return nil }
    self.editLine = el
    self.history = hist
    self.historyPath = historyPath
    self.completion = completion
    self.promptBuffer = strdup("> ")
    _ = fm_history_setsize(hist, Int32(historySize))
    _ = fm_history_setunique(hist, 1)
    if let historyPath { _ = fm_history_load(hist, historyPath) }
    _ = fm_el_set_history(el, hist)
    _ = fm_el_set_editor(el, "emacs")
    _ = fm_el_set_signal(el, 1)
    _ = fm_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    _ = fm_el_set_prompt(el, EditLineReader.promptCallback)
    _ = fm_el_addfn(el, "fmlab-complete", "complete the word before the cursor", EditLineReader.completeCallback)
    _ = fm_el_bind(el, "^I", "fmlab-complete")
    _ = fm_el_bind(el, "^R", "em-inc-search-prev")
    _ = el_source(el, nil)  // the user's ~/.editrc, if any
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
  }

  public func readLine(prompt: String) -> LineReadResult {
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    // Ctrl-C pressed between two lines (while a command finished) cancels this line too:
    // the terminal already discarded what was typed, so start again with a fresh prompt.
    if Interrupt.take() {
      fputs("^C\n", stdout)
      fflush(stdout)
      return .interrupted
    }
    var count: Int32 = 0
    guard let raw = el_gets(editLine, &count) else {
      if count == -1 && Interrupt.take() {
        fputs("^C\n", stdout); fflush(stdout)
        el_reset(editLine)
        return .interrupted
      }
      fputs("\n", stdout); fflush(stdout)
      return .endOfInput
    }
    lineNumber += 1
    var text = String(cString: raw)
    if text.hasSuffix("\n") { text.removeLast() }
    return .line(text)
  }

  public func addHistory(_ line: String) {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return }
    _ = fm_history_enter(history, trimmed)
    if let historyPath { _ = fm_history_save(history, historyPath) }
  }

  private static let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { el in
    guard let el, let data = fm_el_get_clientdata(el) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().promptBuffer
  }

  private static let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
    guard let el, let data = fm_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
    let reader = Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    return reader.complete(el)
  }

  private func complete(_ el: OpaquePointer) -> UInt8 {
    guard let info = el_line(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
      return UInt8(CC_ERROR)
    }
    let length = buffer.distance(to: cursor)
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
    let before = String(decoding: bytes, as: UTF8.self)
    let request = CompletionRequest(textBeforeCursor: before)
    switch CompletionAction.decide(partial: request.partial, candidates: completion.completions(for: request)) {
    case .none:
      return UInt8(CC_REFRESH_BEEP)
    case .insert(let text):
      _ = el_insertstr(el, text)
      return UInt8(CC_REFRESH)
    case .list(let matches, _):
      let width = max(20, Int(fm_terminal_columns(1)))
      fputs("\n" + CompletionList.render(matches, width: width), stdout)
      fflush(stdout)
      return UInt8(CC_REDISPLAY)
    }
  }
}

/// Lays completion candidates out in columns, as shells do.
public enum CompletionList {
  public static func render(_ items: [String], width: Int) -> String {
    let column = (items.map(\.count).max() ?? 0) + 2
    let perRow = max(1, width / max(column, 1))
    var out = ""
    for (index, item) in items.enumerated() {
      out += item.padding(toLength: column, withPad: " ", startingAt: 0)
      if (index + 1) % perRow == 0 || index == items.count - 1 { out += "\n" }
    }
    return out
  }
}
