// Placeholder: the fuzz target for RevlogImporter is being written.
@main enum FuzzRevlogImporter { static func main() {} }
