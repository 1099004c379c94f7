// Placeholder: the fuzz target for AnkiImporter is being written.
@main enum FuzzAnkiImporter { static func main() {} }
