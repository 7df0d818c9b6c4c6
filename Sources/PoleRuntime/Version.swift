import PoleLinux

/// The version of poled and polectl, one place for both.
public enum PoledVersion {
    public static let string = "0.1.0"

    /// `poled --version`: the version and the libgpiod API built in (1.x on Debian 12, 2.x on Debian
    /// 13), e.g. "0.1.0 (libgpiod v2 API, library 2.2.1)".
    public static var withLibraries: String {
        "\(string) (\(Libgpiod.apiDescription))"
    }
}
