import PoleCore
import Testing

@Suite struct DebouncerTests {
    @Test func acceptsTheFirstSampleAtOnce() {
        var debouncer = Debouncer<Lamp>(debounceMs: 40)
        #expect(debouncer.update(.lit, nowMs: 0) == .lit)
    }

    @Test func acceptsAChangeOnlyAfterItHeldForTheDebounceTime() {
        var debouncer = Debouncer<Lamp>(debounceMs: 40)
        _ = debouncer.update(.dark, nowMs: 0)
        #expect(debouncer.update(.lit, nowMs: 20) == .dark)
        #expect(debouncer.update(.lit, nowMs: 40) == .dark)
        #expect(debouncer.update(.lit, nowMs: 60) == .lit)
    }

    @Test func aBounceRestartsTheWait() {
        var debouncer = Debouncer<Lamp>(debounceMs: 40)
        _ = debouncer.update(.dark, nowMs: 0)
        _ = debouncer.update(.lit, nowMs: 20)
        _ = debouncer.update(.dark, nowMs: 40)
        #expect(debouncer.update(.lit, nowMs: 60) == .dark)
        #expect(debouncer.update(.lit, nowMs: 80) == .dark)
        #expect(debouncer.update(.lit, nowMs: 100) == .lit)
    }

    @Test func zeroDebounceFollowsImmediately() {
        var debouncer = Debouncer<Lamp>(debounceMs: 0)
        _ = debouncer.update(.dark, nowMs: 0)
        #expect(debouncer.update(.lit, nowMs: 20) == .lit)
    }
}
