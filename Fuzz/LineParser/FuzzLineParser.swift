// Placeholder: the fuzz target for LineParser is being written.
@main enum FuzzLineParser { static func main() {} }
