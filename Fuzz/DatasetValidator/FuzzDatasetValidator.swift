// Placeholder: the fuzz target for DatasetValidator is being written.
@main enum FuzzDatasetValidator { static func main() {} }
