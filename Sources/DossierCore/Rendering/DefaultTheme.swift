/// The default theme compiled into the binary, so `dossier build` works in any folder.
/// `DefaultTheme+Files.swift` is generated from the repository's `templates/` by `make theme`;
/// a test fails when the two differ.
enum DefaultTheme {}
