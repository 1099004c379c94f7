import Foundation
import SRS
import Testing

@Suite("CardState values")
struct CardStateTests {
  static let schedule = CardSchedule(
    memory: MemoryState(stability: 2.3065, difficulty: 2.118103970459016),
    due: TestClock.at(minutes: 10), lastReview: TestClock.t0, scheduledInterval: 600)

  static let samples: [CardState] = [
    .new, .learning(step: 1, schedule), .review(schedule), .relearning(step: 0, schedule),
  ]

  @Test(arguments: samples)
  func jsonRoundTrip_preservesState(state: CardState) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    #expect(try decoder.decode(CardState.self, from: encoder.encode(state)) == state)
  }

  @Test(arguments: samples)
  func columnRoundTrip_preservesState(state: CardState) {
    #expect(CardState(kind: state.kind, step: state.step, schedule: state.schedule) == state)
  }

  @Test func encodedJSON_usesFlatKeys() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.dateEncodingStrategy = .secondsSince1970
    let json = String(decoding: try encoder.encode(CardState.learning(step: 1, Self.schedule)), as: UTF8.self)
    #expect(
      json == #"{"difficulty":2.118103970459016,"due":1704100200,"kind":"learning","lastReview":1704099600,"#
        + #""scheduledInterval":600,"stability":2.3065,"step":1}"#)
    #expect(String(decoding: try encoder.encode(CardState.new), as: UTF8.self) == #"{"kind":"new"}"#)
  }

  @Test func inconsistentColumns_areRejected() {
    #expect(CardState(kind: .new, step: nil, schedule: Self.schedule) == nil)
    #expect(CardState(kind: .learning, step: nil, schedule: Self.schedule) == nil)
    #expect(CardState(kind: .review, step: 0, schedule: Self.schedule) == nil)
    #expect(CardState(kind: .relearning, step: -1, schedule: Self.schedule) == nil)
    #expect(CardState(kind: .review, step: nil, schedule: nil) == nil)
  }

  @Test func newCard_hasNoScheduleOrDueDate() {
    #expect(CardState.new.schedule == nil)
    #expect(CardState.new.due == nil)
    #expect(CardState.new.scheduledInterval == 0)
  }
}
