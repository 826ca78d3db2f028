extension SiteConfig {
    /// Checks `site.yml`; nil when any field is unusable.
    static func validate(_ raw: SiteConfigFile, block: YAMLBlock, diagnostics: inout Diagnostics) -> SiteConfig? {
        var check = FieldValidator(block: block)
        defer { diagnostics.append(contentsOf: check.diagnostics) }

        let title = check.trimmed(raw.title)
        if title == nil { check.error("'title' must not be empty", code: "empty-field", at: "title") }
        let baseURL = check.webURL(raw.baseURL, at: "base_url")
        let language = check.trimmed(raw.language) ?? "en"
        if language.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/) == nil {
            check.error("invalid language tag '\(language)'; expected a BCP 47 tag such as 'en' or 'sq-AL'",
                        code: "invalid-language", at: "language")
        }
        let publishTLP = raw.publishTLP == nil ? .clear : check.tlp(raw.publishTLP!, at: "publish_tlp")
        guard let title, let publishTLP, !check.diagnostics.hasErrors else { return nil }
        return SiteConfig(title: title, description: check.trimmed(raw.description), baseURL: baseURL,
                          language: language, publishTLP: publishTLP)
    }
}
