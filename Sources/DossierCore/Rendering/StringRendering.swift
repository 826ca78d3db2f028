import Mustache

// swift-mustache prints a value it has no protocol for through `String(describing:)`, after trying
// several dynamic casts; for a String that is the slowest way to get the string itself. Declaring
// String renderable makes its first cast succeed and hands the text over unchanged, escaped as
// before by the template's content type.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
