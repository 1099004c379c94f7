import PropertyBased
import Testing

@testable import Content
@testable import Quiz

@Suite struct AnswerParserTests {
  static func parse(_ text: String, _ item: QuizItem, seed: UInt64 = 7) -> AnswerParser.Outcome {
    AnswerParser.parse(text, item: item, presentation: Presentation(item: item, seed: seed))
  }

  @Test func theCorrectAnswerTypedForAnyShuffleScoresAsCorrect() async {
    await propertyCheck(count: 300, input: Gen.uint64()) { seed in
      for item in [QuizSamples.mc, QuizSamples.mr, QuizSamples.ordering, QuizSamples.matching] {
        let presentation = Presentation(item: item, seed: seed)
        let text = QuizSamples.correctText(item, presentation)
        guard case .answer(let response) = AnswerParser.parse(text, item: item, presentation: presentation) else {
          Issue.record("'\(text)' did not parse for \(item.id)")
          return
        }
        #expect(response.isCorrect(for: item), "\(item.id) seed \(seed): '\(text)'")
      }
    }
  }

  @Test(arguments: ["a c", "a,c", "ac", "A, C", "(a) (c)", "a and c", "1 3"])
  func multipleResponseAcceptsManyForms(text: String) {
    let item = QuizSamples.mr
    let p = Presentation(item: item, seed: 1)
    guard case .answer(.choice(let chosen)) = AnswerParser.parse(text, item: item, presentation: p) else {
      Issue.record("'\(text)' should parse")
      return
    }
    #expect(chosen == Set([p.order[0], p.order[2]]))
  }

  @Test func wrongCountsAndRepeatsAreReAskedNotScored() {
    #expect(
      Self.parse("a", QuizSamples.mr)
        == .invalid("choose exactly 2 options (you chose 1): type 2 letters from a–e, like 'a c' or 'a,c'"))
    #expect(
      Self.parse("a a", QuizSamples.mr) == .invalid("'a' is repeated: type 2 letters from a–e, like 'a c' or 'a,c'"))
    #expect(Self.parse("a b", QuizSamples.mc) == .invalid("choose exactly one option: type one letter, a–d"))
    #expect(Self.parse("z", QuizSamples.mc) == .invalid("'z' is not one of the options: type one letter, a–d"))
    #expect(Self.parse("", QuizSamples.mc) == .invalid("type an answer — one letter, a–d"))
    #expect(Self.parse("b!", QuizSamples.mc) == .invalid("that is not an answer: type one letter, a–d"))
  }

  @Test func orderingAcceptsSpacesCommasAndDigitsRun() {
    let item = QuizSamples.ordering
    let p = Presentation(item: item, seed: 3)
    let expected = AnswerParser.Outcome.answer(.order([p.order[2], p.order[0], p.order[1], p.order[3]]))
    #expect(AnswerParser.parse("3 1 2 4", item: item, presentation: p) == expected)
    #expect(AnswerParser.parse("3,1,2,4", item: item, presentation: p) == expected)
    #expect(AnswerParser.parse("3124", item: item, presentation: p) == expected)
    #expect(AnswerParser.parse("3 > 1 > 2 > 4", item: item, presentation: p) == expected)
  }

  @Test func anOrderingThatIsNotAPermutationIsReAsked() {
    let form = "type the step numbers 1–4 in the right order, like '4 3 2 1'"
    #expect(Self.parse("1 1 2 3", QuizSamples.ordering) == .invalid("each step goes in once: " + form))
    #expect(Self.parse("1 2 3", QuizSamples.ordering) == .invalid("put all 4 steps in order (you gave 3): " + form))
    #expect(Self.parse("1 2 3 9", QuizSamples.ordering) == .invalid("use only the step numbers 1–4: " + form))
  }

  @Test func matchingAcceptsPairsOrLettersInPromptOrder() {
    let item = QuizSamples.matching
    let p = Presentation(item: item, seed: 5)
    let a = AnswerParser.parse("1b 2a 3c", item: item, presentation: p)
    #expect(a == AnswerParser.parse("1b,2a,3c", item: item, presentation: p))
    #expect(a == AnswerParser.parse("1b2a3c", item: item, presentation: p))
    #expect(a == AnswerParser.parse("b a c", item: item, presentation: p))
    #expect(a == AnswerParser.parse("3c 1b 2a", item: item, presentation: p))
  }

  @Test func aMatchingWithAPromptLeftOutOrMatchedTwiceIsReAsked() {
    let form = "type a letter (a–d) for each prompt 1–3, like '1b 2a 3c'"
    #expect(Self.parse("1b 2a", QuizSamples.matching) == .invalid("prompt 3 has no match: " + form))
    #expect(Self.parse("1b 1a 3c", QuizSamples.matching) == .invalid("prompt 1 is matched twice: " + form))
    #expect(
      Self.parse("1b 2b 3c", QuizSamples.matching) == .invalid("each response matches one prompt at most: " + form))
    #expect(Self.parse("4a 1b 2c", QuizSamples.matching) == .invalid("there is no prompt 4: " + form))
  }

  @Test(arguments: [
    ("flag", AnswerParser.Command.flag), ("skip", .skip), ("back", .back), ("goto 12", .goto(12)), ("hint", .hint),
    ("explain", .explain), ("quit", .quit), ("Q", .quit),
  ])
  func navigationWordsAreCommands(text: String, command: AnswerParser.Command) {
    #expect(Self.parse(text, QuizSamples.mc) == .command(command))
  }

  @Test func allOrNothingScoring() {
    #expect(!Response.choice([0]).isCorrect(for: QuizSamples.mr))
    #expect(Response.choice([0, 2]).isCorrect(for: QuizSamples.mr))
    #expect(!Response.choice([0, 2, 3]).isCorrect(for: QuizSamples.mr))
    #expect(!Response.order([0, 1, 3, 2]).isCorrect(for: QuizSamples.ordering))
    #expect(!Response.match([0: 0, 1: 1, 2: 3]).isCorrect(for: QuizSamples.matching))
  }

  @Test func anOrderingIsNeverShownAlreadySolved() async {
    await propertyCheck(count: 200, input: Gen.uint64()) { seed in
      #expect(Presentation(item: QuizSamples.ordering, seed: seed).order != [0, 1, 2, 3])
    }
  }
}
