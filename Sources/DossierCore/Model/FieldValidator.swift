import Foundation

/// Checks the values of one front-matter block, reporting each problem at the value's position.
struct FieldValidator {
    let block: YAMLBlock
    var diagnostics = Diagnostics()

    init(block: YAMLBlock) {
        self.block = block
    }

    mutating func error(_ message: String, code: String, at keys: FieldKey...) {
        diagnostics.error(block.location(at: keys), message, code: code)
    }

    mutating func warning(_ message: String, code: String, at keys: FieldKey...) {
        diagnostics.warning(block.location(at: keys), message, code: code)
    }

    mutating func tlp(_ text: String, at keys: FieldKey...) -> TLP? {
        guard let tlp = TLP(parsing: text) else {
            diagnostics.error(block.location(at: keys),
                              "invalid TLP marking '\(text)'; expected \(TLP.accepted)", code: "invalid-tlp")
            return nil
        }
        return tlp
    }

    mutating func date(_ text: String?, at keys: FieldKey...) -> FuzzyDate? {
        guard let text else { return nil }
        guard let date = FuzzyDate(parsing: text) else {
            diagnostics.error(block.location(at: keys),
                              "invalid date '\(text)'; expected YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date",
                              code: "invalid-date")
            return nil
        }
        return date
    }

    mutating func oneOf<T: RawRepresentable & CaseIterable>(
        _ text: String?, _ type: T.Type, field: String, at keys: FieldKey...
    ) -> T? where T.RawValue == String {
        guard let text else { return nil }
        if let value = T(rawValue: text.lowercased()) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        diagnostics.error(block.location(at: keys), "invalid \(field) '\(text)'; expected one of: \(allowed)",
                          code: "invalid-\(field)")
        return nil
    }

    /// Slugs for sectors and tags: lower-case words joined by single hyphens.
    mutating func slugs(_ values: [String]?, field: String) -> [String] {
        var result: [String] = []
        for (index, value) in (values ?? []).enumerated() {
            if Identifier.isValid(value) {
                result.append(value)
            } else {
                error("invalid entry '\(value)' in \(field); use lower-case letters, digits and single hyphens",
                      code: "invalid-slug", at: FieldKey(stringValue: field), FieldKey(intValue: index))
            }
        }
        return result
    }

    mutating func country(_ code: String, at keys: [FieldKey]) -> String? {
        guard CountryCodes.names[code] != nil else {
            let hint = CountryCodes.names[code.uppercased()] != nil ? "; write it in capitals: '\(code.uppercased())'" : ""
            diagnostics.error(block.location(at: keys),
                              "unknown country code '\(code)'; expected an ISO 3166-1 alpha-2 code such as 'AL'\(hint)",
                              code: "invalid-country")
            return nil
        }
        return code
    }

    mutating func technique(_ id: String, at keys: [FieldKey]) -> String? {
        guard Self.isTechniqueID(id) else {
            diagnostics.error(block.location(at: keys),
                              "invalid ATT&CK technique id '\(id)'; expected a form like T1485 or T1566.001",
                              code: "invalid-technique")
            return nil
        }
        return id
    }

    /// `T1485` or `T1566.001`. Checked by hand: a regex literal here costs more than the rest of validation.
    static func isTechniqueID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { (0x30...0x39).contains(bytes[$0]) } }
        switch bytes.count {
        case 5: return bytes[0] == UInt8(ascii: "T") && digits(1..<5)
        case 9: return bytes[0] == UInt8(ascii: "T") && digits(1..<5) && bytes[5] == UInt8(ascii: ".") && digits(6..<9)
        default: return false
        }
    }

    mutating func webURL(_ text: String?, at keys: FieldKey...) -> String? {
        guard let text else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            diagnostics.error(block.location(at: keys), "invalid URL '\(text)'; only http and https links are allowed",
                              code: "invalid-url")
            return nil
        }
        return text
    }

    /// Without leading and trailing white space, or nil when nothing is left. Native, as bridging
    /// to NSString for every field of every document was a thirtieth of a large build's time.
    func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !Self.isWhitespace($0) }) else { return nil }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// Foundation's `.whitespacesAndNewlines`: Unicode's White_Space, and the zero-width space,
    /// which pasted text often carries and which would otherwise make an invisible title.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B
    }
}

/// The rule for ids and slugs: `^[a-z0-9]+(-[a-z0-9]+)*$`.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
