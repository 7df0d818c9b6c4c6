extension TOMLParser {
    /// An integer (decimal, `0x`, `0o`, `0b`) or a float (decimal, exponent, `inf`, `nan`), with
    /// `_` allowed only between digits.
    mutating func readNumber() throws(TOMLError) -> TOMLValue {
        let start = position
        var token: [UInt8] = []
        while let byte = current, Self.isNumberByte(byte) {
            token.append(byte)
            advance()
        }
        guard !token.isEmpty else { throw error("unexpected \(Self.describe(current)); expected a value") }
        guard let content = Self.number(token) else {
            let text = String(decoding: token, as: UTF8.self)
            throw error("\"\(text)\" is not a value; expected a string in quotes, a number, true, false, a date-time, an array or an inline table", at: start)
        }
        guard let content = content else {
            throw error("\(String(decoding: token, as: UTF8.self)) is out of the range of 64-bit integers", at: start)
        }
        return TOMLValue(content, at: start)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        TOMLText.isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    /// `nil` when `token` is not a number; `.some(nil)` when it is an integer too large for 64 bits.
    private static func number(_ token: [UInt8]) -> TOMLValue.Content?? {
        var body = token[...]
        var sign: UInt8?
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .float(sign == UInt8(ascii: "-") ? -.infinity : .infinity) }
        if body.elementsEqual("nan".utf8) { return .float(.nan) }
        if body.count > 2, body.first == UInt8(ascii: "0"), let radix = radix(of: body.dropFirst().first) {
            guard sign == nil else { return nil }
            return integer(body.dropFirst(2), radix: radix).map { value in value.map { .integer($0) } }
        }
        if body.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return float(token, body: body).map { .some(.float($0)) }
        }
        guard isDecimalRun(body), body.first != UInt8(ascii: "0") || body.count == 1 else { return nil }
        return .some(Int64(String(decoding: token.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)).map { .integer($0) })
    }

    private static func radix(of byte: UInt8?) -> Int64? {
        switch byte {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    /// Digits of `radix` with single `_` between them; `.some(nil)` on overflow.
    private static func integer(_ digits: ArraySlice<UInt8>, radix: Int64) -> Int64?? {
        guard isDigitRun(digits, where: { hexValue($0).map { Int64($0) < radix } ?? false }) else { return nil }
        var value: Int64 = 0
        for byte in digits where byte != UInt8(ascii: "_") {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(Int64(hexValue(byte) ?? 0))
            guard !overflow, !carry else { return .some(nil) }
            value = sum
        }
        return .some(value)
    }

    /// `int[.frac][(e|E)[+-]exp]` with at least a fraction or an exponent.
    private static func float(_ token: [UInt8], body: ArraySlice<UInt8>) -> Double? {
        let exponentAt = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = body[..<(exponentAt ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: UInt8(ascii: "."))
        let integerPart = mantissa[..<(dot ?? mantissa.endIndex)]
        guard isDecimalRun(integerPart), integerPart.first != UInt8(ascii: "0") || integerPart.count == 1 else { return nil }
        if let dot, !isDecimalRun(mantissa[(dot + 1)...]) { return nil }
        if let exponentAt {
            var exponent = body[(exponentAt + 1)...]
            if let first = exponent.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
            guard isDecimalRun(exponent) else { return nil }
        }
        return Double(String(decoding: token.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
    }

    private static func isDecimalRun(_ digits: ArraySlice<UInt8>) -> Bool {
        isDigitRun(digits) { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// One or more digits, with single underscores only between two digits.
    private static func isDigitRun(_ digits: ArraySlice<UInt8>, where isDigit: (UInt8) -> Bool) -> Bool {
        guard let first = digits.first, let last = digits.last, isDigit(first), isDigit(last) else { return false }
        var previousWasUnderscore = false
        for byte in digits {
            if byte == UInt8(ascii: "_") {
                guard !previousWasUnderscore else { return false }
                previousWasUnderscore = true
            } else {
                guard isDigit(byte) else { return false }
                previousWasUnderscore = false
            }
        }
        return true
    }
}
