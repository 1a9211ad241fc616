import Foundation
import FoundationXML
@testable import ScriptLibrary
@testable import ScriptSession

/// A parsed HTML or SVG output: whether it is well-formed XML, and its elements with their
/// attributes and text, so a test can look inside without string matching.
final class ParsedMarkup: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private(set) var isWellFormed = false
    private(set) var error: String?
    private var open: [Int] = []

    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        isWellFormed = parser.parse()
        if !isWellFormed { error = parser.parserError.map { "\($0)" } ?? "unknown error" }
    }

    var root: Element? { elements.first }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}
