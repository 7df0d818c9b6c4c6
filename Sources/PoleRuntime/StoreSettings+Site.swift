public import PoleConfig
public import PoleStore

extension StoreService.StoreSettingsValues {
    /// The store's timing and retention from a site file, the same for a live run and a simulated
    /// one: rows stamped before the site's `clock.min_valid` were written with an unset clock.
    public init(_ site: SiteSettings) {
        self.init(
            flushIntervalMs: site.store.flushIntervalMs, airFlushIntervalMs: site.store.airFlushIntervalMs,
            keepEventsMs: site.store.keepEventsMs, keepAirMs: site.store.keepAirMs, maxBytes: site.store.maxBytes,
            validFromUtcMs: site.night.clockMinValidUTCSeconds * 1_000
        )
    }
}
