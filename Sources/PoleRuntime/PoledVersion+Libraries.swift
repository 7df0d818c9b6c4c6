public import PoleProtocol
import PoleLinux

extension PoledVersion {
    /// `poled --version`: the version and the libgpiod API built in (1.x on Debian 12, 2.x on Debian
    /// 13), e.g. "0.1.0 (libgpiod v2 API, library 2.2.1)". The daemon's alone: polectl links no libgpiod.
    public static var withLibraries: String {
        "\(string) (\(Libgpiod.apiDescription))"
    }
}
