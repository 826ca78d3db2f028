/// Helpers for the values handed to Mustache templates.
///
/// Mustache looks a missing key up in the enclosing contexts, so an item without a `summary`
/// would show its page's summary instead. Every optional key is therefore always present,
/// holding `false` when empty, and templates test it with `{{#key}}…{{/key}}`.
enum TemplateValue {
    /// An optional value, or `false`.
    static func optional(_ value: Any?) -> Any {
        value ?? false
    }

    /// A non-empty text, or `false`.
    static func text(_ value: String?) -> Any {
        guard let value, !value.isEmpty else { return false }
        return value
    }

    /// A list as `{items: [...], count: n}`, so a template can wrap it once (`<ul>`) with
    /// `{{#list}}<ul>{{#items}}…{{/items}}</ul>{{/list}}`; `false` when empty.
    static func list(_ items: [[String: Any]]) -> Any {
        items.isEmpty ? false : ["items": items, "count": items.count]
    }
}
