// The Stats tests live beside this file.
