/// The Mustache field tables of the HTML view models (see `MustacheFields`), one entry per
/// stored property.

extension HTMLPage: MustacheFields {
    static let fields: [String: @Sendable (HTMLPage) -> Any?] = [
        "title": { $0.title }, "subtitle": { $0.subtitle }, "scopeLine": { $0.scopeLine },
        "toolVersion": { $0.toolVersion }, "stylesheet": { $0.stylesheet }, "sections": { $0.sections },
    ]
}

extension HTMLSection: MustacheFields {
    static let fields: [String: @Sendable (HTMLSection) -> Any?] = [
        "id": { $0.id }, "number": { $0.number }, "title": { $0.title }, "leadHTML": { $0.leadHTML },
        "openingBlocks": { $0.openingBlocks }, "blocks": { $0.blocks }, "printClass": { $0.printClass },
        "appendix": { $0.appendix },
    ]
}

extension HTMLBlock: MustacheFields {
    static let fields: [String: @Sendable (HTMLBlock) -> Any?] = [
        "heading": { $0.heading }, "paragraphHTML": { $0.paragraphHTML }, "notice": { $0.notice },
        "bullets": { $0.bullets }, "recommendation": { $0.recommendation }, "facts": { $0.facts },
        "table": { $0.table }, "chart": { $0.chart }, "keepTogether": { $0.keepTogether },
    ]
}

extension HTMLBlockGroup: MustacheFields {
    static let fields: [String: @Sendable (HTMLBlockGroup) -> Any?] = ["blocks": { $0.blocks }]
}

extension HTMLNotice: MustacheFields {
    static let fields: [String: @Sendable (HTMLNotice) -> Any?] = ["kind": { $0.kind }, "textHTML": { $0.textHTML }]
}

extension HTMLRecommendation: MustacheFields {
    static let fields: [String: @Sendable (HTMLRecommendation) -> Any?] = [
        "headline": { $0.headline }, "badge": { $0.badge }, "tone": { $0.tone }, "reasonsHTML": { $0.reasonsHTML },
    ]
}

extension HTMLBulletList: MustacheFields {
    static let fields: [String: @Sendable (HTMLBulletList) -> Any?] = ["itemsHTML": { $0.itemsHTML }]
}

extension HTMLFactList: MustacheFields {
    static let fields: [String: @Sendable (HTMLFactList) -> Any?] = ["items": { $0.items }]
}

extension HTMLKeyValue: MustacheFields {
    static let fields: [String: @Sendable (HTMLKeyValue) -> Any?] = ["key": { $0.key }, "valueHTML": { $0.valueHTML }]
}

extension HTMLTable: MustacheFields {
    static let fields: [String: @Sendable (HTMLTable) -> Any?] = [
        "id": { $0.id }, "title": { $0.title }, "captionHTML": { $0.captionHTML }, "columns": { $0.columns },
        "rows": { $0.rows }, "columnCount": { $0.columnCount }, "emptyText": { $0.emptyText },
        "widthClass": { $0.widthClass },
    ]
}

extension HTMLColumn: MustacheFields {
    static let fields: [String: @Sendable (HTMLColumn) -> Any?] = ["title": { $0.title }, "numeric": { $0.numeric }]
}

extension HTMLRow: MustacheFields {
    static let fields: [String: @Sendable (HTMLRow) -> Any?] = ["cells": { $0.cells }]
}

extension HTMLCell: MustacheFields {
    static let fields: [String: @Sendable (HTMLCell) -> Any?] = [
        "text": { $0.text }, "emphasis": { $0.emphasis }, "badgeTone": { $0.badgeTone }, "cssClass": { $0.cssClass },
    ]
}

extension HTMLChart: MustacheFields {
    static let fields: [String: @Sendable (HTMLChart) -> Any?] = [
        "id": { $0.id }, "svg": { $0.svg }, "captionHTML": { $0.captionHTML },
    ]
}
