// Placeholder: the fuzz target for ContentLoader is being written.
@main enum FuzzContentLoader { static func main() {} }
