import PoleConfig
import Testing

/// `[store]` and `[uplink]`: defaults, every key, and the mistakes a district's operator makes.
@Suite struct StoreUplinkSettingsTests {
    private func parse(_ site: String) throws -> SiteSettings {
        try ConfigLoader.parse(site: ("poled.toml", site), board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources).site
    }

    @Test func defaultsBatchEvery30sAndKeepTheUplinkOff() throws {
        let site = try parse("")
        #expect(site.store.flushIntervalMs == 30_000 && site.store.airFlushIntervalMs == 300_000)
        #expect(site.store.keepEventsMs == 365 * 86_400_000 && site.store.keepAirMs == 30 * 86_400_000)
        #expect(site.store.maxBytes == 64 << 20)
        #expect(!site.uplink.enabled)
        #expect(site.uplink.effectivePort == 1883)
    }

    @Test func everyKeyIsRead() throws {
        let site = try parse("""
            [site]
            id = "gangnam-17"
            [store]
            flush_interval = "5m"
            air_flush_interval = "15m"
            keep_events = "90d"
            keep_air = "7d"
            max_size_mib = 16
            [uplink]
            enabled = true
            host = "mqtt.district.example"
            client_id = "pole-17"
            topic_prefix = "city/poles"
            keepalive_seconds = 30
            status_interval = "5m"
            username = "pole-17"
            password_file = "/etc/poled/uplink.password"
            ca_file = "/etc/poled/ca.pem"
            cert_file = "/etc/poled/pole.crt"
            key_file = "/etc/poled/pole.key"
            """)
        #expect(site.store.flushIntervalMs == 300_000 && site.store.airFlushIntervalMs == 900_000 && site.store.keepEventsMs == 90 * 86_400_000 && site.store.keepAirMs == 7 * 86_400_000)
        #expect(site.store.maxBytes == 16 << 20)
        #expect(site.uplink.enabled && site.uplink.host == "mqtt.district.example" && site.uplink.clientID == "pole-17")
        #expect(site.uplink.topicPrefix == "city/poles" && site.uplink.keepAliveSeconds == 30 && site.uplink.statusIntervalMs == 300_000)
        #expect(site.uplink.effectivePort == 8883, "TLS by default on 8883")
        #expect(site.uplink.keyFile == "/etc/poled/pole.key" && site.uplink.passwordFile == "/etc/poled/uplink.password")
    }

    @Test(arguments: [
        ("[store]\nflush_interval = \"100ms\"", "poled.toml:2: store.flush_interval: \"100ms\" is out of range; expected 1s…10m"),
        ("[store]\nkeep_air = \"12h\"", "poled.toml:2: store.keep_air: \"12h\" is out of range; expected 1d…3650d"),
        ("[uplink]\nenabled = true", "poled.toml:2: uplink.enabled: the uplink is enabled but has no host; set uplink.host"),
        ("[uplink]\nhost = \"a b\"", "poled.toml:2: uplink.host: \"a b\" is not a host name or address"),
        ("[uplink]\ntopic_prefix = \"city/#\"", "poled.toml:2: uplink.topic_prefix: \"city/#\" is not a topic prefix; expected levels like \"city/poles\" without wildcards or outer slashes"),
        ("[uplink]\nca_file = \"/ca.pem\"\ncert_file = \"/pole.crt\"", "poled.toml:3: uplink.cert_file: a client certificate needs both cert_file and key_file"),
        ("[uplink]\ncert_file = \"/pole.crt\"\nkey_file = \"/pole.key\"", "poled.toml:2: uplink.cert_file: a client certificate needs TLS; set ca_file to the broker's CA"),
        ("[uplink]\nclient_id = \"a-client-id-longer-than-23\"", "poled.toml:2: uplink.client_id: \"a-client-id-longer-than-23\" is not a client id; expected 1–23 printable ASCII characters (MQTT 3.1.1)"),
        ("[uplink]\npassword = \"hunter2\"", "poled.toml:2: uplink.password: unknown key; expected one of: enabled, host, port, client_id, topic_prefix, keepalive_seconds, status_interval, username, password_file, ca_file, cert_file, key_file"),
    ])
    func mistakesAreNamed(site: String, message: String) throws {
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.description == message)
    }
}
